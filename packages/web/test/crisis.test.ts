import { builtinCharter, builtinScenario, planFor, simulateEnsemble } from '@concert/engine';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot, startUiPlatform, type UiPlatform, watchErrors } from './platform.ts';

describe.runIf(browserAvailable())('the crisis view in chromium', () => {
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

  it('plays the Baltic incursion under continental and NATO: a timeline, then the same fractions as the engine', async () => {
    await page.goto('/#/crisis?scenario=baltic-incursion&charters=continental,nato&runs=2000&seed=1');
    const scenario = builtinScenario('baltic-incursion');
    await page.getByRole('heading', { name: scenario.title, exact: true }).waitFor({ timeout: 60_000 });
    await expect(page.getByLabel('Scenario', { exact: true }).inputValue()).resolves.toBe('baltic-incursion');
    await expect(page.getByRole('checkbox', { name: /\(nato\)/ }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: /\(eu\)/ }).isChecked()).resolves.toBe(false);

    const votes = page.locator('.crisis-timeline tr[data-event="vote"]');
    await expect.poll(() => votes.count()).toBeGreaterThan(0);
    await expect(votes.first().textContent()).resolves.toMatch(/\d+ yes, \d+ no/);

    await page.locator('.crisis-rungs').nth(1).waitFor({ timeout: 90_000 });
    const expected = simulateEnsemble(scenario, planFor(scenario, builtinCharter('nato')), 2000, 1);
    const rung =
      expected.rungs.find((r) => r.decidedBy && r.adopted > 0 && r.adopted < 1) ?? expected.rungs[0]!;
    const cell = page.locator(
      `section[data-charter="nato"] tr[data-rung="${rung.id}"] td[data-value="adopted"]`,
    );
    await expect(cell.first().textContent()).resolves.toBe(rung.adopted.toFixed(4));
    const bars = page.locator('.crisis-chart g[aria-label="bar"] rect');
    const continental = planFor(scenario, builtinCharter('continental'));
    await expect
      .poll(() => bars.count())
      .toBe(continental.rungs.length + planFor(scenario, builtinCharter('nato')).rungs.length);
    await screenshot(page, 'crisis-baltic');
    expect(errors).toEqual([]);
  }, 150_000);

  it('shows progress for a large ensemble and cancels it, keeping the choice in the address', async () => {
    await page.getByLabel('Runs', { exact: true }).fill('200000');
    const progress = page.getByRole('progressbar', { name: 'Ensemble progress' });
    await progress.waitFor();
    await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Ensemble cancelled.').waitFor();
    expect(await progress.count()).toBe(0);
    expect(await page.locator('.crisis-rungs').count()).toBe(0);
    expect(new URL(page.url()).hash).toContain('runs=200000');
    expect(errors).toEqual([]);
  }, 120_000);

  it('refuses a run count out of range with one message and starts nothing', async () => {
    await page.getByLabel('Runs', { exact: true }).fill('0');
    await page.getByRole('alert').filter({ hasText: 'a whole number from 1 to 200,000' }).waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);
});
