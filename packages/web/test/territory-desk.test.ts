/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { parseScenario } from '@concert/engine';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, screenshot, userPages } from './platform.ts';

// The territorial registry acted on from the browser (#/disputes/territory): the hypothetical Baarle-Hertog
// transfer of packages/cli/examples refused without a referendum and accepted with one; a demilitarized zone
// refused for a mission member that is a land neighbour and established with a neutral mission; a violation
// reported by Slovenia becoming a crisis incident, and the scenario downloaded and read back by the engine.
describe.runIf(browserAvailable())('the territory desk in chromium', () => {
  // Refusals are 422s the page shows; the browser logs them too.
  const users = userPages({ expected: /status of 422/ });
  const errors = users.errors;

  async function userPage(username: string): Promise<Page> {
    const page = await users.userPage(username);
    await page.goto('/#/disputes/territory?institution=continental');
    await page.getByRole('heading', { level: 2, name: 'Territory of continental' }).waitFor();
    return page;
  }

  const formOf = (page: Page, title: string) =>
    page.locator('form', { has: page.getByRole('heading', { level: 3, name: title }) });
  const fill = async (form: Locator, fields: Record<string, string>) => {
    for (const [label, value] of Object.entries(fields))
      await form.getByLabel(label, { exact: true }).fill(value);
  };

  it('requests a border change: refused without a referendum with the engine’s reasons, accepted with one', async () => {
    const bel = await userPage('delegate-bel');
    const form = formOf(bel, 'Request a border change');
    await fill(form, {
      'Request id': 'baarle',
      Area: 'Baarle-Hertog enclaves',
      'To (state)': 'NLD',
      'Area in km²': '2.3',
      Requested: '2026-03-01',
      Effective: '2027-01-01',
    });
    // "From" is filled with the delegation's own state; the states concerned default to from and to.
    expect(await form.getByLabel('From (state)', { exact: true }).inputValue()).toBe('BEL');
    for (const s of ['BEL', 'NLD']) {
      await form.getByLabel(`Agreement of ${s}: date`).fill('2026-10-01');
      await form.getByLabel(`Agreement of ${s}: instrument`).fill('boundary treaty');
    }
    await form.getByRole('button', { name: 'Request the change' }).click();
    const refused = form.getByRole('alert', { name: 'Border change: refused' });
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/refused: no referendum under international supervision/);
    expect(
      await refused
        .getByRole('listitem')
        .filter({ hasText: /^✗ referendum/ })
        .count(),
    ).toBe(1);
    expect(
      await refused
        .getByRole('listitem')
        .filter({ hasText: /^✓ agreement/ })
        .count(),
    ).toBeGreaterThan(0);
    await screenshot(bel, 'territory-change-refused');

    await form.getByLabel('A referendum was held').check();
    await fill(form, {
      'Referendum date': '2026-09-13',
      'Supervised by': 'Continental observer mission',
      'Observer mission (states)': 'SRB, GEO, MDA, BIH, AND',
      'Registered voters': '2100',
      'Votes cast': '1500',
      'Valid votes': '1480',
      'Yes votes': '1004',
    });
    await form.getByRole('button', { name: 'Request the change' }).click();
    const accepted = form.getByRole('status', { name: 'Border change: accepted' });
    await accepted.waitFor();
    expect(await accepted.textContent()).toMatch(/border change baarle enters the registry from 2027-01-01/);
    expect(await accepted.getByRole('listitem').filter({ hasText: /^✗/ }).count()).toBe(0);
    await bel
      .getByTestId('accepted-changes')
      .getByText(/Baarle-Hertog enclaves: Belgium → Netherlands from 2027-01-01/)
      .waitFor();
    // Belgium establishes no zone: that form is the secretariat's.
    expect(await formOf(bel, 'Establish a demilitarized zone').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 180_000);

  it('establishes a zone only with a neutral mission, showing the neutrality check, and turns a violation into an incident', async () => {
    const sec = await userPage('secretariat');
    const zone = formOf(sec, 'Establish a demilitarized zone');
    await fill(zone, {
      'Zone id': 'dragonja',
      'Zone name': 'Dragonja valley zone',
      'Zone area': '5 km either side of the Dragonja river',
      'Zone states': 'SVN, HRV',
      Established: '2026-06-01',
      troops: '0',
      'battle-tanks': '0',
      'armoured-combat-vehicles': '0',
      artillery: '0',
      'Mission name': 'Continental Monitoring Mission Dragonja',
      'Mission states': 'CHE, GEO, AUT',
    });
    await zone.getByRole('button', { name: 'Establish the zone' }).click();
    const refused = zone.getByRole('alert', { name: 'Zone: refused' });
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/does not qualify.*AUT .*land neighbour of SVN/);
    expect(await refused.getByTestId('mission-check').textContent()).toMatch(
      /not neutral:.*Austria: .*land neighbour of SVN/,
    );
    await screenshot(sec, 'territory-zone-refused');
    await fill(zone, { 'Mission states': 'CHE, GEO, LIE' });
    await zone.getByRole('button', { name: 'Establish the zone' }).click();
    const accepted = zone.getByRole('status', { name: 'Zone: accepted' });
    await accepted.waitFor();
    expect(await accepted.getByTestId('mission-check').textContent()).toMatch(
      /3 states \(the charter asks at least 3\); every one neutral towards the zone’s states/,
    );
    await sec
      .getByTestId('zones')
      .getByText(/Dragonja valley zone/)
      .waitFor();

    // Slovenia reports Croatian forces in the zone; within the limits would not be a violation.
    const svn = await userPage('delegate-svn');
    const report = formOf(svn, 'Report a violation');
    await fill(report, {
      'Date of the violation': '2026-10-02',
      'Forces of (state)': 'HRV',
      Place: 'Sečovlje',
      troops: '60',
      'armoured-combat-vehicles': '4',
    });
    expect(await report.getByText('Reported by Slovenia').count()).toBe(1);
    await report.getByRole('button', { name: 'Report the violation' }).click();
    await report
      .getByRole('status', { name: 'Violation: accepted' })
      .getByText(/over the limits by 60 troops, 4 armoured-combat-vehicles/)
      .waitFor();
    const incident = svn.getByTestId('incidents').getByRole('row', { name: /border-violation/ });
    await incident.waitFor();
    expect(await incident.textContent()).toMatch(/^0border-violation2CroatiaSlovenia/);

    // Day 0 a month earlier, then the scenario file the CLI would write.
    await svn.getByLabel('Day 0 of the scenario').fill('2026-09-01');
    await svn
      .getByTestId('incidents')
      .getByRole('row', { name: /^31 border-violation/ })
      .waitFor();
    await svn.getByRole('button', { name: 'Prepare the crisis scenario' }).click();
    const link = svn.getByRole('link', { name: 'Download dmz-dragonja.yaml' });
    const [download] = await Promise.all([svn.waitForEvent('download'), link.click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toMatch(/^# Crisis scenario written by the Concert server/);
    const scenario = parseScenario(text, { source: 'download.yaml' });
    expect(scenario).toMatchObject({ id: 'dmz-dragonja', date: '2026-09-01' });
    expect(scenario.incidents).toEqual([
      expect.objectContaining({ day: 31, type: 'border-violation', severity: 2, place: 'SVN', by: 'HRV' }),
    ]);
    // A day 0 after the violation: the engine's refusal, in its words.
    await svn.getByLabel('Day 0 of the scenario').fill('2026-10-05');
    await svn.getByRole('button', { name: 'Prepare the crisis scenario' }).click();
    await svn
      .getByRole('alert')
      .filter({ hasText: /before the scenario's day 0 \(2026-10-05\)/ })
      .waitFor();
    await screenshot(svn, 'territory-incidents');
    expect(errors).toEqual([]);
  }, 180_000);

  it('gives an observer the registry and the incidents but no form', async () => {
    const observer = await userPage('observer');
    await observer
      .getByTestId('zones')
      .getByText(/Dragonja valley zone/)
      .waitFor();
    await observer.getByTestId('incidents').waitFor();
    expect(await observer.locator('form').count()).toBe(0);
    await observer.getByText('Only delegations and the secretariat act on the registry').waitFor();
    expect(errors).toEqual([]);
  }, 60_000);
});
