/// <reference lib="dom" />
// The DOM types are for the functions page.evaluate runs in the browser.
import { SECRET_CHARTER } from '@concert/server/src/test-charters.ts';
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

// Every page a test opens, so a failure leaves a screenshot of each for the reader of the CI artefacts.
const opened = new Map<string, Page>();
async function screenshotAll(prefix: string) {
  for (const [who, page] of opened) await screenshot(page, `${prefix}-${who}`).catch(() => {});
}

async function userPage(platform: UiPlatform, username: string, errors: string[]) {
  const context = await platform.context();
  // The engine computes the standing on every event; on a loaded CI machine that takes seconds.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  opened.set(username, page);
  watchErrors(page, errors, username);
  await logIn(page, platform, username);
  return { context, page };
}

async function enterSession(page: Page, title: string) {
  await page.getByRole('link', { name: new RegExp(`^Session \\d+: ${title}$`) }).click();
  await page.getByRole('heading', { level: 2, name: new RegExp(`Session \\d+: ${title}`) }).waitFor();
}

/** Presses Tab until the focused element's accessible text matches, as a keyboard user would. */
async function tabTo(page: Page, name: RegExp, limit = 80, key = 'Tab'): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const byLabel = el.closest('label')?.textContent ?? '';
      return `${el.textContent ?? ''} ${el.getAttribute('aria-label') ?? ''} ${byLabel}`.trim();
    });
    if (name.test(label)) return;
  }
  throw new Error(`no focusable element matching ${name} within ${limit} Tab presses`);
}

async function bearer(platform: UiPlatform, username: string): Promise<string> {
  const r = await fetch(`${platform.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: platform.passwords.get(username), mode: 'bearer' }),
  });
  return ((await r.json()) as { token: string }).token;
}

async function post<T>(platform: UiPlatform, token: string, path: string, body: unknown): Promise<T> {
  const r = await fetch(`${platform.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${path}: ${r.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

describe.runIf(browserAvailable())('the council room in chromium', () => {
  let platform: UiPlatform;
  beforeAll(async () => {
    platform = await startUiPlatform();
  }, 120_000);
  afterAll(() => platform?.close());

  it('runs a session across browsers: the tally moves live, the result and its explanation arrive, observers only watch', async ({
    onTestFailed,
  }) => {
    onTestFailed(() => screenshotAll('council-failure'));
    const errors: string[] = [];
    const chair = await userPage(platform, 'presidency', errors);
    await chair.page.getByText('role: presidency (chair)').waitFor();
    await chair.page.getByLabel('Session title').fill('Crisis in the north');
    await chair.page
      .getByLabel('Agenda (one item a line)')
      .fill('Adoption of the agenda\nMonitoring mission');
    await chair.page.getByRole('button', { name: 'Open session' }).click();
    await chair.page.getByRole('heading', { name: /Session \d+: Crisis in the north/ }).waitFor();
    await chair.page.getByRole('listitem').filter({ hasText: 'Monitoring mission' }).waitFor();
    await chair.page.getByLabel('New agenda item').fill('Any other business');
    await chair.page.getByRole('button', { name: 'Add to agenda' }).click();
    await chair.page.getByRole('listitem').filter({ hasText: 'Any other business' }).waitFor();
    await chair.page.getByLabel('Decision category').selectOption('major-security-action');
    await chair.page.getByLabel('Motion text').fill('Deploy a monitoring mission to the border.');
    await chair.page.getByRole('button', { name: 'Table motion' }).click();
    await chair.page.getByRole('heading', { name: /Motion \d+: Major security actions/ }).waitFor();

    const deu = await userPage(platform, 'delegate-deu', errors);
    await deu.page.getByText('delegation: Germany').waitFor();
    const fra = await userPage(platform, 'delegate-fra', errors);
    const observer = await userPage(platform, 'observer', errors);
    for (const { page } of [deu, fra, observer]) await enterSession(page, 'Crisis in the north');
    for (const { page } of [deu, fra]) {
      await page.getByRole('button', { name: 'Check in' }).click();
      await page.getByText('is checked in').waitFor();
    }
    // The chair's page learns of the check-ins from the event stream, without a reload.
    await chair.page.getByText(/Present \(2\): .*France.*Germany|Present \(2\): .*Germany.*France/).waitFor();

    await chair.page.getByRole('button', { name: 'Open poll' }).click();
    await chair.page.getByRole('heading', { name: /Poll \d+ \(roll call, open\)/ }).waitFor();
    await expect.poll(() => chair.page.evaluate(() => document.activeElement?.tagName)).toBe('H4');
    await deu.page.getByRole('button', { name: 'Yes' }).waitFor();
    await expect(observer.page.getByRole('button', { name: /^(Yes|No|Abstain)$/ }).count()).resolves.toBe(0);
    await observer.page.getByText('Observers follow the vote; they do not vote.').waitFor();
    await expect(chair.page.getByRole('button', { name: /^(Yes|No|Abstain)$/ }).count()).resolves.toBe(0);

    await deu.page.getByRole('button', { name: 'Yes' }).click();
    await deu.page.getByText("Your delegation's vote: Yes").waitFor();
    // France's page, untouched, sees Germany's vote arrive.
    await fra.page.getByText('1 of 48 delegations have voted; 1 yes, 0 no, 0 abstain').waitFor();
    await fra.page.getByRole('button', { name: 'No' }).click();
    await deu.page.getByText('2 of 48 delegations have voted; 1 yes, 1 no, 0 abstain').waitFor();
    // A vote can be changed until the close.
    await fra.page.getByRole('button', { name: 'Abstain' }).click();
    await fra.page.getByText("Your delegation's vote: Abstain").waitFor();
    await observer.page.getByText('2 of 48 delegations have voted; 1 yes, 0 no, 1 abstain').waitFor();
    await expect(
      fra.page.getByRole('button', { name: 'Abstain' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');

    // One bar per criterion of the major-security rule: states, population, both tiers and each region.
    const criteria = observer.page.locator('.criterion');
    await expect(criteria.count()).resolves.toBe(9);
    const population = observer.page.locator('[data-criterion="Supermajority of population"]');
    await expect(population.textContent()).resolves.toContain('84 million of 843.8 million');
    await expect(population.textContent()).resolves.toContain('threshold ≥ 2/3 of members = 562.5 million');
    await observer.page.locator('[data-criterion="Western Europe (members)"]').waitFor();
    await observer.page.getByText('Not voted yet: 46').waitFor();
    await screenshot(observer.page, 'council-during-poll');

    await chair.page.getByRole('button', { name: 'Close poll' }).click();
    await chair.page.getByRole('heading', { name: 'Result: not adopted' }).waitFor({ timeout: 60_000 });
    await expect
      .poll(() => chair.page.evaluate(() => document.activeElement?.textContent))
      .toBe('Result: not adopted');
    for (const { page } of [deu, fra, observer]) {
      await page.getByRole('heading', { name: 'Result: not adopted' }).waitFor({ timeout: 30_000 });
    }
    await expect(deu.page.getByRole('button', { name: 'Yes' }).count()).resolves.toBe(0);
    const explanation = observer.page.locator('.council-explanation');
    await expect(explanation.textContent()).resolves.toContain(
      'Supermajority of member states 2.1% (1 of 48)',
    );
    await observer.page.getByText('Named roll call (48 members)').click();
    await observer.page.getByRole('row', { name: 'Germany Yes' }).waitFor();
    await observer.page.getByRole('row', { name: 'France Abstain' }).waitFor();
    const csvHref = await observer.page
      .getByRole('link', { name: 'Roll call, named (CSV)' })
      .getAttribute('href');
    const csv = await observer.page.request.get(csvHref!);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('DEU,Germany,yes');
    await screenshot(observer.page, 'council-result');

    await chair.page.getByRole('button', { name: 'Close session' }).click();
    await deu.page.getByText(/· closed$/).waitFor();
    await expect(deu.page.getByRole('button', { name: /^Check (in|out)$/ }).count()).resolves.toBe(0);
    await expect(chair.page.getByRole('button', { name: 'Table motion' }).count()).resolves.toBe(0);

    expect(errors).toEqual([]);
    for (const c of [chair, deu, fra, observer]) await c.context.close();
    opened.clear();
  }, 420_000);

  it('lets a delegate log in, check in and vote with the keyboard alone', async ({ onTestFailed }) => {
    onTestFailed(() => screenshotAll('council-keyboard-failure'));
    const chair = await bearer(platform, 'presidency');
    const session = await post<{ id: number }>(platform, chair, '/api/sessions', {
      institution: 'continental',
      body: 'council',
      title: 'Keyboard session',
    });
    const motion = await post<{ id: number }>(platform, chair, `/api/sessions/${session.id}/motions`, {
      category: 'procedural',
      text: 'Adopt the agenda',
    });
    await post(platform, chair, `/api/motions/${motion.id}/polls`, {});

    const errors: string[] = [];
    const context = await platform.context();
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    opened.set('delegate-pol', page);
    watchErrors(page, errors, 'delegate-pol');
    await page.goto('/#/council');
    await page.getByLabel('Username').waitFor();
    await tabTo(page, /Username/);
    await page.keyboard.type('delegate-pol');
    await page.keyboard.press('Tab');
    await page.keyboard.type(platform.passwords.get('delegate-pol')!);
    await page.keyboard.press('Enter');
    await page.getByText('Logged in as delegate-pol').waitFor();
    await tabTo(page, /^Session \d+: Keyboard session$/);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Session \d+: Keyboard session/ }).waitFor();
    // Voting before checking in: the server's refusal is shown beside the vote buttons.
    await tabTo(page, /^Yes$/);
    await page.keyboard.press('Enter');
    const refusal = page.locator('.council-vote [role="alert"]');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toMatch(/not checked in to session \d+; check in first/);
    await tabTo(page, /^Check in$/, 10, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByText('is checked in').waitFor();
    await tabTo(page, /^Yes$/);
    await page.keyboard.press('Enter');
    await page.getByText("Your delegation's vote: Yes").waitFor();
    // Space changes it: the focus stayed on the vote buttons.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.getByText("Your delegation's vote: No").waitFor();
    await page.getByText('1 of 48 delegations have voted; 0 yes, 1 no, 0 abstain').waitFor();
    // The browser logs the one refused vote as a failed request; nothing else may fail.
    const refused = (e: string) => /status of 409/.test(e);
    expect(errors.filter((e) => !refused(e))).toEqual([]);
    expect(errors.filter(refused)).toHaveLength(1);
    await context.close();
  }, 120_000);
  it('keeps a secret ballot secret: who has voted, never how; an aggregate result; the delegation sees its own vote', async ({
    onTestFailed,
  }) => {
    onTestFailed(() => screenshotAll('council-secret-failure'));
    const secretariat = await bearer(platform, 'secretariat');
    const chair = await bearer(platform, 'presidency');
    await post(platform, secretariat, '/api/institutions', {
      id: 'quintet',
      charterSource: SECRET_CHARTER,
      adoptedOn: '2026-01-01',
    });
    for (const m of ['DEU', 'FRA', 'ITA']) {
      const username = `q-${m.toLowerCase()}`;
      await post(platform, secretariat, '/api/users', {
        username,
        password: 'quintet-password-1',
        role: 'delegate',
        delegation: `quintet:${m}`,
      });
      platform.passwords.set(username, 'quintet-password-1');
    }
    const session = await post<{ id: number }>(platform, chair, '/api/sessions', {
      institution: 'quintet',
      body: 'council',
      title: 'Election',
    });
    const fra = await bearer(platform, 'q-fra');
    await post(platform, fra, `/api/sessions/${session.id}/attendance`, { present: true });
    const motion = await post<{ id: number }>(platform, chair, `/api/sessions/${session.id}/motions`, {
      category: 'election',
      text: 'Elect the rapporteur',
    });
    const poll = await post<{ id: number }>(platform, chair, `/api/motions/${motion.id}/polls`, {});
    await post(platform, fra, `/api/polls/${poll.id}/votes`, { choice: 'yes' });

    const errors: string[] = [];
    const deu = await userPage(platform, 'q-deu', errors);
    const observer = await userPage(platform, 'observer', errors);
    const room = `/#/council?session=${session.id}`;
    for (const { page } of [deu, observer]) {
      await page.goto(room);
      await page.getByRole('heading', { name: /Poll \d+ \(secret ballot, open\)/ }).waitFor();
    }
    await deu.page.getByRole('button', { name: 'Check in' }).click();
    await deu.page.getByText('is checked in').waitFor();
    await deu.page.getByRole('button', { name: 'No' }).click();
    await deu.page.getByText("Your delegation's vote: No").waitFor();
    await observer.page.getByText(`Poll ${poll.id}: 2 of 5 delegations have voted.`).waitFor();
    await observer.page.getByText(/Secret ballot — no running tally/).waitFor();
    const during = await observer.page.locator('.council-poll').innerText();
    expect(during).not.toMatch(/\b\d+ (yes|no|abstain)\b/i);
    expect(during).not.toContain('Votes so far');

    const closed = await fetch(`${platform.url}/api/polls/${poll.id}/close`, {
      method: 'POST',
      headers: { authorization: `Bearer ${chair}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(closed.status).toBe(200);
    await observer.page.getByRole('heading', { name: /Result: (adopted|not adopted)/ }).waitFor();
    await observer.page.getByText('Tally (secret ballot: aggregate only)').waitFor();
    await expect(observer.page.getByText(/Named roll call/).count()).resolves.toBe(0);
    await expect(
      observer.page.getByRole('link', { name: /Roll call, (named|anonymised)/ }).count(),
    ).resolves.toBe(0);
    await observer.page.getByRole('link', { name: 'Roll call, aggregate (CSV)' }).waitFor();
    const after = await observer.page.locator('.council-poll').innerText();
    expect(after).not.toMatch(/Germany|France/);
    await screenshot(observer.page, 'council-secret-result');
    expect(errors).toEqual([]);
    for (const c of [deu, observer]) await c.context.close();
    opened.clear();
  }, 300_000);
  it('recovers when the event stream fails: the room says so, opens a new stream and shows what it missed', async ({
    onTestFailed,
  }) => {
    onTestFailed(() => screenshotAll('council-reconnect-failure'));
    const chair = await bearer(platform, 'presidency');
    const session = await post<{ id: number }>(platform, chair, '/api/sessions', {
      institution: 'continental',
      body: 'council',
      title: 'Interrupted session',
    });
    const errors: string[] = [];
    const observer = await userPage(platform, 'observer', errors);
    // Keeps a handle on the page's streams, so the test can fail one as a dropped connection would.
    await observer.page.addInitScript(() => {
      const Native = window.EventSource;
      const streams: EventSource[] = [];
      (window as unknown as { streams: EventSource[] }).streams = streams;
      window.EventSource = class extends Native {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          streams.push(this);
        }
      };
    });
    await observer.page.goto(`/#/council?session=${session.id}`);
    // A reload runs the init script (a change of hash alone does not) and shows the login survives it.
    await observer.page.reload();
    await observer.page.getByText('Logged in as observer').waitFor();
    await observer.page.getByText('Live: updates arrive as they happen.').waitFor();
    await observer.page.evaluate(() => {
      const streams = (window as unknown as { streams: EventSource[] }).streams;
      const live = streams.filter((s) => s.readyState === EventSource.OPEN);
      for (const s of live) {
        s.close();
        s.dispatchEvent(new Event('error'));
      }
    });
    await observer.page.getByText('Live updates interrupted — reconnecting…').waitFor();
    await post(platform, chair, `/api/sessions/${session.id}/motions`, {
      category: 'procedural',
      text: 'Tabled while the stream was down',
    });
    await observer.page.getByText('Tabled while the stream was down').waitFor();
    await observer.page.getByText('Live: updates arrive as they happen.').waitFor();
    const streams = await observer.page.evaluate(() =>
      (window as unknown as { streams: EventSource[] }).streams.map((s) => s.url),
    );
    expect(streams.at(-1)).toMatch(new RegExp(`/api/sessions/${session.id}/events\\?after=\\d+$`));
    expect(errors).toEqual([]);
    await observer.context.close();
    opened.clear();
  }, 180_000);
});
