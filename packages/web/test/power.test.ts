import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot, startUiPlatform, type UiPlatform, watchErrors } from './platform.ts';

describe.runIf(browserAvailable())('the power lab in chromium', () => {
  let platform: UiPlatform;
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    platform = await startUiPlatform();
    const context = await platform.context();
    page = await context.newPage();
    watchErrors(page, errors);
  }, 120_000);
  afterAll(async () => {
    await platform?.close();
  });

  const results = () => page.getByRole('heading', { name: 'Verdict' });

  it('analyses a continental council category: bars per member, the table and the verdict', async () => {
    await page.goto('/#/power');
    await page.getByLabel('Charter', { exact: true }).selectOption('continental');
    await page.getByLabel('Body', { exact: true }).selectOption('council');
    await page.getByLabel('Category', { exact: true }).selectOption('ordinary');
    await results().waitFor({ timeout: 60_000 });
    const bars = page.locator('.power-chart g[aria-label="bar"] rect');
    await expect.poll(() => bars.count()).toBeGreaterThanOrEqual(2 * 40);
    await expect(page.locator('.verdict li').first().textContent()).resolves.toMatch(/alone/);
    await expect(page.locator('.verdict').textContent()).resolves.toContain('square-root ideal');
    expect(new URL(page.url()).hash).toContain('category=ordinary');
    await screenshot(page, 'power-continental');
    expect(errors).toEqual([]);
  }, 120_000);

  it('runs the heaviest continental rule (regional meet in the middle) in the worker, and cancels a run', async () => {
    await page.getByLabel('Category', { exact: true }).selectOption('major-security-action');
    const progress = page.getByRole('progressbar', { name: 'Power analysis progress' });
    await progress.waitFor();
    await page
      .getByTestId('analysed')
      .filter({ hasText: 'Major security actions' })
      .waitFor({ timeout: 90_000 });
    await expect(page.getByTestId('method').textContent()).resolves.toContain(
      'regional-meet-in-the-middle (exact)',
    );
    await page.getByLabel('Members as of', { exact: true }).fill('2025-06-01');
    await progress.waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Power analysis cancelled.').waitFor();
    expect(await progress.count()).toBe(0);
    expect(errors).toEqual([]);
  }, 150_000);

  it('reproduces the Security Council: a permanent member has Shapley–Shubik 0.1963 and a veto', async () => {
    await page.getByLabel('Charter', { exact: true }).selectOption('unsc');
    await page.getByLabel('Category', { exact: true }).selectOption('substantive');
    await page.getByTestId('analysed').filter({ hasText: 'Substantive' }).waitFor({ timeout: 60_000 });
    const usa = page.locator('.power-table tr[data-member="USA"] td[data-index="shapley"]');
    await expect(usa.textContent()).resolves.toBe('0.1963');
    await expect(page.locator('.verdict').textContent()).resolves.toMatch(
      /CHN, FRA, GBR, RUS, USA can block alone/,
    );
    expect(new URL(page.url()).hash).toContain('charter=unsc');
    await screenshot(page, 'power-unsc');
    expect(errors).toEqual([]);
  }, 120_000);

  it('says why a date is outside a rule, and shows no stale result', async () => {
    await page.getByLabel('Members as of', { exact: true }).fill('1960-01-01');
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(/"substantive" applies from 1965-08-31, not on 1960-01-01/);
    expect(await results().count()).toBe(0);
    await page.getByLabel('Members as of', { exact: true }).fill('2026-01-01');
    await results().waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
  }, 120_000);

  it('checks an edited rule as one types and shows the engine message with its path and line', async () => {
    await page.getByText('Edit the rule (YAML)').click();
    const editor = page.getByLabel('Rule (YAML)', { exact: true });
    await editor.fill(
      'all:\n  - quota: { weight: count, at_least: 9 }\n  - quota: { weight: count, at_least: 3, wieght: 2 }\n',
    );
    const alert = page.locator('.rule-editor .error');
    await expect
      .poll(() => alert.textContent(), { timeout: 10_000 })
      .toMatch(/Line 3.*all\[1\]\.quota.*wieght/);
    await expect(page.getByRole('button', { name: 'Analyse edited rule' }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'power-rule-error');
    await editor.fill('quota: { weight: count, at_least: 8 }\n');
    await page.getByText(/The rule is valid for these 15 members/).waitFor();
    await page.getByRole('button', { name: 'Analyse edited rule' }).click();
    await page.getByTestId('analysed').filter({ hasText: 'edited rule' }).waitFor({ timeout: 60_000 });
    await expect(page.locator('.verdict').textContent()).resolves.toContain(
      'No single member can block alone',
    );
    expect(errors).toEqual([]);
  }, 120_000);

  it('runs a small design search in the worker with progress, and plots and lists its Pareto set', async () => {
    await page.goto('/#/power?charter=eu&body=council&category=qmv');
    await results().waitFor({ timeout: 60_000 });
    await page.getByLabel('Quota step', { exact: true }).fill('0.5');
    await page.getByRole('button', { name: /Run design search \(243 rules\)/ }).click();
    const bar = page.getByRole('progressbar', { name: 'Design search progress' });
    await bar.waitFor();
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0);
    await page.getByText(/rules tried, \d+ meet the goals/).waitFor({ timeout: 90_000 });
    await expect
      .poll(() => page.locator('.design-outcome g[aria-label="dot"] circle').count())
      .toBeGreaterThan(1);
    await expect.poll(() => page.locator('.pareto-table tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'power-design');
    expect(errors).toEqual([]);
  }, 180_000);

  it('cancels a long design search and stops its progress bar', async () => {
    await page.getByLabel('Quota step', { exact: true }).fill('0.05');
    await page.getByLabel('Exponents α (comma-separated)', { exact: true }).fill('0, 0.25, 0.5, 0.75, 1');
    await page.getByRole('button', { name: /Run design search/ }).click();
    const bar = page.getByRole('progressbar', { name: 'Design search progress' });
    await bar.waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Design search cancelled.').waitFor();
    expect(await bar.count()).toBe(0);
    await expect(page.getByRole('button', { name: /Run design search/ }).isEnabled()).resolves.toBe(true);
    expect(errors).toEqual([]);
  }, 120_000);
});
