import { CharterError } from '../charter/errors.ts';
import { type DecisionGame, decisionGame, institutionOn } from '../charter/institution.ts';
import type { Charter } from '../charter/schema.ts';
import { type Manifest, manifestFor } from '../manifest/index.ts';
import {
  type ClauseResult,
  type CompiledRule,
  isMonotone,
  type Pivot,
  type Player,
  passes,
  pivotalMembers,
  type SmallestChanges,
  smallestChanges,
  trace,
  type Vote,
} from '../rules/index.ts';
import { world } from '../world/index.ts';

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

export interface Decision extends Explanation {
  charter: string;
  body: string;
  category: string;
  date: string;
  rule: { cite: string; description?: string };
  recused: string[];
  mustAbstain: string[];
  populationSeries: string;
  /** Caveats a reader must see next to the result (e.g. population figures that are only approximate). */
  warnings: string[];
  manifest: Manifest;
}

/** Evaluates a ballot under a charter's rule and explains the result clause by clause. */
export function evaluate(input: EvaluateInput): Decision {
  const date = input.date ?? input.charter.reference_date;
  const institution = institutionOn(input.charter, date, withSeries(input.populationSeries));
  const game = decisionGame(institution, input.body, input.category, { parties: input.parties ?? [] });
  const votes = ballotVector(game, input.ballots, input.unnamed ?? 'no');
  const eligible = game.players.map((p) => !game.mustAbstain.includes(p.id));
  const explained = explain(game.rule, game.players, votes, eligible);
  return {
    ...explained,
    charter: input.charter.id,
    body: game.body.id,
    category: game.category.id,
    date,
    rule: {
      cite: game.category.cite,
      ...(game.category.description ? { description: game.category.description } : {}),
    },
    recused: game.recused,
    mustAbstain: game.mustAbstain,
    populationSeries: institution.populationSeries,
    warnings: seriesWarnings(game.rule, institution.populationSeries, date),
    manifest: manifestFor(input.charter, date, institution.populationSeries),
  };
}

/** The part of a decision that depends only on the rule, the players and the votes. */
export interface Explanation {
  adopted: boolean;
  clauses: (ClauseResult & { depth: number })[];
  tree: ClauseResult;
  ballots: { id: string; name?: string; vote: Vote }[];
  tally: Record<Vote, number>;
  pivotal: Pivot[];
  toPass?: SmallestChanges;
  monotone: boolean;
}

export function explain(
  rule: CompiledRule,
  players: Player[],
  votes: Vote[],
  eligible: boolean[],
): Explanation {
  const ids = players.map((p) => p.id);
  const tree = trace(rule, votes, ids);
  const adopted = passes(rule, votes);
  const result: Explanation = {
    adopted,
    clauses: flatten(tree, 0),
    tree,
    ballots: players.map((p, i) => ({ id: p.id, ...(p.name ? { name: p.name } : {}), vote: votes[i]! })),
    tally: tally(votes),
    pivotal: pivotalMembers(rule, votes, ids, eligible),
    monotone: isMonotone(rule),
  };
  if (!adopted) result.toPass = smallestChanges(rule, votes, ids, eligible);
  return result;
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

/** A rule weighted by population inherits the confidence of the population figures it was given. */
function seriesWarnings(rule: CompiledRule, seriesId: string, date: string): string[] {
  if (!usesWeight(rule, 'population')) return [];
  const series = world.populations.find((s) => s.id === seriesId);
  if (!series) return [];
  const warnings: string[] = [];
  const gap = Math.abs(Number(date.slice(0, 4)) - series.year);
  if (gap > 2) {
    warnings.push(
      `population figures are for ${series.year}, ${gap} years from the evaluation date ${date}; Concert has no series for that year`,
    );
  }
  if (series.confidence === undefined || series.confidence === 'verified') return warnings;
  return [
    ...warnings,
    `population series "${seriesId}" is ${series.confidence} (${series.note ?? 'see docs/data.md'}); results near a population threshold may differ with exact figures — compare with --population wb-wdi-2024`,
  ];
}

function usesWeight(rule: CompiledRule, weight: string): boolean {
  switch (rule.op) {
    case 'quota':
    case 'quorum':
      return rule.weightName === weight;
    case 'all':
    case 'any':
      return rule.children.some((c) => usesWeight(c, weight));
    case 'not':
    case 'groups':
      return usesWeight(rule.child, weight);
    default:
      return false;
  }
}

function withSeries(series: string | undefined): { populationSeries?: string } {
  return series ? { populationSeries: series } : {};
}
