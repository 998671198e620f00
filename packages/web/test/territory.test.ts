import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contestedAreas, parseDmzFile } from '@concert/engine';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  logIn,
  screenshot,
  startUiPlatform,
  type UiPlatform,
  watchErrors,
} from './platform.ts';

// The map's territory layer: contested areas from the engine's list (positions and sources in the details,
// stated by each side), and, for a logged-in user, the demilitarized zones and accepted border changes the
// server records for the chosen charter (the hypothetical Dragonja zone and Baarle-Hertog transfer of
// packages/cli/examples, the transfer moved earlier so that it is in effect before today, the map's last date).
const examples = join(import.meta.dirname, '..', '..', 'cli', 'examples');
const dragonja = parseDmzFile(readFileSync(join(examples, 'dragonja-dmz.yaml'), 'utf8'), 'dragonja-dmz.yaml')
  .zones[0];
const baarle = {
  id: 'baarle-with-referendum',
  title: 'Transfer of the Baarle-Hertog enclaves (hypothetical)',
  area: { name: 'Baarle-Hertog enclaves', from: 'BEL', to: 'NLD', area_km2: 2.3 },
  states_concerned: ['BEL', 'NLD'],
  requested: '2026-03-01',
  effective: '2026-10-01',
  agreements: [
    { state: 'BEL', date: '2026-07-01', instrument: 'boundary treaty' },
    { state: 'NLD', date: '2026-07-01', instrument: 'boundary treaty' },
  ],
  referendum: {
    date: '2026-06-14',
    supervised_by: 'Continental observer mission',
    observers: ['SRB', 'GEO', 'MDA', 'BIH', 'AND'],
    registered: 2100,
    votes_cast: 1500,
    valid: 1480,
    yes: 1004,
  },
};

const categoryOf = (page: Page, state: string) =>
  page.locator(`.state-map [data-state="${state}"]`).getAttribute('data-category');

describe.runIf(browserAvailable())('the territory layer of the map in chromium', () => {
  let platform: UiPlatform;
  let errors: string[];
  beforeAll(async () => {
    platform = await startUiPlatform();
  }, 120_000);
  afterAll(() => platform?.close());

  async function open(hash: string, login?: string): Promise<Page> {
    const context = await platform.context();
    const page = await context.newPage();
    errors = [];
    watchErrors(page, errors);
    if (login) await logIn(page, platform, login);
    await page.goto(`/${hash}`);
    await page.locator('.state-map [data-state="FIN"]').waitFor();
    return page;
  }

  it("marks the contested areas of the date and opens one's positions and sources, by mouse and keyboard", async () => {
    const page = await open('#/map?colour=territory&date=2026-06-15');
    await page.locator('[data-mark="transnistria"]').waitFor();
    expect(await categoryOf(page, 'MDA')).toBe('contested');
    expect(await categoryOf(page, 'RUS')).toBe('concerned');
    expect(await categoryOf(page, 'UKR')).toBe('contested');
    expect(await categoryOf(page, 'FIN')).toBe('none');
    await page.getByText(/Contested areas only: log in/).waitFor();

    await page
      .getByRole('button', { name: 'Contested area: Transnistria (left bank of the Dniester)' })
      .click();
    const details = page.locator('section[aria-labelledby="area-details-title"]');
    await details.getByRole('heading', { name: 'Transnistria (left bank of the Dniester)' }).waitFor();
    const area = contestedAreas().find((a) => a.id === 'transnistria')!;
    const positions = await details.locator('.area-positions li').allTextContents();
    expect(positions).toHaveLength(area.positions.length);
    for (const [i, p] of area.positions.entries()) {
      expect(positions[i]).toContain(p.position);
      expect(positions[i]).toContain(`Source: ${p.source}`);
    }
    await details.getByText('Concert takes no side.', { exact: false }).waitFor();
    expect(page.url()).toContain('area=transnistria');
    await screenshot(page, 'map-territory-transnistria');

    // The table alternative, by keyboard: Northern Cyprus from its row.
    const row = page.getByRole('button', { name: 'Northern Cyprus', exact: true });
    await row.focus();
    await page.keyboard.press('Enter');
    await details.getByRole('heading', { name: 'Northern Cyprus' }).waitFor();
    expect(await details.textContent()).toMatch(/UN Security Council resolution 541/);

    // A mark by keyboard: focus it and press Enter.
    await page.locator('[data-mark="crimea"]').focus();
    await page.keyboard.press('Enter');
    await details.getByRole('heading', { name: 'Crimea and Sevastopol' }).waitFor();
    expect(await details.textContent()).toMatch(/UN General Assembly resolution 68\/262/);

    // Earlier date: Crimea (since 2014-03-18) is not on the registry of 2009-06-24; Transnistria is.
    await page.getByLabel('Exact date').fill('2009-06-24');
    await expect.poll(() => page.locator('[data-mark="crimea"]').count()).toBe(0);
    expect(await page.locator('[data-mark="transnistria"]').count()).toBe(1);
    // Ukraine is still concerned by Transnistria (a state named by the area's entry), not yet home to one.
    expect(await categoryOf(page, 'UKR')).toBe('concerned');
    expect(errors).toEqual([]);
  }, 120_000);

  it('adds the zones, their missions and the accepted border changes of the charter from the server', async () => {
    const token = await fetch(`${platform.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'secretariat',
        password: platform.passwords.get('secretariat'),
        mode: 'bearer',
      }),
    }).then(async (r) => ((await r.json()) as { token: string }).token);
    const post = async (path: string, body: unknown) => {
      const r = await fetch(`${platform.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(r.status, `${path}: ${await r.clone().text()}`).toBe(201);
    };
    await post('/api/territory/zones', { institution: 'continental', zone: dragonja });
    await post('/api/territory/border-changes', { institution: 'continental', change: baarle });

    const page = await open('#/map?colour=territory&date=2026-11-15&charter=continental', 'observer');
    const tables = page.locator('section[aria-labelledby="territory-tables-title"]');
    await tables.getByRole('row', { name: /Dragonja valley zone/ }).waitFor();
    expect(await tables.getByRole('row', { name: /Dragonja valley zone/ }).textContent()).toMatch(
      /Continental Monitoring Mission Dragonja: Switzerland, Georgia, Liechtenstein — neutral, 3 states/,
    );
    expect(await tables.getByRole('row', { name: /Baarle-Hertog/ }).textContent()).toMatch(
      /Belgium → Netherlands.*2026-10-01.*2026-06-14, supervised by Continental observer mission/,
    );
    await expect.poll(() => categoryOf(page, 'SVN')).toBe('zone');
    expect(await categoryOf(page, 'BEL')).toBe('changed');
    await screenshot(page, 'map-territory-registry');

    // The engine's coverage of the area on the date, from the server: the holder's guarantees apply.
    const change = tables.getByRole('row', { name: /Baarle-Hertog/ });
    await change.getByText(/is held by NLD on 2026-11-15, since 2026-10-01/).waitFor();
    expect(await change.textContent()).toMatch(/covered by Collective security guarantee/);

    // Before the change takes effect the area is Belgium's and the states are not coloured for it.
    await page.getByLabel('Exact date').fill('2026-09-30');
    await change.getByText(/held by BEL on 2026-09-30, until 2026-09-30, then NLD from 2026-10-01/).waitFor();
    expect(await change.textContent()).toMatch(/2026-10-01 \(not yet in effect\)/);
    expect(await categoryOf(page, 'BEL')).toBe('none');
    expect(errors).toEqual([]);
  }, 120_000);
});
