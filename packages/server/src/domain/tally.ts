import { type ClauseResult, passes, trace, type Vote } from '@concert/engine';
import type { InstitutionRow } from './institutions.ts';
import { gameOf, type MotionRow } from './motions.ts';
import type { SessionRow } from './sessions.ts';

export interface Tally {
  adopted: boolean;
  clauses: (ClauseResult & { depth: number })[];
}

/**
 * The rule's clauses on a ballot, as the engine's `evaluate` traces them, without its pivotal members and
 * smallest changes to pass. The standing is recomputed on every vote for everyone watching, and those searches
 * take seconds on a 48-member body with regional groups; the stored result at the close still has them.
 * Members not in `ballots` are absent, as in `decide`.
 */
export function tallyOn(
  ctx: {
    institution: InstitutionRow;
    session: SessionRow;
    motion: Pick<MotionRow, 'category_id' | 'parties'>;
  },
  ballots: Record<string, Vote>,
): Tally {
  const game = gameOf(ctx.institution, ctx.session, ctx.motion);
  const votes = game.players.map(
    (p): Vote => (game.mustAbstain.includes(p.id) ? 'abstain' : (ballots[p.id] ?? 'absent')),
  );
  const tree = trace(
    game.rule,
    votes,
    game.players.map((p) => p.id),
  );
  return { adopted: passes(game.rule, votes), clauses: flatten(tree, 0) };
}

function flatten(node: ClauseResult, depth: number): (ClauseResult & { depth: number })[] {
  const { children, ...rest } = node;
  return [{ ...rest, depth }, ...(children ?? []).flatMap((c) => flatten(c, depth + 1))];
}
