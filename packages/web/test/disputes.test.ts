/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, screenshot, userPages } from './platform.ts';

// A territorial dispute between two continental members, filed and run through negotiation, mediation and
// arbitration in the UI, each act by the role the procedure gives it (the dates of packages/cli/examples/
// piran-bay.yaml), with the timeline read back from the page.
describe.runIf(browserAvailable())('dispute cases in chromium', () => {
  // A refused action is a 422 the page shows; the browser also logs it, which is expected here.
  const { errors, userPage } = userPages({ timeoutMs: 60_000, expected: /status of 422/ });

  const openCase = async (page: Page, id: string) => {
    await page.goto(`/#/disputes/${id}`);
    await page.getByRole('heading', { level: 2, name: new RegExp(`^Case ${id}`) }).waitFor();
  };

  /** The input or select of the form's label that starts with `label` (option texts are part of a label's name). */
  const fieldOf = (form: Locator, label: string) =>
    form
      .locator('label')
      .filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
      .locator('input, select');

  /** Fills the "Record the next event" form and waits for the stored-event count to reach `events`. */
  async function record(
    page: Page,
    events: number,
    action: string,
    date: string,
    fields: Record<string, string> = {},
    by?: string,
  ) {
    const form = page.locator('form.dispute-action');
    await fieldOf(form, 'Action').selectOption(action);
    await fieldOf(form, 'Date').fill(date);
    if (by !== undefined) await fieldOf(form, 'By').fill(by);
    for (const [label, value] of Object.entries(fields)) {
      const field = fieldOf(form, label);
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
      else await field.fill(value);
    }
    await form.getByRole('button', { name: 'Record' }).click();
    await page.getByText(`who recorded each (${events})`).waitFor();
  }

  const timeline = (page: Page) =>
    page.locator('table.dispute-timeline tbody tr').evaluateAll((rows) =>
      rows.map((r) =>
        Array.from(r.querySelectorAll('td'))
          .slice(0, 5)
          .map((td) => td.textContent ?? ''),
      ),
    );

  it('files a territorial case and takes it through negotiation, mediation and arbitration with the timeline showing each stage', async () => {
    const svn = await userPage('delegate-svn');
    await svn.getByRole('link', { name: 'Disputes', exact: true }).click();
    await svn.getByRole('heading', { level: 2, name: 'Registry of cases' }).waitFor();
    await svn.getByText('No cases filed in continental yet.').waitFor();
    const file = svn.locator('form', { has: svn.getByRole('heading', { name: 'File a case' }) });
    await file.getByLabel('Filing date').fill('2026-01-15');
    await file.getByLabel('Other party').selectOption('HRV');
    await file.getByLabel('Subject').selectOption('territorial');
    await file.getByLabel('Title').fill('Land and maritime boundary in the Bay of Piran');
    await file.getByRole('button', { name: 'File the case' }).click();
    await svn.getByRole('heading', { level: 2, name: /^Case \d+: Land and maritime boundary/ }).waitFor();
    const id = /#\/disputes\/(\d+)/.exec(svn.url())?.[1];
    expect(id).toBeTruthy();
    await expect(svn.getByTestId('case-status').textContent()).resolves.toMatch(
      /in a step — Mandated negotiation \(binding\)/,
    );
    // The negotiation period's deadline, against the filing date.
    const deadlines = svn.locator('section[aria-labelledby="deadlines-title"]');
    await expect(
      deadlines.getByRole('row', { name: /end of Mandated negotiation 2026-04-15 90 days left/ }).count(),
    ).resolves.toBe(1);

    // A step opened before the mandated period has run: the server's refusal, in words, next to the form.
    const form = svn.locator('form.dispute-action');
    await fieldOf(form, 'Action').selectOption('escalate');
    await fieldOf(form, 'Date').fill('2026-02-01');
    await form.getByRole('button', { name: 'Record' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/2026-04-16/);
    await screenshot(svn, 'disputes-refused');

    // The period runs out; Slovenia records it and opens mediation, both parties propose Switzerland.
    await record(svn, 2, 'deadline', '2026-04-20', { Deadline: 'step-period' });
    await record(svn, 3, 'open-step', '2026-04-21', { Step: 'mediation' });
    await record(svn, 4, 'propose-mediator', '2026-04-28', { 'Mediator (state id)': 'CHE' });
    const hrv = await userPage('delegate-hrv');
    await openCase(hrv, id!);
    await record(hrv, 5, 'propose-mediator', '2026-05-05', { 'Mediator (state id)': 'CHE' });
    await hrv.getByText('Switzerland appointed.').waitFor();

    // The mediator's report and the arbitral tribunal: the secretariat, then the fallback authority.
    const secretariat = await userPage('secretariat');
    await openCase(secretariat, id!);
    await record(secretariat, 6, 'report', '2026-07-30', {}, 'mediator');
    await svn.reload();
    await svn.getByRole('heading', { level: 2, name: /^Case / }).waitFor();
    await record(svn, 7, 'open-step', '2026-09-01', { Step: 'arbitration' });
    await record(svn, 8, 'appoint-arbitrator', '2026-09-10', {
      'Arbitrator’s nationality (state id)': 'FRA',
    });
    const presidency = await userPage('presidency');
    await openCase(presidency, id!);
    await record(
      presidency,
      9,
      'appoint-arbitrator',
      '2026-10-15',
      {
        'Arbitrator’s nationality (state id)': 'GEO',
        'For the party (when the authority fills its seat)': 'HRV',
      },
      'authority',
    );
    await secretariat.reload();
    await secretariat.getByRole('heading', { level: 2, name: /^Case / }).waitFor();
    await record(
      secretariat,
      10,
      'appoint-arbitrator',
      '2026-10-30',
      { 'Arbitrator’s nationality (state id)': 'LIE', Seat: 'presiding' },
      'party-arbitrators',
    );
    await record(secretariat, 11, 'award', '2027-03-31', { 'In favour of (optional)': 'SVN' }, 'tribunal');

    // An observer follows the case: the whole timeline with stages, outcomes and legal effect; no form.
    const observer = await userPage('observer');
    await openCase(observer, id!);
    await observer.getByRole('heading', { name: 'Arbitral tribunal' }).waitFor();
    expect(await observer.locator('form.dispute-action').count()).toBe(0);
    expect(await observer.getByRole('button', { name: 'Record' }).count()).toBe(0);
    const rows = await timeline(observer);
    expect(rows.map((r) => r[0])).toEqual([...rows.map((r) => r[0])].sort());
    expect(rows.find((r) => r[0] === '2026-04-16')).toEqual([
      '2026-04-16',
      'negotiation',
      expect.stringMatching(/^Deadline passed: .*Mandated negotiation/),
      'failed',
      'none',
    ]);
    expect(rows.find((r) => r[0] === '2026-08-30')?.slice(1, 4)).toEqual([
      'mediation',
      expect.stringMatching(/accept the report/),
      'failed',
    ]);
    expect(rows.at(-1)).toEqual([
      '2027-03-31',
      'arbitration',
      expect.stringMatching(/Award \(binding\) in favour of Slovenia; compliance due by 2027-06-29/),
      'awarded',
      'binding',
    ]);
    const tribunal = await observer
      .locator('section[aria-labelledby="tribunal-title"]')
      .locator('tbody tr td:first-child')
      .allTextContents();
    expect(tribunal).toEqual(['France', 'Georgia', 'Liechtenstein']);
    await observer.getByText(/Binding award of 2027-03-31 \(arbitration\) in favour of Slovenia/).waitFor();
    const cite = await observer.locator('table.dispute-timeline td.cite').allTextContents();
    expect(cite.every((c) => c.length > 0)).toBe(true);
    await screenshot(observer, 'disputes-case-observer');

    // The registry: parties, subject, filing date, stage and the compliance deadline.
    await observer.goto('/#/disputes');
    const row = observer.getByRole('row', { name: /Land and maritime boundary/ });
    await row.getByText('2027-06-29').waitFor();
    expect(await row.textContent()).toMatch(
      /Slovenia – Croatia.*territorial.*2026-01-15.*awaiting compliance/,
    );
    await screenshot(observer, 'disputes-registry');

    // Compliance: Croatia has not complied by the deadline; Slovenia reports it and the case goes to the Council.
    await svn.reload();
    await svn.getByRole('heading', { level: 2, name: /^Case / }).waitFor();
    await record(svn, 12, 'report-non-compliance', '2027-07-15', { Against: 'HRV' });
    await svn
      .getByText(/Outcome on 2027-07-15: referred — referred to council \(major-security-action\)/)
      .waitFor();
    expect((await timeline(svn)).at(-1)?.slice(3)).toEqual([
      'referred',
      'referred to council (major-security-action)',
    ]);
    expect(await svn.getByTestId('case-status').textContent()).toMatch(/referred/);
    // A closed case offers nothing to record, so the form goes.
    expect(await svn.locator('form.dispute-action').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 300_000);

  it('shows the mediator lot ranked with every exclusion explained', async () => {
    const page = await userPage('observer');
    await openCase(page, '1');
    const eligible = page.getByRole('list', { name: 'Eligible neutral states in the order of the lot' });
    await eligible.getByRole('listitem').first().waitFor();
    expect(await eligible.getByRole('listitem').allTextContents()).toContain('Switzerland');
    await page.getByText(/^Excluded: \d+ states, each with every reason/).click();
    const excluded = page.getByRole('table', { name: 'Excluded states and why' });
    expect(await excluded.getByRole('row', { name: /^Austria/ }).textContent()).toMatch(
      /land neighbour of SVN/,
    );
    const first = await eligible.getByRole('listitem').first().textContent();
    expect(first).toMatch(/ — drawn$/);
    await page.getByLabel('Seed of the lot').fill('4');
    await page.getByText('Eligible, ranked by the lot (seed 4)').waitFor();
    await screenshot(page, 'disputes-mediators');
    expect(errors).toEqual([]);
  }, 120_000);
});
