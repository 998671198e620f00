/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, screenshot, userPages } from './platform.ts';

// Two users in two browser contexts: one files and acts on a case, the other watches the registry and the case
// page change without reloading (the dispute stream, GET /api/disputes/stream).
describe.runIf(browserAvailable())('live dispute pages in chromium', () => {
  const { errors, userPage } = userPages();

  /** A mark on the page's window: still there later means the page was not reloaded. */
  const mark = (page: Page) =>
    page.evaluate(() => {
      (window as unknown as { liveMark: string }).liveMark = 'not reloaded';
    });
  const marked = (page: Page) =>
    page.evaluate(() => (window as unknown as { liveMark?: string }).liveMark ?? 'reloaded');

  it('shows a case filed and acted on by another user in the registry and on the case page without a reload', async () => {
    const observer = await userPage('observer');
    await observer.goto('/#/disputes?institution=continental');
    await observer.getByText('No cases filed in continental yet.').waitFor();
    await observer.getByText('Live: updates by itself').waitFor();
    await mark(observer);

    const svn = await userPage('delegate-svn');
    await svn.goto('/#/disputes');
    const file = svn.locator('form', { has: svn.getByRole('heading', { name: 'File a case' }) });
    await file.getByLabel('Filing date').fill('2026-01-15');
    await file.getByLabel('Other party').selectOption('HRV');
    await file.getByLabel('Title').fill('Live boundary case');
    await file.getByRole('button', { name: 'File the case' }).click();
    await svn.getByRole('heading', { level: 2, name: /^Case \d+: Live boundary case/ }).waitFor();
    const id = /#\/disputes\/(\d+)/.exec(svn.url())?.[1];

    // The observer's registry gets the row, with the stage and next deadline from the list itself.
    const row = observer.getByRole('row', { name: /Live boundary case/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(
      /in a step — Mandated negotiation.*2026-04-15: end of Mandated negotiation/,
    );
    await observer
      .getByRole('status')
      .filter({ hasText: `case ${id}: filed (2026-01-15)` })
      .waitFor();
    expect(await marked(observer)).toBe('not reloaded');

    // Croatia follows the case page; Slovenia withdraws; Croatia's page shows it without a reload.
    const hrv = await userPage('delegate-hrv');
    await hrv.goto(`/#/disputes/${id}`);
    await hrv.getByText('Live: updates by itself').waitFor();
    expect(await hrv.getByTestId('case-status').textContent()).toMatch(/in a step/);
    await mark(hrv);
    const form = svn.locator('form.dispute-action');
    await form
      .locator('label', { hasText: /^Action/ })
      .locator('select')
      .selectOption('withdraw');
    await form.locator('label', { hasText: /^Date/ }).locator('input').fill('2026-02-02');
    await form.getByRole('button', { name: 'Record' }).click();
    await hrv.getByTestId('case-status').filter({ hasText: 'withdrawn' }).waitFor();
    await hrv
      .getByRole('status')
      .filter({ hasText: `case ${id}: withdraw (2026-02-02)` })
      .waitFor();
    expect(await hrv.locator('table.dispute-timeline').textContent()).toMatch(/2026-02-02/);
    // The case is closed: the form went away on Croatia's page too.
    expect(await hrv.locator('form.dispute-action').count()).toBe(0);
    expect(await marked(hrv)).toBe('not reloaded');
    await row.filter({ hasText: 'withdrawn' }).waitFor();
    expect(await row.textContent()).toMatch(/none running/);
    expect(await marked(observer)).toBe('not reloaded');
    await screenshot(hrv, 'disputes-live-case');
    expect(errors).toEqual([]);
  }, 180_000);
});
