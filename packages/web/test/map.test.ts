import {
  analysePower,
  builtinCharter,
  coverageOn,
  decisionGame,
  institutionOn,
  powerGameFromDecision,
  stateIds,
} from '@concert/engine';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot, startUiPlatform, type UiPlatform, watchErrors } from './platform.ts';

/** The colour the legend gives a category, and the fill a state is drawn with. */
async function legendColour(page: Page, category: string): Promise<string> {
  return (
    (await page.locator(`.legend li[data-category="${category}"] .swatch`).getAttribute('data-colour')) ?? ''
  );
}
async function fillOf(page: Page, state: string): Promise<string> {
  return (await page.locator(`.state-map [data-state="${state}"]`).getAttribute('fill')) ?? '';
}
async function categoriesOnMap(page: Page): Promise<Record<string, string>> {
  return page.$$eval('.state-map [data-state]', (els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-state'), e.getAttribute('data-category')])),
  );
}

describe.runIf(browserAvailable())('the map view in chromium', () => {
  let platform: UiPlatform;
  let errors: string[];
  beforeAll(async () => {
    platform = await startUiPlatform();
  }, 120_000);
  afterAll(() => platform?.close());

  async function open(hash: string): Promise<Page> {
    const context = await platform.context();
    const page = await context.newPage();
    errors = [];
    watchErrors(page, errors);
    await page.goto(`/${hash}`);
    await page.locator('.state-map [data-state="FIN"]').waitFor();
    return page;
  }

  it('colours Finland outside NATO on 2009-06-24 and inside it on 2026-01-01, by slider and date input', async () => {
    const page = await open('#/map?date=2009-06-24&colour=nato');
    const member = await legendColour(page, 'member');
    const nonMember = await legendColour(page, 'non-member');
    expect(member).not.toBe(nonMember);
    expect(await fillOf(page, 'FIN')).toBe(nonMember);
    expect(await fillOf(page, 'POL')).toBe(member);
    await screenshot(page, 'map-nato-2009-06-24');

    await page.getByLabel('Exact date').fill('2026-01-01');
    await expect.poll(() => fillOf(page, 'FIN')).toBe(member);
    expect(page.url()).toContain('date=2026-01-01');
    expect(page.url()).toContain('colour=nato');
    await expect
      .poll(() => page.locator('.legend li[data-category="member"] .count').textContent())
      .toBe('32');

    // The slider: Home goes to 1991-01-01, before Poland (1999) and Finland (2023) joined.
    const slider = page.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.url()).toContain('date=1991-01-01');
    expect(await fillOf(page, 'POL')).toBe(nonMember);
    await page.keyboard.press('End');
    await expect.poll(() => fillOf(page, 'FIN')).toBe(member);
    await screenshot(page, 'map-nato-today');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws defence coverage as the engine computes it, on 2009-06-24 and 2026-01-01', async () => {
    const page = await open('#/map?date=2009-06-24&colour=coverage');
    for (const date of ['2009-06-24', '2026-01-01']) {
      await page.getByLabel('Exact date').fill(date);
      const expected: Record<string, string> = {};
      for (const id of stateIds()) expected[id] = 'not-participating';
      for (const s of coverageOn(date).states) {
        expected[s.id] = s.guarantees.some((g) => g.nature === 'obligation')
          ? 'obligation'
          : s.guarantees.length > 0
            ? 'right'
            : 'none';
      }
      const europe = Object.fromEntries(
        Object.keys(await categoriesOnMap(page)).map((id) => [id, expected[id]]),
      );
      await expect.poll(() => categoriesOnMap(page)).toEqual(europe);
      await screenshot(page, `map-coverage-${date}`);
    }
    // Finland: no binding guarantee before the Lisbon Treaty's Art. 42(7), an obligation since NATO accession.
    await page.getByLabel('Exact date').fill('2009-06-24');
    await expect.poll(() => page.locator('[data-state="FIN"]').getAttribute('data-category')).toBe('none');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows a tooltip on hover and the details panel on click', async () => {
    const page = await open('#/map?date=2026-01-01&colour=nato');
    await page.locator('[data-state="FIN"]').hover();
    const tip = page.getByRole('tooltip');
    await expect.poll(() => tip.textContent()).toContain('Finland');
    expect(await tip.textContent()).toContain('NATO member');
    await page.locator('[data-state="FIN"]').click();
    const panel = page.locator('.map-details');
    await panel.getByRole('heading', { name: 'Finland' }).waitFor();
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('2023-04-04: joined NATO');
    expect(text).toContain('NATO member since 2023-04-04');
    expect(text).toContain('North Atlantic Treaty');
    expect(text).toMatch(/\d{1,3}(,\d{3})+ \(\d{4}; /); // population with year and source
    await expect.poll(() => panel.textContent()).toMatch(/normalised Banzhaf index 0\.\d{4}/);
    expect(page.url()).toContain('state=FIN');
    await screenshot(page, 'map-details-finland');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lists every state in the table with the category the map shows, and sorts it', async () => {
    const page = await open('#/map?date=2026-01-01&colour=nato');
    const rows = page.locator('[data-state-row]');
    expect(await rows.count()).toBe(stateIds().length);
    const table = await page.$$eval('[data-state-row]', (trs) =>
      Object.fromEntries(
        trs.map((tr) => [
          tr.getAttribute('data-state-row'),
          tr.querySelector('[data-category]')?.getAttribute('data-category'),
        ]),
      ),
    );
    const map = await categoriesOnMap(page);
    for (const [id, category] of Object.entries(map)) expect(table[id], id).toBe(category);
    expect(table.FIN).toBe('member');
    await page.getByRole('button', { name: 'Population' }).click();
    expect(await rows.first().getAttribute('data-state-row')).toBe('USA');
    await page.locator('[data-state-row="MLT"] button').click();
    await page.locator('.map-details').getByRole('heading', { name: 'Malta' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('reaches a state with the keyboard and opens it with Enter', async () => {
    const page = await open('#/map?date=2026-01-01&colour=eu');
    await page.getByLabel('Frame').focus();
    let focused: string | null = null;
    for (let i = 0; i < 12 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.locator(':focus').getAttribute('data-state');
    }
    expect(focused).toBeTruthy();
    await page.keyboard.press('Enter');
    const name = await page.locator(`[data-state-row="${focused}"] button`).textContent();
    await page
      .locator('.map-details')
      .getByRole('heading', { name: name ?? '' })
      .waitFor();
    // Keyboard users can also pass over the map's many states to the table in one step.
    await page.getByRole('button', { name: 'Skip the map to the table' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.locator(':focus').textContent()).toBe('Table');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws every OSCE participating State in the whole-area frame, small ones as dots', async () => {
    const page = await open('#/map?date=2026-01-01&colour=osce&frame=osce');
    await page.locator('svg[data-frame="osce"]').waitFor();
    const drawn = Object.keys(await categoriesOnMap(page)).sort();
    expect(drawn).toEqual(stateIds());
    for (const tiny of ['VAT', 'MCO', 'SMR', 'LIE']) {
      expect(await page.locator(`[data-state="${tiny}"]`).evaluate((e) => e.tagName), tiny).toBe('circle');
    }
    await screenshot(page, 'map-osce-area');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('colours by voting power computed in a worker, with the value the engine gives', async () => {
    const page = await open('#/map?date=2026-01-01&colour=power&charter=eu&body=council&category=qmv');
    await page.getByText(/27 voting members; exact/).waitFor({ timeout: 30_000 });
    const game = decisionGame(institutionOn(builtinCharter('eu'), '2026-01-01'), 'council', 'qmv');
    const deu = analysePower(powerGameFromDecision(game), { indices: ['banzhaf'] }).players.find(
      (p) => p.id === 'DEU',
    );
    const cells = await page.locator('[data-state-row="DEU"] td').allTextContents();
    expect(cells.at(-1)).toBe(deu?.banzhaf.toFixed(4));
    expect(await page.locator('[data-state="NOR"]').getAttribute('data-category')).toBe('not-member');
    await screenshot(page, 'map-power-eu-qmv');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("colours by the continental charter's membership clause once the charters have loaded", async () => {
    const page = await open('#/map?date=2026-01-01&colour=continental');
    const members = new Set(
      institutionOn(builtinCharter('continental'), '2026-01-01').members.map((m) => m.id),
    );
    await expect.poll(() => page.locator('[data-state="RUS"]').getAttribute('data-category')).toBe('member');
    for (const id of Object.keys(await categoriesOnMap(page))) {
      expect(await page.locator(`[data-state="${id}"]`).getAttribute('data-category'), id).toBe(
        members.has(id) ? 'member' : 'non-member',
      );
    }
    await screenshot(page, 'map-continental-2026-01-01');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says so when the date in the link is not a date', async () => {
    const page = await open('#/map?date=2009-13-45&state=XYZ&colour=rainbow');
    await page.getByText('“2009-13-45” is not a date as YYYY-MM-DD').waitFor();
    // An unknown state or colouring in a stale link falls back to none and to NATO, without an error.
    expect(await page.locator('.map-details').count()).toBe(0);
    expect(await page.getByLabel('Colour by').inputValue()).toBe('nato');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
