import { builtinCharter, describeRule, diffCharters } from '@concert/engine';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot, startUiPlatform, type UiPlatform, watchErrors } from './platform.ts';

function categoryIn(page: Page, charter: string, state: string) {
  return page
    .locator(`.compare-map[data-charter="${charter}"] [data-state="${state}"]`)
    .getAttribute('data-category');
}

describe.runIf(browserAvailable())('the compare view in chromium', () => {
  let platform: UiPlatform;
  beforeAll(async () => {
    platform = await startUiPlatform();
  }, 120_000);
  afterAll(() => platform?.close());

  it('shows two charters side by side with their differences, rules and coverage maps', async () => {
    const context = await platform.context();
    const page = await context.newPage();
    const errors: string[] = [];
    watchErrors(page, errors);
    await page.goto('/#/compare?a=continental&b=nato&date=2026-01-01');
    const continental = builtinCharter('continental');
    const nato = builtinCharter('nato');
    await page.getByRole('heading', { level: 2, name: continental.name }).waitFor();
    await page.getByRole('heading', { level: 2, name: nato.name }).waitFor();

    const diff = diffCharters(continental, nato);
    expect(diff.differences).toBeGreaterThan(0);
    await page.getByText(`${diff.differences} of ${diff.points.length} points differ.`).waitFor();
    expect(await page.locator('.compare-table tr.differs').count()).toBe(
      diff.points.filter((p) => !p.same && p.aspect !== 'every rule').length,
    );
    const guarantee = page.locator('.compare-table tr', { hasText: 'armed attack: obligation or right' });
    expect(await guarantee.locator('td').allTextContents()).toEqual([
      expect.stringContaining(diff.points.find((p) => p.aspect === 'armed attack: obligation or right')!.a),
      expect.stringContaining('obligation'),
      expect.any(String),
    ]);
    const consensus = nato.bodies[0]!.categories[0]!;
    await page.getByText(describeRule(consensus.rule), { exact: false }).first().waitFor();
    await page.getByText(consensus.cite).first().waitFor();

    // Coverage maps: NATO's Article 5 covers Poland and Finland in 2026, not Russia.
    await page.locator('.compare-map[data-charter="nato"] [data-state="POL"]').waitFor();
    expect(await categoryIn(page, 'nato', 'POL')).toBe('obligation');
    expect(await categoryIn(page, 'nato', 'FIN')).toBe('obligation');
    expect(await categoryIn(page, 'nato', 'RUS')).toBe('not-member');
    const continentalNature = continental.guarantees.find((g) => g.triggers.includes('armed-attack'))!.nature;
    expect(await categoryIn(page, 'continental', 'RUS')).toBe(continentalNature);
    // The small maps show the Europe frame, where North America is off the edge.
    expect(await page.locator('.compare-map[data-charter="continental"] [data-state="USA"]').count()).toBe(0);
    await screenshot(page, 'compare-continental-nato');

    await page.getByLabel('First architecture').selectOption('est-2009');
    await page.getByLabel('Second architecture').selectOption('esd-western');
    const other = diffCharters(builtinCharter('est-2009'), builtinCharter('esd-western'));
    await page.getByText(`${other.differences} of ${other.points.length} points differ.`).waitFor();
    await page.getByRole('heading', { level: 2, name: builtinCharter('est-2009').name }).waitFor();
    expect(page.url()).toContain('a=est-2009');
    expect(page.url()).toContain('b=esd-western');
    await screenshot(page, 'compare-est-2009-esd-western');
    expect(errors).toEqual([]);
    await context.close();
  });
});
