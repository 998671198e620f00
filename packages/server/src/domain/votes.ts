import { randomBytes } from 'node:crypto';
import { type AuditEntry, appendEntry, type DecisionGame } from '@concert/engine';
import type { Actor } from '../auth/logins.ts';
import type { Queryable } from '../database/index.ts';
import { badRequest, conflict, forbidden, HttpError } from '../errors.ts';
import { gameOf } from './motions.ts';
import { type Choice, memberOf, type PollContext, pollContextWith, voteCommitment } from './polls.ts';
import { proxyInForce } from './proxies.ts';
import { actorName } from './sessions.ts';

// Votes are written in batches (group commit, domain/vote-queue.ts): one transaction for every vote that
// arrived while the previous batch was committing. What a vote costs is the statements it takes and the
// round trips they need, all serialised on the audit head's row, so a batch takes each statement once and
// sends them together where it can: one round trip for every read (the polls it concerns, locked FOR SHARE,
// with the presence of its delegations; the audit head, locked FOR UPDATE; the polls' counts; a savepoint),
// then one statement of multi-row inserts for the votes, the audit entries with the new head, and the
// session events, then COMMIT. A vote that is refused (poll closed, not a member, not checked in, no proxy …) is refused before
// anything is written, with its own 4xx, and the others go on. Should a multi-row write fail all the same
// (a constraint the checks did not foresee), the batch rolls back to the savepoint taken before the writes and
// writes each vote under a savepoint of its own, so that only the failing vote fails.

export interface VoteRequest {
  actor: Actor;
  pollId: number;
  delegation: string;
  choice: Choice;
  /** The delegation casting the vote by proxy, if any. */
  proxyHolder?: string;
}

export type VoteOutcome = { ok: true; sessionId: number } | { ok: false; error: unknown };

export interface BatchResult {
  outcomes: VoteOutcome[];
  /** The batch's polls' counts after it, whole (every delegation's choice) when `tallies` were given. */
  counts: Counts;
}

interface Accepted {
  index: number;
  request: VoteRequest;
  ctx: PollContext;
  proxy?: { id: number; holder: string };
}

type Tally = Record<Choice, number>;

/** A poll's running counts and delegations' current choices (delegation → choice), as a batch advances them. */
interface PollCounts {
  tally: Tally;
  current: Map<string, Choice>;
}

/** The counts of a batch's polls, by poll. */
export type Counts = Map<number, PollCounts>;

const zero = (polls: number[]): Counts =>
  new Map(polls.map((p) => [p, { tally: { yes: 0, no: 0, abstain: 0 }, current: new Map() }]));

const key = (pollId: number, delegation: string) => `${pollId}\n${delegation}`;

/**
 * Casts (or changes) the votes of one batch inside the caller's transaction, in order: a delegation voting
 * twice in one batch ends with its last choice, and the audit chain and the session's events have both,
 * in order. Returns one outcome per request; throws only when the transaction itself fails.
 */
export async function castVotes(
  tx: Queryable,
  requests: VoteRequest[],
  now: string,
  tallies?: Tallies,
): Promise<BatchResult> {
  const outcomes: VoteOutcome[] = new Array(requests.length);
  const refuse = (i: number, error: unknown) => {
    outcomes[i] = { ok: false, error };
  };

  // Every read in one round trip, sent together behind the transaction's BEGIN, in this order: the polls,
  // FOR SHARE and in id order (a close, FOR UPDATE, waits for this batch to commit, or the batch sees the
  // poll closed), each with the presence of every delegation concerned (voters and proxy holders) in its
  // session; then the audit head, FOR UPDATE (after the polls, as every other change locks them), once per
  // batch: the chain is extended in memory, in order, and written in one statement; then the polls' counts
  // and the delegations' current choices, and the savepoint before the writes. The counts come after the
  // head's lock, in a statement of their own: a statement's snapshot is taken when it starts, so read with
  // the lock they could miss votes another server process committed while it was awaited.
  const pollIds = [...new Set(requests.map((r) => r.pollId))].sort((a, b) => a - b);
  const voters = [...new Set(requests.map((r) => r.delegation))];
  const delegations = [
    ...new Set([...voters, ...requests.flatMap((r) => (r.proxyHolder ? [r.proxyHolder] : []))]),
  ];
  const contextsRead = Promise.all(
    pollIds.map((id) =>
      pollContextWith(tx, id, 'share', delegations).catch((e: unknown) => {
        if (e instanceof HttpError) return e;
        throw e;
      }),
    ),
  );
  const headRead = tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE',
  );
  const known = tallies?.of(pollIds);
  const countsRead = known
    ? Promise.resolve(known)
    : tallies
      ? wholeCountsOf(tx, pollIds)
      : countsOf(tx, pollIds, voters);
  const savepoint = tx.query('SAVEPOINT vote_batch');
  const [read, [headRow], countsAtStart] = await Promise.all([contextsRead, headRead, countsRead, savepoint]);
  let counts = countsAtStart;
  if (!headRow) throw new Error('audit_head is missing: ensureAuditHead() runs when the app starts');
  const head: AuditEntry | null =
    Number(headRow.seq) === 0 ? null : ({ seq: Number(headRow.seq), hash: headRow.hash } as AuditEntry);

  const contexts = new Map<number, PollContext | HttpError>();
  const presence = new Set<string>();
  for (const [i, id] of pollIds.entries()) {
    const r = read[i]!;
    if (r instanceof HttpError) contexts.set(id, r);
    else {
      contexts.set(id, r.ctx);
      for (const d of r.present) presence.add(`${r.ctx.session.id}\n${d}`);
    }
  }

  // What needs no database: the poll is open, the delegation sits in the body and may vote this way. The
  // decision game once per poll of the batch.
  const games = new Map<number, DecisionGame>();
  const candidates: Accepted[] = [];
  for (const [index, request] of requests.entries()) {
    const ctx = contexts.get(request.pollId)!;
    try {
      if (ctx instanceof HttpError) throw ctx;
      const game = games.get(ctx.poll.id) ?? gameOf(ctx.institution, ctx.session, ctx.motion);
      games.set(ctx.poll.id, game);
      checkVoter(ctx, game, request);
      candidates.push({ index, request, ctx });
    } catch (e) {
      refuse(index, e);
    }
  }

  const isPresent = (session: number, delegation: string) => presence.has(`${session}\n${delegation}`);

  const accepted: Accepted[] = [];
  for (const c of candidates) {
    try {
      const { session } = c.ctx;
      const { delegation, proxyHolder } = c.request;
      if (proxyHolder) {
        // Rare: one query per proxy vote.
        const proxy = await proxyInForce(tx, {
          body: session.body_id,
          granter: delegation,
          holder: proxyHolder,
          at: now,
        });
        if (!proxy)
          throw forbidden(
            `${proxyHolder} holds no proxy of ${delegation} in force in body "${session.body_id}"`,
          );
        if (isPresent(session.id, delegation))
          throw conflict(`${delegation} is checked in to session ${session.id} and casts its own vote`);
        if (!isPresent(session.id, proxyHolder))
          throw conflict(
            `the proxy holder ${proxyHolder} is not checked in to session ${session.id}; it cannot cast ${delegation}'s vote`,
          );
        c.proxy = { id: Number(proxy.id), holder: proxyHolder };
      } else if (!isPresent(session.id, delegation)) {
        throw conflict(`delegation ${delegation} is not checked in to session ${session.id}; check in first`);
      }
      accepted.push(c);
    } catch (e) {
      refuse(c.index, e);
    }
  }
  if (accepted.length === 0) return { outcomes, counts };

  try {
    const after = structuredClone(counts);
    await writeVotes(tx, accepted, head, after, now);
    for (const a of accepted) outcomes[a.index] = { ok: true, sessionId: a.ctx.session.id };
    return { outcomes, counts: after };
  } catch {
    await tx.query('ROLLBACK TO SAVEPOINT vote_batch');
  }
  // One by one, each under its own savepoint: a failing vote leaves the chain and the counts where they were.
  let last = head;
  for (const a of accepted) {
    await tx.query('SAVEPOINT one_vote');
    const attempt = structuredClone(counts);
    try {
      last = await writeVotes(tx, [a], last, attempt, now);
      counts = attempt;
      outcomes[a.index] = { ok: true, sessionId: a.ctx.session.id };
    } catch (e) {
      await tx.query('ROLLBACK TO SAVEPOINT one_vote');
      refuse(a.index, e);
    }
  }
  return { outcomes, counts };
}

/** The checks that need only the poll's context (and the memoised decision game). */
function checkVoter(
  { poll, session, institution }: PollContext,
  game: DecisionGame,
  input: VoteRequest,
): void {
  if (poll.status !== 'open') throw conflict(`poll ${poll.id} is closed`);
  const member = memberOf(institution, input.delegation);
  if (!member)
    throw badRequest(`delegation "${input.delegation}" does not belong to ${institution.id}`, 'delegation');
  if (game.recused.includes(member))
    throw forbidden(`${member} is a party to the matter and excluded from this vote`);
  if (!game.players.some((p) => p.id === member))
    throw forbidden(`${member} does not sit in body "${session.body_id}"`);
  if (game.mustAbstain.includes(member) && input.choice !== 'abstain') {
    throw badRequest(`${member} is a party to the matter and must abstain`, 'choice');
  }
}

/** Each poll's counts and every delegation's current choice, in one query (to keep in `Tallies`). */
async function wholeCountsOf(tx: Queryable, polls: number[]): Promise<Counts> {
  const rows = await tx.query<{ poll_id: number; delegation_id: string; choice: Choice }>(
    'SELECT poll_id, delegation_id, choice FROM votes WHERE poll_id = ANY($1::int[])',
    [polls],
  );
  const counts = zero(polls);
  for (const r of rows) {
    const c = counts.get(Number(r.poll_id))!;
    c.tally[r.choice]++;
    c.current.set(r.delegation_id, r.choice);
  }
  return counts;
}

/**
 * The polls' counts and every delegation's current choice, kept in memory where one process alone writes
 * votes (PGlite: one connection, one process by its lock file), so that a batch need not read them: a fifth
 * of a batch's time in PGlite. Recorded only after the batch that produced them committed; the polls of a
 * batch that failed are forgotten and read whole again.
 */
export class Tallies {
  private readonly polls = new Map<number, PollCounts>();

  constructor(private readonly max = 64) {}

  /** A copy of the counts of `polls` (the batch advances it), or undefined if one of them is not kept. */
  of(polls: number[]): Counts | undefined {
    const counts: Counts = new Map();
    for (const p of polls) {
      const kept = this.polls.get(p);
      if (!kept) return undefined;
      counts.set(p, { tally: { ...kept.tally }, current: new Map(kept.current) });
    }
    return counts;
  }

  /** Keeps what a committed batch left (its polls whole; castVotes does not change them afterwards). */
  keep(counts: Counts): void {
    for (const [p, c] of counts) {
      this.polls.delete(p); // the most recently used last
      this.polls.set(p, c);
    }
    while (this.polls.size > this.max) this.polls.delete(this.polls.keys().next().value!);
  }

  forget(polls: Iterable<number>): void {
    for (const p of polls) this.polls.delete(p);
  }
}

/** Each poll's counts and the current choice of each delegation in the batch, in one query. */
async function countsOf(tx: Queryable, polls: number[], delegations: string[]): Promise<Counts> {
  const rows = await tx.query<{ poll_id: number; delegation_id: string | null; choice: Choice; n: number }>(
    `SELECT poll_id, NULL AS delegation_id, choice, COUNT(*)::int AS n FROM votes
      WHERE poll_id = ANY($1::int[]) GROUP BY poll_id, choice
     UNION ALL
     SELECT poll_id, delegation_id, choice, 1 FROM votes
      WHERE poll_id = ANY($1::int[]) AND delegation_id = ANY($2::text[])`,
    [polls, delegations],
  );
  const counts = zero(polls);
  for (const r of rows) {
    const c = counts.get(Number(r.poll_id))!;
    if (r.delegation_id === null) c.tally[r.choice] = Number(r.n);
    else c.current.set(r.delegation_id, r.choice);
  }
  return counts;
}

/**
 * Writes the votes, their audit entries (chained from `head`) with the new head, and their session events:
 * one statement whatever the number of votes. Returns the new head.
 */
async function writeVotes(
  tx: Queryable,
  votes: Accepted[],
  head: AuditEntry | null,
  counts: Counts,
  now: string,
): Promise<AuditEntry | null> {
  const finalVote = new Map<string, { a: Accepted; salt: string }>();
  const entries: AuditEntry[] = [];
  const events: { session: number; data: string; sealed: string | null }[] = [];
  let last = head;
  const salts = randomBytes(16 * votes.length).toString('hex'); // one draw for the batch: 32 hex digits each
  for (const [i, a] of votes.entries()) {
    const { poll, session } = a.ctx;
    const { delegation, choice, actor } = a.request;
    const salt = salts.slice(32 * i, 32 * (i + 1));
    const k = key(poll.id, delegation);
    finalVote.set(k, { a, salt });
    const byProxy = a.proxy ? { proxy: a.proxy } : {};
    const secret = poll.ballot === 'secret';
    const content = secret
      ? {
          poll: poll.id,
          delegation,
          commitment: voteCommitment(poll.id, delegation, choice, salt),
          ...byProxy,
        }
      : { poll: poll.id, delegation, choice, ...byProxy };
    last = appendEntry(last, {
      at: now,
      actor: actorName(actor),
      action: 'vote.cast',
      subject: `poll:${poll.id}`,
      content,
    });
    entries.push(last);
    // The running tally after this vote (for a secret ballot only how many have voted: a running tally would
    // reveal each vote as it arrives).
    const { tally, current } = counts.get(poll.id)!;
    const before = current.get(delegation);
    if (before) tally[before]--;
    tally[choice]++;
    current.set(delegation, choice);
    const voted = tally.yes + tally.no + tally.abstain;
    events.push({
      session: session.id,
      data: JSON.stringify(
        secret
          ? { poll: poll.id, delegation, voted, ...byProxy }
          : { poll: poll.id, delegation, choice, voted, tally: { ...tally }, ...byProxy },
      ),
      sealed: secret ? JSON.stringify({ choice }) : null,
    });
  }

  // One row per delegation and poll (ON CONFLICT may not touch a row twice in one statement): its last vote,
  // with the salt of its commitment. A delegation's earlier entries in the batch commit to salts no longer
  // kept, as after a change in a later batch.
  const rows = [...finalVote.values()];
  const top = entries.at(-1)!;
  // One statement, one round trip: the votes, the audit entries and the head (one update for the batch),
  // and the events, with ids in the batch's order (WITH ORDINALITY … ORDER BY; a session's events are read
  // back by id). Data-modifying WITH clauses all run, whether or not the main statement reads them.
  await tx.query(
    `WITH cast_votes AS (
       INSERT INTO votes (poll_id, delegation_id, choice, salt, cast_by, updated_at, proxy_holder_delegation_id)
       SELECT v.poll_id, v.delegation_id, v.choice, v.salt, v.cast_by, $6, v.holder
         FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $7::text[])
              AS v(poll_id, delegation_id, choice, salt, cast_by, holder)
       ON CONFLICT (poll_id, delegation_id)
       DO UPDATE SET choice = EXCLUDED.choice, salt = EXCLUDED.salt, cast_by = EXCLUDED.cast_by,
         updated_at = EXCLUDED.updated_at, proxy_holder_delegation_id = EXCLUDED.proxy_holder_delegation_id),
     entries AS (
       INSERT INTO audit_log (seq, at, actor, action, subject, content, prev_hash, hash)
       SELECT e.seq, $6, e.actor, 'vote.cast', e.subject, e.content::jsonb, e.prev_hash, e.hash
         FROM unnest($8::bigint[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
              AS e(seq, actor, subject, content, prev_hash, hash)),
     head AS (UPDATE audit_head SET seq = $14, hash = $15 WHERE id = 1)
     INSERT INTO session_events (session_id, type, at, data, sealed)
     SELECT e.session_id, 'vote.cast', $6, e.data::jsonb, e.sealed::jsonb
       FROM unnest($16::int[], $17::text[], $18::text[]) WITH ORDINALITY AS e(session_id, data, sealed, n)
      ORDER BY e.n`,
    [
      rows.map((r) => r.a.ctx.poll.id),
      rows.map((r) => r.a.request.delegation),
      rows.map((r) => r.a.request.choice),
      rows.map((r) => r.salt),
      rows.map((r) => r.a.request.actor.userId),
      now,
      rows.map((r) => r.a.proxy?.holder ?? null),
      entries.map((e) => e.seq),
      entries.map((e) => e.actor),
      entries.map((e) => e.subject),
      entries.map((e) => JSON.stringify(e.content)),
      entries.map((e) => e.prevHash),
      entries.map((e) => e.hash),
      top.seq,
      top.hash,
      events.map((e) => e.session),
      events.map((e) => e.data),
      events.map((e) => e.sealed),
    ],
  );
  return last;
}
