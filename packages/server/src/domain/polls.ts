import { createHash } from 'node:crypto';
import { type Decision, evaluate, type Vote } from '@concert/engine';
import type { Actor } from '../auth/logins.ts';
import type { Queryable } from '../database/index.ts';
import { conflict, notFound } from '../errors.ts';
import { withheldGroups } from './disclosure.ts';
import { recordSessionChange } from './events.ts';
import {
  charterOf,
  delegationId,
  type InstitutionKey,
  type InstitutionRow,
  institutionRow,
} from './institutions.ts';
import { gameOf, getMotion, type MotionRow } from './motions.ts';
import { actorName, presentDelegations, type SessionRow, sessionWithInstitution } from './sessions.ts';

export type Choice = 'yes' | 'no' | 'abstain';
export const CHOICES: readonly Choice[] = ['yes', 'no', 'abstain'];

export interface PollRow {
  id: number;
  motion_id: number;
  ballot: 'roll-call' | 'secret';
  status: 'open' | 'closed';
  opened_at: string;
  closed_at: string | null;
  decision: Decision | null;
  adopted: boolean | null;
}

export interface PollContext {
  poll: PollRow;
  motion: MotionRow;
  session: SessionRow;
  institution: InstitutionRow;
}

export async function pollContext(
  db: Queryable,
  pollId: number,
  lock?: 'update' | 'share',
): Promise<PollContext> {
  return (await pollContextWith(db, pollId, lock, [])).ctx;
}

/**
 * The poll's context, and which of `delegations` are checked in to its session: one round trip, as each batch
 * of votes needs both. The lock is on the poll row. The institution's charter text is not read each time but
 * its digest: the row is kept in memory (institutions never change once created) and read whole only when
 * first seen.
 */
export async function pollContextWith(
  db: Queryable,
  pollId: number,
  lock: 'update' | 'share' | undefined,
  delegations: string[],
): Promise<{ ctx: PollContext; present: Set<string> }> {
  const [row] = await db.query<
    Omit<PollContext, 'institution'> & { institution: InstitutionKey; present: string[] }
  >(
    `SELECT to_jsonb(p) AS poll, to_jsonb(m) AS motion, to_jsonb(s) AS session,
            jsonb_build_object('id', i.id, 'charter_id', i.charter_id, 'name', i.name, 'adopted_on', i.adopted_on,
              'created_at', i.created_at,
              'charter_sha256', encode(sha256(convert_to(i.charter_source, 'UTF8')), 'hex')) AS institution,
            ARRAY(SELECT a.delegation_id FROM attendance a
                   WHERE a.session_id = s.id AND a.delegation_id = ANY($2::text[]) AND a.present) AS present
       FROM polls p
       JOIN motions m ON m.id = p.motion_id
       JOIN council_sessions s ON s.id = m.session_id
       JOIN institutions i ON i.id = s.institution_id
      WHERE p.id = $1${lock === 'update' ? ' FOR UPDATE OF p' : lock === 'share' ? ' FOR SHARE OF p' : ''}`,
    [pollId, delegations],
  );
  if (!row) throw notFound(`poll ${pollId}`);
  const { present, institution, ...rest } = row;
  return { ctx: { ...rest, institution: await institutionRow(db, institution) }, present: new Set(present) };
}

/** A secret vote is recorded in the audit log as a commitment: sha256(poll, delegation, choice, salt). */
export function voteCommitment(pollId: number, delegation: string, choice: Choice, salt: string): string {
  return `sha256:${createHash('sha256').update(`${pollId}\n${delegation}\n${choice}\n${salt}`).digest('hex')}`;
}

export async function openPoll(tx: Queryable, actor: Actor, motionId: number, now: string): Promise<PollRow> {
  const motion = await getMotion(tx, motionId);
  const { session, institution } = await sessionWithInstitution(tx, motion.session_id, true);
  if (session.status !== 'open') throw conflict(`session ${session.id} is closed`);
  const [open] = await tx.query(
    `SELECT p.id FROM polls p JOIN motions m ON m.id = p.motion_id WHERE m.session_id = $1 AND p.status = 'open'`,
    [session.id],
  );
  if (open) throw conflict(`session ${session.id} already has an open poll`);
  const category = charterOf(institution)
    .bodies.find((b) => b.id === session.body_id)!
    .categories.find((c) => c.id === motion.category_id)!;
  const ballot = category.ballot ?? 'roll-call';
  const [row] = await tx.query<PollRow>(
    `INSERT INTO polls (motion_id, ballot, status, opened_at) VALUES ($1, $2, 'open', $3) RETURNING *`,
    [motion.id, ballot, now],
  );
  const poll = row!;
  const content = { poll: poll.id, motion: motion.id, ballot };
  await recordSessionChange(tx, {
    at: now,
    actor: actorName(actor),
    action: 'poll.open',
    sessionId: session.id,
    audit: content,
    event: 'poll.opened',
  });
  return poll;
}

export function memberOf(institution: InstitutionRow, delegation: string): string | undefined {
  const prefix = `${institution.id}:`;
  return delegation.startsWith(prefix) ? delegation.slice(prefix.length) : undefined;
}

/**
 * The ballots the engine evaluates: each delegation's vote; a delegation present but not voting abstains;
 * one not checked in is absent. Parties excluded by recusal are left out (the engine excludes them).
 */
export function ballotsFor(
  institution: InstitutionRow,
  players: string[],
  votes: Map<string, Choice>,
  present: Set<string>,
): Record<string, Vote> {
  const ballots: Record<string, Vote> = {};
  for (const member of players) {
    const d = delegationId(institution.id, member);
    ballots[member] = votes.get(d) ?? (present.has(d) ? 'abstain' : 'absent');
  }
  return ballots;
}

export async function votesOf(db: Queryable, pollId: number): Promise<Map<string, Choice>> {
  const rows = await db.query<{ delegation_id: string; choice: Choice }>(
    'SELECT delegation_id, choice FROM votes WHERE poll_id = $1',
    [pollId],
  );
  return new Map(rows.map((r) => [r.delegation_id, r.choice]));
}

export function decide(ctx: Omit<PollContext, 'poll'>, ballots: Record<string, Vote>): Decision {
  return evaluate({
    charter: charterOf(ctx.institution),
    body: ctx.session.body_id,
    category: ctx.motion.category_id,
    ballots,
    date: ctx.institution.adopted_on,
    parties: ctx.motion.parties,
    unnamed: 'absent',
  });
}

/** Closes the poll and computes its result with the engine; the decision, explanation included, is stored. */
export async function closePoll(tx: Queryable, actor: Actor, pollId: number, now: string): Promise<PollRow> {
  const ctx = await pollContext(tx, pollId, 'update');
  if (ctx.poll.status !== 'open') throw conflict(`poll ${pollId} is already closed`);
  const game = gameOf(ctx.institution, ctx.session, ctx.motion);
  const votes = await votesOf(tx, pollId);
  const present = await presentDelegations(tx, ctx.session.id);
  const ballots = ballotsFor(
    ctx.institution,
    game.players.map((p) => p.id),
    votes,
    present,
  );
  const decision = decide(ctx, ballots);
  const [row] = await tx.query<PollRow>(
    `UPDATE polls SET status = 'closed', closed_at = $2, decision = $3, adopted = $4 WHERE id = $1 RETURNING *`,
    [pollId, now, JSON.stringify(decision), decision.adopted],
  );
  const poll = row!;
  const published = publicResult(poll, decision, withheldGroups(ctx.institution, votes));
  const content = {
    poll: pollId,
    adopted: decision.adopted,
    tally: decision.tally,
    result: sha256Json(decision),
  };
  await recordSessionChange(tx, {
    at: now,
    actor: actorName(actor),
    action: 'poll.close',
    sessionId: ctx.session.id,
    audit: content,
    event: 'poll.closed',
    data: { poll: pollId, result: published },
  });
  return poll;
}

function sha256Json(value: unknown): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(value)).digest('hex')}`;
}

/**
 * The result as readers see it. Roll call: the engine's whole decision. Secret ballot: the aggregate only —
 * adopted, tally, and each clause's totals against its threshold; no ballots, no member lists, no pivots.
 */
export function publicResult(
  poll: Pick<PollRow, 'ballot'>,
  decision: Decision,
  withheld: ReadonlySet<string> = new Set(),
) {
  if (poll.ballot === 'roll-call') return decision;
  // A group's clause and the clauses under it, for a group too small to publish (domain/disclosure.ts).
  let hiddenBelow: number | null = null;
  return {
    adopted: decision.adopted,
    tally: decision.tally,
    charter: decision.charter,
    body: decision.body,
    category: decision.category,
    date: decision.date,
    rule: decision.rule,
    recused: decision.recused,
    warnings: decision.warnings,
    manifest: decision.manifest,
    clauses: decision.clauses.map((c) => {
      if (hiddenBelow !== null && c.depth <= hiddenBelow) hiddenBelow = null;
      if (hiddenBelow === null && c.group !== undefined && withheld.has(c.group)) hiddenBelow = c.depth;
      if (hiddenBelow !== null) {
        return {
          op: c.op,
          depth: c.depth,
          ...(c.group !== undefined ? { group: c.group } : {}),
          suppressed: true,
        };
      }
      return publishedClause(c);
    }),
  };
}

function publishedClause(c: Decision['clauses'][number]) {
  return {
    op: c.op,
    depth: c.depth,
    met: c.met,
    ...(c.label ? { label: c.label } : {}),
    ...(c.cite ? { cite: c.cite } : {}),
    ...(c.weight !== undefined ? { weight: c.weight, side: c.side, base: c.base } : {}),
    ...(c.value !== undefined ? { value: c.value, baseTotal: c.baseTotal, threshold: c.threshold } : {}),
    ...(c.thresholdText ? { thresholdText: c.thresholdText } : {}),
    ...(c.group !== undefined ? { group: c.group } : {}),
  };
}
