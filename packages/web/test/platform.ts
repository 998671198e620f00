// Browser-test harness: the real server (PGlite in a temporary data directory, seeded like a first start) serving
// the real built UI on a loopback port, and Debian's chromium driven by playwright-core.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '@concert/server/src/app.ts';
import { TEST_COST } from '@concert/server/src/auth/passwords.ts';
import { openDatabase } from '@concert/server/src/database/index.ts';
import { seedOnFirstStart } from '@concert/server/src/seed.ts';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS = join(web, 'test-artifacts');
export const CHROMIUM = process.env.CONCERT_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/**
 * Whether browser tests can run here. Locally a machine without chromium skips them; in CI (`CI` set) a missing
 * browser is an error, so browser tests can never be skipped silently there.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) {
    throw new Error(`CI: ${CHROMIUM} is missing; .ci/run must apt-get install chromium before the tests`);
  }
  console.warn(`browser tests skipped: ${CHROMIUM} not found (apt-get install chromium)`);
  return false;
}

export interface UiPlatform {
  url: string;
  passwords: Map<string, string>;
  browser: Browser;
  /** A fresh browser context (its own cookies): one per delegation in multi-user tests. */
  context(): Promise<BrowserContext>;
  close(): Promise<void>;
}

let built = false;
/** Builds packages/web/dist if it is missing or stale (the same check `npm start` makes). */
export function buildUi(): void {
  if (built) return;
  const r = spawnSync(process.execPath, [join(web, 'scripts', 'ensure-built.js')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`web build failed:\n${r.stdout}\n${r.stderr}`);
  built = true;
}

export async function startUiPlatform(): Promise<UiPlatform> {
  buildUi();
  const dataDir = mkdtempSync(join(tmpdir(), 'concert-ui-'));
  const db = await openDatabase({ dataDir });
  const app = await buildApp({
    db,
    logger: false,
    passwordCost: TEST_COST,
    loginRateLimit: 10_000,
    webRoot: join(web, 'dist'),
    record: { keyFile: join(dataDir, 'audit-signing-key'), checkpointFile: join(dataDir, 'checkpoints.txt') },
  });
  const seed = await seedOnFirstStart(db, { credentialsDir: dataDir, passwordCost: TEST_COST });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url: address,
    passwords: new Map(seed.accounts!.map((a) => [a.username, a.password])),
    browser,
    context: () => browser.newContext({ viewport: { width: 1280, height: 860 }, baseURL: address }),
    async close() {
      await browser.close();
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Collects a page's uncaught errors and console errors into `errors` (a test expects none). `expected` names
 * console messages the test provokes on purpose (the browser logs a refused request's status).
 */
export function watchErrors(page: Page, errors: string[], who = '', expected?: RegExp): void {
  const tag = who ? `${who}: ` : '';
  page.on('pageerror', (e) => errors.push(`${tag}${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected?.test(m.text())) errors.push(`${tag}${m.text()}`);
  });
}

/** Logs a page in through the UI's own login form (the council room's). */
export async function logIn(page: Page, platform: UiPlatform, username: string): Promise<void> {
  await page.goto('/#/council');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(platform.passwords.get(username) ?? '');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByText(`Logged in as ${username}`).waitFor();
}

/** Saves a full-page screenshot under packages/web/test-artifacts/ (CI keeps the folder). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface UserPages {
  /** The platform, started before the suite's first test. */
  readonly platform: UiPlatform;
  /** Page errors and console errors of every user's page (the expected ones left out): a test ends with it empty. */
  readonly errors: string[];
  /** A fresh browser context logged in as `username`, its page watched for errors. */
  userPage(username: string): Promise<Page>;
}

/**
 * For a suite whose users each act in a browser context of their own: starts the platform before the suite,
 * closes the contexts and the platform after it. `expected` is an error the pages may log (a refusal shown on
 * the page is also logged by the browser as a failed request).
 */
export function userPages(options: { timeoutMs?: number; expected?: RegExp } = {}): UserPages {
  let platform: UiPlatform | undefined;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  beforeAll(async () => {
    platform = await startUiPlatform();
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await platform?.close();
  });
  const started = (): UiPlatform => {
    if (!platform) throw new Error('the platform starts in beforeAll; use it inside a test');
    return platform;
  };
  return {
    get platform() {
      return started();
    },
    errors,
    async userPage(username) {
      const context = await started().context();
      context.setDefaultTimeout(options.timeoutMs ?? 30_000);
      contexts.push(context);
      const page = await context.newPage();
      watchErrors(page, errors, username, options.expected);
      await logIn(page, started(), username);
      return page;
    },
  };
}
