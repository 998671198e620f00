// Test helpers: a seeded app on a test database, and clients that log in as the demo accounts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type AppOptions, buildApp, CSRF_HEADER, SESSION_COOKIE } from './app.ts';
import { TEST_COST } from './auth/passwords.ts';
import type { Database } from './database/index.ts';
import { seedOnFirstStart } from './seed.ts';

export interface Client {
  username: string;
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
}

export async function startTestPlatform(
  db: Database,
  options: Partial<Omit<AppOptions, 'db'>> = {},
): Promise<TestPlatform> {
  const dir = mkdtempSync(join(tmpdir(), 'concert-credentials-'));
  const seed = await seedOnFirstStart(db, { credentialsDir: dir, passwordCost: TEST_COST });
  if (!seed.seeded) throw new Error('test database was already seeded');
  const logger = process.env.CONCERT_TEST_LOG ? { level: process.env.CONCERT_TEST_LOG } : false;
  const app = await buildApp({ db, logger, passwordCost: TEST_COST, loginRateLimit: 10_000, ...options });
  const passwords = new Map(seed.accounts!.map((a) => [a.username, a.password]));
  const client = (username: string, headers: Record<string, string>): Client => ({
    username,
    get: (url) => app.inject({ method: 'GET', url, headers }) as unknown as Promise<Response>,
    post: (url, body) =>
      app.inject({
        method: 'POST',
        url,
        headers,
        ...(body === undefined ? {} : { payload: body as object }),
      }) as unknown as Promise<Response>,
  });
  return {
    app,
    passwords,
    credentialsFile: seed.credentialsFile!,
    anonymous: client('anonymous', {}),
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
}
