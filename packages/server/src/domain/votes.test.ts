import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '../auth/logins.ts';
import { describeEachDatabase } from '../database/test-support.ts';
import { HttpError } from '../errors.ts';
import { loadSigningKey, verifyRecord } from '../record/checkpoints.ts';
import {
  type Client,
  councilSession,
  proceduralPoll,
  startTestPlatform,
  type TestPlatform,
} from '../test-support.ts';
import { SessionSignals, sessionEventsAfter } from './events.ts';
import type { Choice } from './polls.ts';
import { VoteQueue } from './vote-queue.ts';
import { castVotes, type VoteRequest } from './votes.ts';

// Group commit: the votes of a batch share one transaction, one audit-head update and multi-row writes, yet
// each vote keeps its own outcome, the chain stays whole and a session's events follow the votes' order.
describeEachDatabase('votes in batches', (t) => {
  let tp: TestPlatform;
  let chair: Client;
  const d: Record<string, Client> = {};
  const actors: Record<string, Actor> = {};
  const MEMBERS = ['deu', 'fra', 'ita', 'esp', 'pol', 'nld'];

  beforeAll(async () => {
    tp = await startTestPlatform(t.db);
    chair = await tp.login('presidency');
    for (const m of MEMBERS) {
      d[m] = await tp.login(`delegate-${m}`);
      const [u] = await t.db.query<{ id: number; delegation_id: string }>(
        'SELECT id, delegation_id FROM users WHERE username = $1',
        [`delegate-${m}`],
      );
      actors[m] = {
        userId: u!.id,
        username: `delegate-${m}`,
        role: 'delegate',
        delegationId: u!.delegation_id,
        institutionId: 'continental',
        via: 'bearer',
        csrfToken: null,
        tokenHash: '',
      };
    }
  });

  const sessionWith = (present: string[]) =>
    councilSession(
      chair,
      present.map((m) => d[m]!),
      'Batches',
    );
  const pollIn = (s: number) => proceduralPoll(chair, s);
  const vote = (m: string, pollId: number, choice: Choice, actor = actors[m]!): VoteRequest => ({
    actor,
    pollId,
    delegation: `continental:${m.toUpperCase()}`,
    choice,
  });
  const headSeq = async () =>
    Number((await t.db.query<{ seq: number }>('SELECT seq FROM audit_head'))[0]!.seq);
  const lastEventId = async () =>
    Number((await t.db.query<{ id: number | null }>('SELECT max(id) AS id FROM session_events'))[0]!.id ?? 0);
  const verified = async () =>
    verifyRecord(t.db, { origin: 'concert.local/audit', key: await loadSigningKey(t.db) });
  const voteEntries = async (after: number) =>
    t.db.query<{ seq: number; content: { delegation: string; choice: Choice } }>(
      "SELECT seq, content FROM audit_log WHERE seq > $1 AND action = 'vote.cast' ORDER BY seq",
      [after],
    );

  it('commits the others when one vote of the batch is refused, each with its own outcome', async () => {
    const s = await sessionWith(['deu', 'fra', 'ita']);
    const closed = await pollIn(s);
    expect((await chair.post(`/api/polls/${closed}/close`)).statusCode).toBe(200);
    const poll = await pollIn(s);
    const seq = await headSeq();
    const events = await lastEventId();

    const { outcomes } = await t.db.transaction((tx) =>
      castVotes(
        tx,
        [
          vote('deu', poll, 'yes'),
          vote('fra', poll, 'no'),
          vote('pol', poll, 'yes'), // not checked in
          vote('ita', closed, 'yes'), // the poll is closed
          vote('ita', poll, 'abstain'),
          vote('deu', poll, 'no'), // a change within the batch
        ],
        new Date().toISOString(),
      ),
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false, false, true, true]);
    const refusal = (i: number) => (outcomes[i] as { error: HttpError }).error;
    expect(refusal(2)).toBeInstanceOf(HttpError);
    expect(refusal(2).statusCode).toBe(409);
    expect(refusal(2).message).toMatch(/not checked in/);
    expect(refusal(3).statusCode).toBe(409);
    expect(refusal(3).message).toMatch(/closed/);

    const stored = await t.db.query<{ delegation_id: string; choice: Choice }>(
      'SELECT delegation_id, choice FROM votes WHERE poll_id = $1 ORDER BY delegation_id',
      [poll],
    );
    expect(stored).toEqual([
      { delegation_id: 'continental:DEU', choice: 'no' },
      { delegation_id: 'continental:FRA', choice: 'no' },
      { delegation_id: 'continental:ITA', choice: 'abstain' },
    ]);
    // The chain has the four accepted votes in order, one head update for all, and still verifies.
    const entries = await voteEntries(seq);
    expect(entries.map((e) => [e.content.delegation, e.content.choice])).toEqual([
      ['continental:DEU', 'yes'],
      ['continental:FRA', 'no'],
      ['continental:ITA', 'abstain'],
      ['continental:DEU', 'no'],
    ]);
    expect(await headSeq()).toBe(seq + 4);
    expect(await verified()).toMatchObject({ ok: true });
    // The session's events carry the running tally after each vote, in the same order.
    const logged = (await sessionEventsAfter(t.db, s, events)).filter((e) => e.type === 'vote.cast');
    expect(logged.map((e) => [e.data.delegation, e.data.voted, e.data.tally])).toEqual([
      ['continental:DEU', 1, { yes: 1, no: 0, abstain: 0 }],
      ['continental:FRA', 2, { yes: 1, no: 1, abstain: 0 }],
      ['continental:ITA', 3, { yes: 1, no: 1, abstain: 1 }],
      ['continental:DEU', 3, { yes: 0, no: 2, abstain: 1 }],
    ]);
  });

  it('undoes only the failing vote when a multi-row write fails (a savepoint per vote)', async () => {
    const s = await sessionWith(['deu', 'fra', 'ita']);
    const poll = await pollIn(s);
    const seq = await headSeq();
    // A vote the checks pass but the database refuses: cast by a user that does not exist (foreign key).
    const ghost: Actor = { ...actors.fra!, userId: 987_654 };
    const { outcomes } = await t.db.transaction((tx) =>
      castVotes(
        tx,
        [vote('deu', poll, 'yes'), vote('fra', poll, 'no', ghost), vote('ita', poll, 'no')],
        new Date().toISOString(),
      ),
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(String((outcomes[1] as { error: Error }).error)).toMatch(/foreign key/);
    const entries = await voteEntries(seq);
    expect(entries.map((e) => e.content.delegation)).toEqual(['continental:DEU', 'continental:ITA']);
    expect(await headSeq()).toBe(seq + 2);
    expect(await verified()).toMatchObject({ ok: true });
    const stored = await t.db.query('SELECT delegation_id FROM votes WHERE poll_id = $1 ORDER BY 1', [poll]);
    expect(stored).toEqual([{ delegation_id: 'continental:DEU' }, { delegation_id: 'continental:ITA' }]);
  });

  it('gives every vote event the running tally a recount of the committed votes gives, across batches and a failed vote', async () => {
    // On PGlite the counts live in memory between batches (Tallies); on PostgreSQL they are read each time.
    const present = ['deu', 'fra', 'ita', 'esp', 'nld'];
    const s = await sessionWith(present);
    const poll = await pollIn(s);
    const before = await lastEventId();
    const queue = new VoteQueue(t.db, () => new Date(), new SessionSignals());
    const ghost: Actor = { ...actors.ita!, userId: 987_654 }; // refused by the database (foreign key)
    const choices: Choice[] = ['yes', 'no', 'abstain'];
    for (let round = 0; round < 5; round++) {
      const casts = present.map((m, i) =>
        queue.cast(
          vote(m, poll, choices[(round * 2 + i) % 3]!, round === 2 && m === 'ita' ? ghost : actors[m]!),
        ),
      );
      const settled = await Promise.allSettled(casts);
      expect(settled.filter((r) => r.status === 'rejected')).toHaveLength(round === 2 ? 1 : 0);
    }
    await queue.idle();
    const logged = await sessionEventsAfter(t.db, s, before);
    const current = new Map<string, Choice>();
    for (const e of logged) {
      const data = e.data as { delegation: string; choice: Choice; tally: Record<Choice, number> };
      current.set(data.delegation, data.choice);
      const recount = { yes: 0, no: 0, abstain: 0 };
      for (const c of current.values()) recount[c]++;
      expect(data.tally).toEqual(recount);
    }
    expect(logged).toHaveLength(5 * present.length - 1);
    const stored = await t.db.query<{ choice: Choice }>('SELECT choice FROM votes WHERE poll_id = $1', [
      poll,
    ]);
    expect(stored.map((r) => r.choice).sort()).toEqual([...current.values()].sort());
  });

  it('queues votes while a batch commits and keeps event ids in vote order, gap-free, in every session', async () => {
    const present = ['deu', 'fra', 'ita', 'esp', 'nld'];
    const s1 = await sessionWith(present);
    const s2 = await sessionWith(present);
    const p1 = await pollIn(s1);
    const p2 = await pollIn(s2);
    const before = await lastEventId();
    const signals = new SessionSignals();
    const woken = new Set<number>();
    signals.on('changed', (s: number) => woken.add(s));
    const queue = new VoteQueue(t.db, () => new Date(), signals);
    const sent: { session: number; delegation: string; choice: Choice }[] = [];
    const choices: Choice[] = ['yes', 'no', 'abstain'];
    const casts: Promise<unknown>[] = [];
    for (let round = 0; round < 4; round++)
      for (const [i, m] of present.entries())
        for (const [session, poll] of [
          [s1, p1],
          [s2, p2],
        ] as const) {
          const choice = choices[(round + i) % 3]!;
          sent.push({ session, delegation: `continental:${m.toUpperCase()}`, choice });
          casts.push(queue.cast(vote(m, poll, choice)));
        }
    await Promise.all(casts);
    await queue.idle();
    // The first vote commits alone; the rest waited for it and went together.
    expect(queue.stats.votes).toBe(sent.length);
    expect(queue.stats.batches).toBeLessThan(sent.length);
    expect(queue.stats.largest).toBeGreaterThan(1);
    expect(woken).toEqual(new Set([s1, s2]));
    for (const session of [s1, s2]) {
      const logged = await sessionEventsAfter(t.db, session, before);
      const ids = logged.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      // Reading the session by id from any point gives the rest, in order: nothing is skipped.
      expect((await sessionEventsAfter(t.db, session, ids[9]!)).map((e) => e.id)).toEqual(ids.slice(10));
      expect(logged.map((e) => [e.data.delegation, e.data.choice])).toEqual(
        sent.filter((v) => v.session === session).map((v) => [v.delegation, v.choice]),
      );
    }
    // Across sessions too, the events were written in the order the votes were queued.
    const all = await t.db.query<{ session_id: number }>(
      "SELECT session_id FROM session_events WHERE id > $1 AND type = 'vote.cast' ORDER BY id",
      [before],
    );
    expect(all.map((r) => Number(r.session_id))).toEqual(sent.map((v) => v.session));
    expect(await verified()).toMatchObject({ ok: true });
  });
});
