import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from './database/index.ts';
import { describeEachDatabase } from './database/test-support.ts';
import {
  ASSEMBLY,
  call,
  exited,
  openAssemblyPoll,
  type SeededAssembly,
  seedAssembly,
  spawnServer,
} from './test-assembly.ts';

// The server is killed with SIGKILL while 200 delegations vote and change their votes; after a restart every
// acknowledged vote is there exactly once and the audit chain verifies. Everything after the seeding is the
// production path: a spawned `bin/server.js` over HTTP.
const DELEGATIONS = 200;
const VOTES_EACH = 5;
const KILL_AFTER = 300; // acknowledged votes before the kill: mid-stream, with about 700 still to come
const CHOICES = ['yes', 'no', 'abstain'] as const;

describeEachDatabase('durability', (t) => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('keeps every vote acknowledged by 200 delegations exactly once across a SIGKILL, with a verifying chain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concert-kill-'));
    dirs.push(dir);
    const env: Record<string, string> = { CONCERT_DATA_DIR: dir };
    let assembly: SeededAssembly;
    if (t.kind === 'postgresql') {
      env.DATABASE_URL = `${t.url}?options=${encodeURIComponent(`-c search_path=${t.schema}`)}`;
      assembly = await seedAssembly(t.db, DELEGATIONS, dir);
    } else {
      const db = await openDatabase({ dataDir: dir });
      assembly = await seedAssembly(db, DELEGATIONS, dir);
      await db.close();
    }
    let server = await spawnServer(env);
    const { poll } = await openAssemblyPoll(server.base, assembly);

    // Per delegation, the choices the server acknowledged, in order, and the one in flight when it died.
    const acked = new Map<string, string[]>(assembly.members.map((m) => [m, []]));
    const inFlight = new Map<string, string>();
    let total = 0;
    let killed = false;
    let batching: { batches: number; votes: number; largest: number } | undefined;
    const kill = () => {
      if (killed) return;
      killed = true;
      server.child.kill('SIGKILL');
    };
    // Just before the kill, the server says how it has been batching (group commit): the kill lands among
    // batches of many votes, not one vote at a time.
    const killAfterLooking = async () => {
      batching = (await call(server.base, '/api/health', assembly.observer)).json.votes;
      kill();
    };
    const voter = async (m: string, i: number) => {
      const token = assembly.delegates.get(m)!;
      for (let k = 0; k < VOTES_EACH && !killed; k++) {
        const choice = CHOICES[(i + k) % 3]!;
        inFlight.set(m, choice);
        try {
          const res = await call(server.base, `/api/polls/${poll}/votes`, token, { choice });
          if (res.status !== 204) throw new Error(`vote of ${m}: ${res.status} ${JSON.stringify(res.json)}`);
          acked.get(m)!.push(choice);
          inFlight.delete(m);
          if (++total === KILL_AFTER) void killAfterLooking().catch(kill);
        } catch (e) {
          if (!killed) throw e; // before the kill every vote must succeed
          return; // connection reset by the kill: not acknowledged
        }
      }
    };
    await Promise.all(assembly.members.map(voter));
    await exited(server.child);
    expect(killed).toBe(true);
    expect(total).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(total).toBeLessThan(DELEGATIONS * VOTES_EACH);
    expect(batching!.votes).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(batching!.largest).toBeGreaterThan(1);
    expect(batching!.batches).toBeLessThan(batching!.votes);

    server = await spawnServer(env); // PGlite: the lock of the killed process is stale and taken over
    try {
      const stored = (await call(server.base, `/api/polls/${poll}`, assembly.observer)).json;
      const storedChoice = new Map<string, string>(
        stored.votes.map((v: { delegation: string; choice: string }) => [
          v.delegation.slice(ASSEMBLY.length + 1),
          v.choice,
        ]),
      );
      expect(stored.voted).toHaveLength(new Set(stored.voted).size); // one row per delegation
      const audit: { action: string; subject: string; content: { delegation: string; choice: string } }[] =
        [];
      for (let after = 0; ; ) {
        const page = (await call(server.base, `/api/audit?after=${after}&limit=1000`, assembly.observer)).json
          .entries;
        if (page.length === 0) break;
        audit.push(...page);
        after = page.at(-1).seq;
      }
      const cast = new Map<string, string[]>();
      for (const e of audit) {
        if (e.action !== 'vote.cast' || e.subject !== `poll:${poll}`) continue;
        const m = e.content.delegation.slice(ASSEMBLY.length + 1);
        cast.set(m, [...(cast.get(m) ?? []), e.content.choice]);
      }
      for (const m of assembly.members) {
        const mine = acked.get(m)!;
        const recorded = cast.get(m) ?? [];
        // Exactly the acknowledged votes, in order, plus at most the one in flight (it may have committed
        // before the kill without its reply getting out).
        const extra = inFlight.get(m);
        const expected = recorded.length === mine.length + 1 && extra ? [...mine, extra] : mine;
        expect(recorded, `audit entries of ${m}`).toEqual(expected);
        expect(storedChoice.get(m), `stored vote of ${m}`).toBe(expected.at(-1));
      }
      expect((await call(server.base, '/api/audit/verify', assembly.observer)).json).toMatchObject({
        ok: true,
      });
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
  }, 120_000);
});
