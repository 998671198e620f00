import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './database/test-support.ts';
import { gameOf } from './domain/motions.ts';
import { ballotsFor, type Choice, decide, pollContext, votesOf } from './domain/polls.ts';
import { presentDelegations } from './domain/sessions.ts';
import { SECRET_CHARTER } from './test-charters.ts';
import { type Client, startTestPlatform, type TestPlatform } from './test-support.ts';

// Votes, vote changes, double submissions and closes by two chairs at once, in every order fast-check's
// scheduler picks (the requests go through the real routes, domain code and database). Whatever the order,
// one clear outcome: exactly one close succeeds and the other is a 409; every vote acknowledged (204) before
// the close is counted — the stored vote of each delegation is its last acknowledged one; every other vote
// is refused with 409, because the poll is closed; the audit chain has one vote.cast per acknowledged vote,
// none after the poll.close; and the stored result is the engine's decision on the recorded votes.
const MEMBERS = ['DEU', 'FRA', 'POL'];
const INSTITUTION = 'quintet'; // five members: the engine's decision stays cheap, so 1,000 runs fit in CI
const RUNS = { pglite: 1000, postgresql: 150 };

const choice = fc.constantFrom<Choice>('yes', 'no', 'abstain');
const scenario = fc.record({
  // Per delegation: nothing, one vote, or a vote and its changes; sometimes the first is sent twice at once.
  votes: fc.tuple(
    ...MEMBERS.map(() => fc.record({ choices: fc.array(choice, { maxLength: 2 }), twice: fc.boolean() })),
  ),
  chairs: fc.constantFrom<(0 | 1)[]>([0], [1], [0, 1], [0, 1]),
});

describeEachDatabase('races', (t) => {
  let platform: TestPlatform;
  let chairs: Client[];
  let delegates: Map<string, Client>;
  let session: number;
  beforeAll(async () => {
    platform = await startTestPlatform(t.db);
    const secretariat = await platform.login('secretariat');
    chairs = [
      await platform.login('presidency'),
      await platform.account(secretariat, 'second-chair', 'presidency'),
    ];
    const made = await secretariat.post('/api/institutions', {
      id: INSTITUTION,
      charterSource: SECRET_CHARTER,
      adoptedOn: '2026-01-01',
    });
    expect(made.statusCode, made.body).toBe(201);
    delegates = new Map();
    for (const m of MEMBERS) {
      const username = `quintet-${m.toLowerCase()}`;
      delegates.set(m, await platform.account(secretariat, username, 'delegate', `${INSTITUTION}:${m}`));
    }
    session = (
      await chairs[0]!.post('/api/sessions', { institution: INSTITUTION, body: 'council', title: 'Races' })
    ).json().id;
    for (const m of MEMBERS) {
      const res = await delegates.get(m)!.post(`/api/sessions/${session}/attendance`, { present: true });
      expect(res.statusCode).toBe(204);
    }
  }, 60_000);

  it(`gives one clear outcome in ${RUNS[t.kind]} interleavings of cast, change, double submission and two closes`, async () => {
    let interleavings = 0;
    let refusedAfterClose = 0;
    let countedBeforeClose = 0;
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), scenario, async (s, { votes, chairs: closing }) => {
        const motion = (
          await chairs[0]!.post(`/api/sessions/${session}/motions`, { category: 'weighted', text: 'Race' })
        ).json().id;
        const opened = await chairs[0]!.post(`/api/motions/${motion}/polls`, {});
        expect(opened.statusCode).toBe(201);
        const poll = opened.json().id as number;
        const auditBefore = (await t.db.query<{ seq: number }>('SELECT seq FROM audit_head'))[0]!.seq;

        const acked = new Map<string, Choice>(); // last acknowledged vote per delegation
        let ackedCount = 0;
        const refused: string[] = [];
        const statuses: number[] = [];
        const sendVote = async (m: string, c: Choice) => {
          await s.schedule(Promise.resolve(), `vote ${m} ${c}`); // the scheduler decides when it is sent
          const res = await delegates.get(m)!.post(`/api/polls/${poll}/votes`, { choice: c });
          statuses.push(res.statusCode);
          if (res.statusCode === 204) {
            acked.set(m, c);
            ackedCount++;
          } else {
            expect(res.statusCode, res.body).toBe(409);
            expect(res.json().message).toMatch(/closed/);
            refused.push(m);
          }
        };
        const voter = async (m: string, plan: { choices: Choice[]; twice: boolean }) => {
          for (const [k, c] of plan.choices.entries()) {
            // A double submission: the same vote sent twice without waiting; either order is fine.
            if (k === 0 && plan.twice) await Promise.all([sendVote(m, c), sendVote(m, c)]);
            else await sendVote(m, c);
          }
        };
        const closes: number[] = [];
        const closer = async (chair: 0 | 1) => {
          await s.schedule(Promise.resolve(), `close by chair ${chair}`);
          const res = await chairs[chair]!.post(`/api/polls/${poll}/close`, {});
          closes.push(res.statusCode);
          if (res.statusCode !== 200) expect(res.json().message).toMatch(/already closed/);
        };
        await s.waitFor(
          Promise.all([...MEMBERS.map((m, i) => voter(m, votes[i]!)), ...closing.map((c) => closer(c))]),
        );

        expect(closes.filter((c) => c === 200)).toHaveLength(1);
        expect(closes.filter((c) => c === 409)).toHaveLength(closing.length - 1);
        const stored = (await chairs[0]!.get(`/api/polls/${poll}`)).json();
        expect(stored.status).toBe('closed');
        const recorded = new Map<string, Choice>(
          stored.votes.map((v: { delegation: string; choice: Choice }) => [
            v.delegation.slice(INSTITUTION.length + 1),
            v.choice,
          ]),
        );
        expect(recorded).toEqual(acked);
        // The chain: one vote.cast per acknowledged vote, each before the poll's single close entry.
        const entries = (await chairs[0]!.get(`/api/audit?after=${auditBefore}&limit=1000`))
          .json()
          .entries.filter((e: { content: { poll?: number } }) => e.content.poll === poll);
        const actions = entries.map((e: { action: string }) => e.action);
        expect(actions.filter((a: string) => a === 'poll.close')).toHaveLength(1);
        expect(actions.at(-1)).toBe('poll.close');
        expect(actions.filter((a: string) => a === 'vote.cast')).toHaveLength(ackedCount);
        // The stored result is the engine's decision on the recorded votes (present non-voters abstaining).
        const ctx = await pollContext(t.db, poll);
        const game = gameOf(ctx.institution, ctx.session, ctx.motion);
        const ballots = ballotsFor(
          ctx.institution,
          game.players.map((p) => p.id),
          await votesOf(t.db, poll),
          await presentDelegations(t.db, session),
        );
        expect(ctx.poll.decision).toEqual(JSON.parse(JSON.stringify(decide(ctx, ballots))));
        interleavings++;
        refusedAfterClose += refused.length;
        countedBeforeClose += ackedCount;
      }),
      { numRuns: RUNS[t.kind], seed: 4_000_001 },
    );
    expect(interleavings).toBe(RUNS[t.kind]);
    // Both sides of the race happen: votes land before the close and votes are refused after it.
    expect(refusedAfterClose).toBeGreaterThan(0);
    expect(countedBeforeClose).toBeGreaterThan(0);
  }, 300_000);
});
