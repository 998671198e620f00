import { caucusesOf, type Decision } from '@concert/engine';
import type { Queryable } from '../database/index.ts';
import { countsDisclosable, withheldGroups } from './disclosure.ts';
import { delegationId, engineInstitution, type InstitutionRow } from './institutions.ts';
import { gameOf } from './motions.ts';
import {
  ballotsFor,
  CHOICES,
  type Choice,
  decide,
  type PollContext,
  publicResult,
  votesOf,
} from './polls.ts';
import { presentDelegations } from './sessions.ts';

/** The institution's caucuses (the charter's groupings of members) on its adoption date, with delegations. */
export function caucusesOfInstitution(row: InstitutionRow) {
  return {
    institution: row.id,
    date: row.adopted_on,
    caucuses: caucusesOf(engineInstitution(row)).map((c) => ({
      by: c.by,
      name: c.name,
      members: c.members.map((m) => ({ delegation: delegationId(row.id, m), state: m })),
    })),
  };
}

/**
 * A poll caucus by caucus, with the secrecy of `describePoll`: a roll call shows each member's position, the
 * counts and whether the caucus's condition is met so far; a secret poll shows only who has voted while it
 * is open, and after it closes the counts and the condition as the published (aggregate) result states it.
 * Members are those taking part in the decision (parties excluded by recusal are left out).
 */
export async function pollCaucuses(db: Queryable, ctx: PollContext) {
  const { poll, institution } = ctx;
  const game = gameOf(institution, ctx.session, ctx.motion);
  const players = new Set(game.players.map((p) => p.id));
  const votes = await votesOf(db, poll.id);
  const secret = poll.ballot === 'secret';
  const closed = poll.status === 'closed';
  const conditions = await caucusConditions(
    db,
    ctx,
    game.players.map((p) => p.id),
    votes,
  );
  return {
    poll: poll.id,
    motion: ctx.motion.id,
    ballot: poll.ballot,
    status: poll.status,
    caucuses: caucusesOf(engineInstitution(institution)).map((c) => {
      const members = c.members.filter((m) => players.has(m));
      const choiceOf = (m: string) => votes.get(delegationId(institution.id, m)) ?? null;
      const voted = members.filter((m) => choiceOf(m) !== null);
      const counts = Object.fromEntries(CHOICES.map((k) => [k, 0])) as Record<Choice, number>;
      for (const m of voted) counts[choiceOf(m)!]++;
      return {
        by: c.by,
        name: c.name,
        members: members.length,
        voted: voted.map((m) => delegationId(institution.id, m)),
        notVoted: members.length - voted.length,
        counts: secret && (!closed || !countsDisclosable(counts)) ? null : counts,
        suppressed: secret && closed && !countsDisclosable(counts),
        conditionMet: conditions.get(c.name) ?? null,
        positions: secret
          ? null
          : members.map((m) => ({
              delegation: delegationId(institution.id, m),
              state: m,
              choice: choiceOf(m),
            })),
      };
    }),
  };
}

/**
 * Whether each caucus meets the inner rule of the motion's `groups` clause: from the stored result once the
 * poll is closed (for a secret poll its published aggregate), from the votes so far in an open roll call
 * (present non-voters abstaining, as in the standing's `current`); unknown (absent) in an open secret poll.
 */
async function caucusConditions(
  db: Queryable,
  ctx: PollContext,
  players: string[],
  votes: Map<string, Choice>,
): Promise<Map<string, boolean>> {
  let decision: Pick<Decision, 'clauses'> | null = null;
  if (ctx.poll.decision) {
    const withheld = withheldGroups(ctx.institution, votes);
    decision = publicResult(ctx.poll, ctx.poll.decision, withheld) as Pick<Decision, 'clauses'>;
  } else if (ctx.poll.ballot === 'roll-call') {
    const present = await presentDelegations(db, ctx.session.id);
    decision = decide(ctx, ballotsFor(ctx.institution, players, votes, present));
  }
  const met = new Map<string, boolean>();
  if (!decision) return met;
  decision.clauses.forEach((clause, i) => {
    if (clause.op !== 'groups') return;
    for (const child of decision.clauses.slice(i + 1)) {
      if (child.depth <= clause.depth) break;
      if (child.depth === clause.depth + 1 && child.group !== undefined) met.set(child.group, child.met);
    }
  });
  return met;
}
