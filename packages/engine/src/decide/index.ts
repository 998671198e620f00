import { CharterError } from '../charter/errors.ts';
import { type DecisionGame, decisionGame, institutionOn } from '../charter/institution.ts';
import type { Charter } from '../charter/schema.ts';
import { type Manifest, manifestFor } from '../manifest/index.ts';
import {
  type ClauseResult,
  isMonotone,
  type Pivot,
  passes,
  pivotalMembers,
  type SmallestChanges,
  smallestChanges,
  trace,
  type Vote,
} from '../rules/index.ts';

export type Ballots = Record<string, Vote>;

export interface EvaluateInput {
  charter: Charter;
  body: string;
  category: string;
  ballots: Ballots;
  date?: string;
  /** Members who are parties to the matter (recusal applies as the category says). */
  parties?: string[];
  /** Members not named in `ballots`: 'no' (default) or 'absent'. */
  unnamed?: 'no' | 'absent';
  populationSeries?: string;
}

export interface Decision {
  adopted: boolean;
  charter: string;
  body: string;
  category: string;
  date: string;
  rule: { cite: string; description?: string };
  /** Every clause, flattened in order, with depth for display. */
  clauses: (ClauseResult & { depth: number })[];
  /** The clause tree. */
  tree: ClauseResult;
  ballots: { id: string; name?: string; vote: Vote }[];
  tally: Record<Vote, number>;
  recused: string[];
  mustAbstain: string[];
  /** Members whose single switch would have changed the outcome. */
  pivotal: Pivot[];
  /** When the motion failed: the fewest members who, switching to yes, would have passed it. */
  toPass?: SmallestChanges;
  monotone: boolean;
  populationSeries: string;
  manifest: Manifest;
}

/** Evaluates a ballot under a charter's rule and explains the result clause by clause. */
export function evaluate(input: EvaluateInput): Decision {
  const date = input.date ?? input.charter.reference_date;
  const institution = institutionOn(input.charter, date, withSeries(input.populationSeries));
  const game = decisionGame(institution, input.body, input.category, { parties: input.parties ?? [] });
  const votes = ballotVector(game, input.ballots, input.unnamed ?? 'no');
  const ids = game.players.map((p) => p.id);
  const tree = trace(game.rule, votes, ids);
  const adopted = passes(game.rule, votes);
  const eligible = game.players.map((p) => !game.mustAbstain.includes(p.id));
  const decision: Decision = {
    adopted,
    charter: input.charter.id,
    body: game.body.id,
    category: game.category.id,
    date,
    rule: { cite: game.category.cite, ...(game.category.description ? { description: game.category.description } : {}) },
    clauses: flatten(tree, 0),
    tree,
    ballots: game.players.map((p, i) => ({ id: p.id, ...(p.name ? { name: p.name } : {}), vote: votes[i]! })),
    tally: tally(votes),
    recused: game.recused,
    mustAbstain: game.mustAbstain,
    pivotal: pivotalMembers(game.rule, votes, ids, eligible),
    monotone: isMonotone(game.rule),
    populationSeries: institution.populationSeries,
    manifest: manifestFor(input.charter, date, institution.populationSeries),
  };
  if (!adopted) decision.toPass = smallestChanges(game.rule, votes, ids, eligible);
  return decision;
}

function ballotVector(game: DecisionGame, ballots: Ballots, unnamed: 'no' | 'absent'): Vote[] {
  const known = new Set(game.players.map((p) => p.id));
  const everyone = new Set(game.institution.members.map((p) => p.id));
  for (const id of Object.keys(ballots)) {
    if (!known.has(id)) {
      const why = everyone.has(id)
        ? `${id} is a party to the matter and excluded from this decision`
        : `${id} is not a member of ${game.institution.charter.id} on ${game.institution.date}`;
      throw new CharterError(why, 'ballot', [id], `members: ${[...known].join(', ')}`);
    }
  }
  return game.players.map((p) => (game.mustAbstain.includes(p.id) ? 'abstain' : (ballots[p.id] ?? unnamed)));
}

function tally(votes: Vote[]): Record<Vote, number> {
  const t: Record<Vote, number> = { yes: 0, no: 0, abstain: 0, absent: 0 };
  for (const v of votes) t[v]++;
  return t;
}

function flatten(node: ClauseResult, depth: number): (ClauseResult & { depth: number })[] {
  const { children, ...rest } = node;
  return [{ ...rest, depth }, ...(children ?? []).flatMap((c) => flatten(c, depth + 1))];
}

function withSeries(series: string | undefined): { populationSeries?: string } {
  return series ? { populationSeries: series } : {};
}
