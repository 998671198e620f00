import type { Vote } from '@concert/engine';
import type { Queryable } from '../database/index.ts';
import { delegationId } from './institutions.ts';
import { gameOf, getMotion } from './motions.ts';
import { ballotsFor, type PollRow, votesOf } from './polls.ts';
import { presentDelegations, sessionWithInstitution } from './sessions.ts';
import { type Tally, tallyOn } from './tally.ts';

/**
 * Where a motion stands: who is present, who has not voted (never how, in a secret poll), and for each
 * criterion of the rule the weight counted, the threshold and the distance to it, computed by the engine.
 *
 * Scenarios: `presence` — every present delegation voting yes, the absent absent: what the room could carry
 * (and whether the quorum is met). For a roll-call poll also `current` — the votes cast, present non-voters
 * abstaining — and `ceiling` — the votes cast, present non-voters voting yes. A secret poll shows `presence`
 * only: any scenario built from its votes would disclose them.
 */
export async function standingOf(db: Queryable, motionId: number) {
  const motion = await getMotion(db, motionId);
  const { session, institution } = await sessionWithInstitution(db, motion.session_id);
  const ctx = { motion, session, institution };
  const game = gameOf(institution, session, motion);
  const players = game.players.map((p) => p.id);
  const present = await presentDelegations(db, session.id);
  const [poll] = await db.query<PollRow>(
    'SELECT * FROM polls WHERE motion_id = $1 ORDER BY id DESC LIMIT 1',
    [motion.id],
  );
  const votes = poll ? await votesOf(db, poll.id) : new Map();
  const isPresent = (m: string) => present.has(delegationId(institution.id, m));
  const voted = (m: string) => votes.has(delegationId(institution.id, m));
  const everyoneYes = Object.fromEntries(players.map((m) => [m, (isPresent(m) ? 'yes' : 'absent') as Vote]));
  const scenarios: Record<string, ReturnType<typeof criteria>> = {
    presence: criteria(tallyOn(ctx, everyoneYes)),
  };
  if (poll && poll.ballot === 'roll-call') {
    scenarios.current = criteria(tallyOn(ctx, ballotsFor(institution, players, votes, present)));
    const ceiling = ballotsFor(institution, players, votes, present);
    for (const m of players) if (isPresent(m) && !voted(m)) ceiling[m] = 'yes';
    scenarios.ceiling = criteria(tallyOn(ctx, ceiling));
  }
  return {
    motion: motion.id,
    poll: poll ? { id: poll.id, status: poll.status, ballot: poll.ballot } : null,
    eligible: players.length,
    present: players.filter(isPresent),
    absent: players.filter((m) => !isPresent(m)),
    voted: poll ? players.filter(voted) : [],
    notVoted: poll ? players.filter((m) => !voted(m)) : players,
    recused: game.recused,
    scenarios,
  };
}

/** Each counted clause: value, threshold, and `distance` = threshold − value (positive: short by that much). */
function criteria(decision: Tally) {
  return {
    adopted: decision.adopted,
    criteria: decision.clauses
      .filter((c) => c.value !== undefined && c.threshold !== undefined)
      .map((c) => ({
        ...(c.label ? { label: c.label } : {}),
        op: c.op,
        depth: c.depth,
        weight: c.weight,
        side: c.side,
        base: c.base,
        ...(c.group !== undefined ? { group: c.group } : {}),
        value: c.value!,
        baseTotal: c.baseTotal!,
        threshold: c.threshold!,
        thresholdText: c.thresholdText,
        met: c.met,
        distance: c.threshold! - c.value!,
      })),
  };
}
