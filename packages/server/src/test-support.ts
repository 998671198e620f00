// Test helpers: a seeded app on a test database, clients that log in as the demo accounts, and readers of what
// the app streams and runs in the background.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { type AppOptions, buildApp, CSRF_HEADER, SESSION_COOKIE } from './app.ts';
import { TEST_COST } from './auth/passwords.ts';
import type { Database } from './database/index.ts';
import { seedOnFirstStart } from './seed.ts';

export interface Client {
  username: string;
  /** The headers that carry its login, for requests made with fetch (e.g. to a live event stream). */
  headers: Record<string, string>;
  get(url: string): Promise<Response>;
  post(url: string, body?: unknown): Promise<Response>;
}

export interface Response {
  statusCode: number;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: test responses are read loosely
  json<T = any>(): T;
  headers: Record<string, unknown>;
}

export interface TestPlatform {
  app: FastifyInstance;
  passwords: Map<string, string>;
  /** A client logged in with a bearer token (or a cookie + CSRF token with `mode: 'cookie'`). */
  login(username: string, mode?: 'bearer' | 'cookie'): Promise<Client>;
  anonymous: Client;
  credentialsFile: string;
  /** A new account made by `secretariat` through the API (a delegate if `delegation` is given), logged in. */
  account(secretariat: Client, username: string, role: string, delegation?: string): Promise<Client>;
}

// One password for the accounts tests make: what is under test is the role and the delegation, not the password.
const ACCOUNT_PASSWORD = 'a long enough password';

/** `options`: app options for the test (e.g. `now`, the server's clock, for tests that cross a date). */
export async function startTestPlatform(
  db: Database,
  options: Partial<Omit<AppOptions, 'db'>> = {},
): Promise<TestPlatform> {
  const dir = mkdtempSync(join(tmpdir(), 'concert-credentials-'));
  const seed = await seedOnFirstStart(db, { credentialsDir: dir, passwordCost: TEST_COST });
  if (!seed.seeded) throw new Error('test database was already seeded');
  const passwords = new Map(seed.accounts!.map((a) => [a.username, a.password]));
  return platformOn(db, options, passwords, seed.credentialsFile!);
}

/** A new app on the database of `before` (closed first): the server restarted, with the same accounts. */
export async function restartTestPlatform(
  db: Database,
  before: TestPlatform,
  options: Partial<Omit<AppOptions, 'db'>> = {},
): Promise<TestPlatform> {
  await before.app.close();
  return platformOn(db, options, before.passwords, before.credentialsFile);
}

export async function platformOn(
  db: Database,
  options: Partial<Omit<AppOptions, 'db'>>,
  passwords: Map<string, string>,
  credentialsFile: string,
): Promise<TestPlatform> {
  const logger = process.env.CONCERT_TEST_LOG ? { level: process.env.CONCERT_TEST_LOG } : false;
  const app = await buildApp({ db, logger, passwordCost: TEST_COST, loginRateLimit: 10_000, ...options });
  const client = (username: string, headers: Record<string, string>): Client => ({
    username,
    headers,
    get: (url) => app.inject({ method: 'GET', url, headers }) as unknown as Promise<Response>,
    post: (url, body) =>
      app.inject({
        method: 'POST',
        url,
        headers,
        ...(body === undefined ? {} : { payload: body as object }),
      }) as unknown as Promise<Response>,
  });
  const platform: TestPlatform = {
    app,
    passwords,
    credentialsFile,
    anonymous: client('anonymous', {}),
    async account(secretariat, username, role, delegation) {
      const res = await secretariat.post('/api/users', {
        username,
        password: ACCOUNT_PASSWORD,
        role,
        ...(delegation === undefined ? {} : { delegation }),
      });
      if (res.statusCode !== 201) throw new Error(`account ${username}: ${res.statusCode} ${res.body}`);
      passwords.set(username, ACCOUNT_PASSWORD);
      return platform.login(username);
    },
    async login(username, mode = 'bearer') {
      const res = await app.inject({
        method: 'POST',
        url: '/api/login',
        payload: { username, password: passwords.get(username), mode },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const body = res.json();
      if (mode === 'bearer') return client(username, { authorization: `Bearer ${body.token}` });
      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
      return client(username, { cookie: `${SESSION_COOKIE}=${cookie.value}`, [CSRF_HEADER]: body.csrfToken });
    },
  };
  return platform;
}

/** Polls a job until it has finished, and returns it as GET /api/jobs/:id describes it. */
export async function finishedJob(client: Client, id: string) {
  for (;;) {
    const job = (await client.get(`/api/jobs/${id}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves once the job has reported progress past zero: its worker is busy, so a cancel finds it running. */
export function jobUnderway(app: FastifyInstance, id: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = app.jobs.listen(id, (e) => {
      if (e.type === 'progress' && e.fraction > 0) {
        stop();
        resolve();
      }
    });
  });
}

/** A server-sent event as the client reads it (`id` where the frame has one). */
export interface StreamEvent {
  id?: number;
  event: string;
  // biome-ignore lint/suspicious/noExplicitAny: test data is read loosely
  data: any;
}

/** The event frames in a stream's text; comments (heartbeats) and the `retry:` line are not events. */
export function eventFrames(text: string): StreamEvent[] {
  return text.split('\n\n').flatMap((block) => {
    const fields = Object.fromEntries(
      block
        .split('\n')
        .filter((l) => l && !l.startsWith(':'))
        .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
    );
    if (fields.event === undefined) return [];
    const id = fields.id === undefined ? {} : { id: Number(fields.id) };
    return [{ ...id, event: fields.event, data: JSON.parse(fields.data ?? 'null') }];
  });
}

/**
 * Opens a live event stream of a listening app and resolves once its headers have arrived; `take(n)` reads
 * until n more events have come (fewer if the server ends the stream), and fails if they take over 10 s.
 */
export async function followEventStream(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const take = async (count: number): Promise<StreamEvent[]> => {
    const events: StreamEvent[] = [];
    const timeout = setTimeout(() => controller.abort(), 10_000);
    try {
      while (events.length < count) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        const end = buffer.lastIndexOf('\n\n');
        if (end < 0) continue;
        events.push(...eventFrames(buffer.slice(0, end)));
        buffer = buffer.slice(end + 2);
      }
    } finally {
      clearTimeout(timeout);
    }
    return events;
  };
  return { status: res.status, headers: res.headers, take, close: () => controller.abort() };
}

/** A session of the continental council, opened by `chair`, with each client's delegation checked in. */
export async function councilSession(chair: Client, present: Client[], title: string): Promise<number> {
  const s = (await chair.post('/api/sessions', { institution: 'continental', body: 'council', title })).json()
    .id as number;
  for (const client of present) {
    const res = await client.post(`/api/sessions/${s}/attendance`, { present: true });
    expect(res.statusCode, res.body).toBe(204);
  }
  return s;
}

/** A procedural motion in the session, and its poll opened by `chair`. */
export async function proceduralPoll(chair: Client, session: number): Promise<number> {
  const motion = (
    await chair.post(`/api/sessions/${session}/motions`, { category: 'procedural', text: 'M' })
  ).json();
  const opened = await chair.post(`/api/motions/${motion.id}/polls`);
  expect(opened.statusCode, opened.body).toBe(201);
  return opened.json().id as number;
}

/** The dispute tests' case: Slovenia files its boundary case with Croatia in the continental institution. */
export const SLOVENIA_CROATIA = {
  institution: 'continental',
  date: '2026-01-15',
  by: 'SVN',
  parties: ['SVN', 'HRV'],
  subject: 'territorial',
};
