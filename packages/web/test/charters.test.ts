import { builtinCharterSource, CharterError, parseCharter } from '@concert/engine';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot, startUiPlatform, type UiPlatform, watchErrors } from './platform.ts';

describe.runIf(browserAvailable())('the charters view in chromium', () => {
  let platform: UiPlatform;
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    platform = await startUiPlatform();
    page = await (await platform.context()).newPage();
    watchErrors(page, errors);
  }, 120_000);
  afterAll(() => platform?.close());

  it('browses a built-in charter: its decision rules with the article each encodes beside it', async () => {
    await page.goto('/#/charters');
    await page
      .getByRole('navigation', { name: 'Built-in charters' })
      .getByRole('link', { name: 'UNSC', exact: true })
      .click();
    await page
      .getByRole('heading', { level: 2, name: /Security Council/ })
      .first()
      .waitFor();
    const substantive = page
      .locator('.category')
      .filter({ has: page.getByText('Substantive matters', { exact: true }) });
    await expect(
      substantive
        .locator('.cited', { hasText: 'No permanent member votes against' })
        .locator('cite')
        .textContent(),
    ).resolves.toContain('ICJ Namibia advisory opinion (1971), para 22');
    await expect(substantive.textContent()).resolves.toContain(
      'consensus [among permanent=true] (no objection)',
    );
    expect(new URL(page.url()).hash).toBe('#/charters?id=unsc');
    await screenshot(page, 'charters-unsc');

    await page.getByRole('link', { name: 'Continental alliance' }).click();
    const major = page
      .locator('.category')
      .filter({ has: page.getByText('Major security actions', { exact: true }) });
    await expect(
      major
        .locator('.cited', { hasText: 'Regions (majority in at least 4 of 5)' })
        .locator('cite')
        .textContent(),
    ).resolves.toContain('000 §V ¶2');
    await expect(page.locator('.charter-detail').textContent()).resolves.toMatch(/Withdrawal:/);
    await screenshot(page, 'charters-continental');
    expect(errors).toEqual([]);
  });

  it('checks an uploaded charter and names the path and line of its first error', async () => {
    const source = builtinCharterSource('continental')!;
    const misspelt = source.replace('        ballot: roll-call\n', '        balot: roll-call\n');
    expect(misspelt).not.toBe(source);
    // The line the engine names (the CLI's `concert validate` says the same), shown unchanged by the UI.
    const line = (() => {
      try {
        parseCharter(misspelt, { source: 'broken.yaml' });
      } catch (e) {
        if (e instanceof CharterError) return e.line;
      }
      return undefined;
    })();
    expect(line).toBeGreaterThan(1);
    await page.goto('/#/charters?upload=1');
    await page.getByLabel('Charter file (or drop it here)').setInputFiles({
      name: 'broken.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(misspelt),
    });
    const alert = page.locator('.validation-error');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain('unknown field "balot"');
    expect(text).toContain(`line ${line}`);
    expect(text).toContain('at bodies[0].categories[0]');
    await screenshot(page, 'charters-upload-error');
    expect(errors).toEqual([]);
  });

  it('accepts a valid pasted charter and shows its summary', async () => {
    await page.getByLabel("Or paste the charter's text").fill(builtinCharterSource('nato')!);
    await page.getByRole('button', { name: 'Check pasted text' }).click();
    await page
      .getByText(/pasted\.yaml is a valid charter: \d+ bodies, \d+ decision rules, 3\d members/)
      .waitFor();
    await page.locator('.validation-ok .charter-detail').waitFor();
    expect(errors).toEqual([]);
  });

  it('refuses a file over the 1 MiB limit before reading it, with a clear message', async () => {
    await page.getByLabel('Charter file (or drop it here)').setInputFiles({
      name: 'huge.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.alloc(3 * 1024 * 1024, 'a'),
    });
    await expect(page.locator('.validation-error').textContent()).resolves.toMatch(
      /3\.0 MiB; charters larger than 1 MiB are refused/,
    );
    expect(errors).toEqual([]);
  });
});
