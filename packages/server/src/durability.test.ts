import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { TEST_COST } from './auth/passwords.ts';
import { openDatabase } from './database/index.ts';
import { describeEachDatabase } from './database/test-support.ts';
import { seedOnFirstStart } from './seed.ts';

// The server is killed with SIGKILL while delegations vote; after a restart every acknowledged vote is there
// exactly once and the audit chain verifies. The data is seeded beforehand with a low password cost so the
// spawned server starts quickly; everything else is the production path (`bin/server.js`).
const SERVER = join(import.meta.dirname, '../bin/server.js');

function start(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const m = /"address":"(http:\/\/[^"]+)"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1]! });
      }
    });
    child.stderr!.on('data', (chunk) => {
      out += chunk;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
}

function exited(child: ChildProcess): Promise<unknown> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', r));
}

interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: responses are read loosely in this test
  json: any;
}

async function call(base: string, path: string, token: string | undefined, body?: unknown): Promise<Reply> {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: res.status,
    json: res.headers.get('content-type')?.includes('json') ? await res.json() : null,
  };
}

describeEachDatabase('durability', (t) => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('keeps every acknowledged vote exactly once across a SIGKILL, with a verifying chain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concert-kill-'));
    dirs.push(dir);
    const env: Record<string, string> = { CONCERT_DATA_DIR: dir, LOG_LEVEL: 'info' };
    if (t.kind === 'postgresql') {
      env.DATABASE_URL = `${t.url}?options=${encodeURIComponent(`-c search_path=${t.schema}`)}`;
      await seedOnFirstStart(t.db, { credentialsDir: dir, passwordCost: TEST_COST });
    } else {
      const db = await openDatabase({ dataDir: dir });
      await seedOnFirstStart(db, { credentialsDir: dir, passwordCost: TEST_COST });
      await db.close();
    }
    const passwords = new Map(
      readFileSync(join(dir, 'credentials.txt'), 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => {
          const [u, , , p] = l.split('\t');
          return [u!, p!] as const;
        }),
    );
    let server = await start(env);
    const login = async (username: string) =>
      (
        await call(server.base, '/api/login', undefined, {
          username,
          password: passwords.get(username),
          mode: 'bearer',
        })
      ).json.token as string;
    const chair = await login('presidency');
    const secretariat = await login('secretariat');
    const members = [...passwords.keys()]
      .filter((u) => u.startsWith('delegate-'))
      .map((u) => u.slice(9).toUpperCase());
    const session = (
      await call(server.base, '/api/sessions', chair, {
        institution: 'continental',
        body: 'council',
        title: 'Kill',
      })
    ).json.id;
    for (const m of members)
      await call(server.base, `/api/sessions/${session}/attendance`, secretariat, {
        delegation: `continental:${m}`,
        present: true,
      });
    const motion = (
      await call(server.base, `/api/sessions/${session}/motions`, chair, {
        category: 'procedural',
        text: 'Under fire',
      })
    ).json.id;
    const poll = (await call(server.base, `/api/motions/${motion}/polls`, chair, {})).json.id;
    const tokens = await Promise.all(members.map((m) => login(`delegate-${m.toLowerCase()}`)));

    const acknowledged = new Set<string>();
    let firstAcks: () => void = () => {};
    const threeAcknowledged = new Promise<void>((r) => {
      firstAcks = r;
    });
    const votes = members.map(async (m, i) => {
      await new Promise((r) => setTimeout(r, i * 15));
      try {
        const res = await call(server.base, `/api/polls/${poll}/votes`, tokens[i], { choice: 'yes' });
        if (res.status === 204) acknowledged.add(m);
        if (acknowledged.size === 3) firstAcks();
      } catch {
        // connection reset by the kill: not acknowledged
      }
    });
    await threeAcknowledged; // mid-stream: votes have been acknowledged and more are on their way
    server.child.kill('SIGKILL');
    await Promise.all(votes);
    await exited(server.child);
    expect(acknowledged.size).toBeGreaterThanOrEqual(3);
    expect(acknowledged.size).toBeLessThan(members.length);

    server = await start(env); // PGlite: the lock of the killed process is stale and taken over
    try {
      const observer = await login('observer');
      const stored = (await call(server.base, `/api/polls/${poll}`, observer)).json;
      const voted = new Set<string>(stored.voted.map((d: string) => d.slice('continental:'.length)));
      for (const m of acknowledged) expect(voted.has(m), `acknowledged vote of ${m}`).toBe(true);
      expect(stored.voted).toHaveLength(new Set(stored.voted).size);
      const audit = (await call(server.base, '/api/audit?limit=1000', observer)).json.entries;
      const cast = audit
        .filter((e: { action: string }) => e.action === 'vote.cast')
        .map((e: { content: { delegation: string } }) => e.content.delegation);
      expect(cast.sort()).toEqual([...stored.voted].sort()); // one entry per stored vote, none lost, none doubled
      expect((await call(server.base, '/api/audit/verify', observer)).json).toMatchObject({ ok: true });
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
  }, 180_000);
});
