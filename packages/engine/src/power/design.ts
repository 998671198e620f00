import { compileRule } from '../rules/compile.ts';
import type { Player } from '../rules/players.ts';
import type { Rule } from '../rules/types.ts';
import { analysePower } from './analyse.ts';
import { type Control, checkStop } from './counts.ts';
import { dominationReport } from './domination.ts';
import { powerGameFromPlayers } from './game.ts';

export interface DesignInput {
  ids: string[];
  population: number[];
  /** Exponents α for weights ∝ population^α (0: one state one vote; ½: Penrose; 1: population). */
  alphas: number[];
  /** Weight quotas to try, in percent of the total weight. */
  quotas: number[];
  /** Member-count quotas to add, in percent of members; null: none. */
  countQuotas: (number | null)[];
  goals: { noSingleBlocker?: boolean; noPairPasses?: boolean; minPassProbability?: number };
  /** Total weight the weights are scaled to (integers); default 100,000. */
  resolution?: number;
  /** Memory budget of each candidate's analysis (as `analysePower`'s `maxBytes`); default the engine's. */
  maxBytes?: number;
}

export interface DesignCandidate {
  alpha: number;
  quota: number;
  countQuota: number | null;
  rule: Rule;
  meetsGoals: boolean;
  failures: string[];
  /** Root-mean-square distance of normalised Banzhaf power from the square-root ideal. */
  distanceToIdeal: number;
  passProbability: number;
  blockAlone: string[];
  passAlonePairs: boolean;
  smallestBlocking: number | null;
  largest: { id: string; banzhaf: number; ratioToIdeal: number };
  pareto: boolean;
}

export interface DesignResult {
  candidates: DesignCandidate[];
  /** Candidates meeting every goal that no other such candidate beats on both distance and passage. */
  pareto: DesignCandidate[];
  /** The feasible candidate closest to the square-root ideal. */
  closest: DesignCandidate | null;
  /** Słomczyński–Życzkowski's approximation of the optimal quota for square-root weights, ½(1 + √Σw²/Σw). */
  jagiellonianQuota: number;
}

/**
 * Searches weighted rules "weight ≥ q% (and members ≥ c%)" with weights ∝ population^α for ones that meet the
 * goals, and reports the Pareto set between closeness to the square-root ideal and the chance that a motion
 * passes. Each candidate is analysed exactly; its weights are integers, so the rule it reports is the rule
 * that was analysed.
 */
export function designSearch(input: DesignInput, control?: Control): DesignResult {
  const grid = input.alphas.flatMap((alpha) =>
    input.countQuotas.flatMap((c) => input.quotas.map((q) => ({ alpha, q, c }))),
  );
  const ideal = dominationReport(
    input.ids,
    input.ids.map(() => 0),
    input.population,
  );
  const candidates: DesignCandidate[] = [];
  const weightsByAlpha = new Map(
    input.alphas.map((a) => [a, scaledWeights(input.population, a, input.resolution ?? 100_000)]),
  );
  grid.forEach(({ alpha, q, c }, step) => {
    checkStop(control);
    candidates.push(
      evaluateCandidate(
        input,
        weightsByAlpha.get(alpha)!,
        alpha,
        q,
        c,
        ideal.members.map((m) => m.squareRootIdeal),
      ),
    );
    control?.onProgress?.((step + 1) / grid.length, 'design search');
  });
  const feasible = candidates.filter((x) => x.meetsGoals);
  for (const x of feasible) {
    x.pareto = !feasible.some(
      (y) =>
        y !== x &&
        y.distanceToIdeal <= x.distanceToIdeal &&
        y.passProbability >= x.passProbability &&
        (y.distanceToIdeal < x.distanceToIdeal || y.passProbability > x.passProbability),
    );
  }
  const roots = input.population.map((p) => Math.sqrt(p));
  const sum = roots.reduce((a, b) => a + b, 0);
  const sq = Math.sqrt(roots.reduce((a, b) => a + b * b, 0));
  return {
    candidates,
    pareto: feasible.filter((x) => x.pareto).sort((a, b) => a.distanceToIdeal - b.distanceToIdeal),
    closest: feasible.reduce<DesignCandidate | null>(
      (best, x) => (!best || x.distanceToIdeal < best.distanceToIdeal ? x : best),
      null,
    ),
    jagiellonianQuota: 0.5 * (1 + sq / sum),
  };
}

/** Integer weights ∝ population^α, scaled so they sum to about `resolution` (never below 1 for α > 0). */
export function scaledWeights(population: number[], alpha: number, resolution: number): number[] {
  const raw = population.map((p) => p ** alpha);
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => Math.max(1, Math.round((r / total) * resolution)));
}

function evaluateCandidate(
  input: DesignInput,
  weights: number[],
  alpha: number,
  q: number,
  c: number | null,
  ideal: number[],
): DesignCandidate {
  const players: Player[] = input.ids.map((id, i) => ({
    id,
    attributes: { weight: weights[i]!, population: input.population[i]! },
  }));
  const clauses: Rule[] = [
    { quota: { weight: 'weight', at_least: `${q}%` }, label: `weight (population^${alpha})` },
  ];
  if (c !== null) clauses.push({ quota: { weight: 'count', at_least: `${c}%` }, label: 'members' });
  const rule: Rule = clauses.length === 1 ? clauses[0]! : { all: clauses };
  const game = powerGameFromPlayers(players, compileRule(rule, players), 'design candidate');
  const r = analysePower(game, {
    indices: ['banzhaf'],
    minimalWinning: false,
    listLimit: 1,
    ...(input.maxBytes !== undefined ? { maxBytes: input.maxBytes } : {}),
  });
  const banzhaf = r.players.map((p) => p.banzhaf);
  const distance = Math.sqrt(banzhaf.reduce((s, b, i) => s + (b - ideal[i]!) ** 2, 0) / banzhaf.length);
  const passAlonePairs = pairCanPass(weights, q, c, input.ids.length);
  const failures: string[] = [];
  if (input.goals.noSingleBlocker && r.blocking.blockAlone.length)
    failures.push(`${r.blocking.blockAlone.join(', ')} can block alone`);
  if (input.goals.noPairPasses && passAlonePairs) failures.push('two members can pass a motion alone');
  const minPass = input.goals.minPassProbability;
  if (minPass !== undefined && r.passProbability < minPass)
    failures.push(
      `passage probability ${(r.passProbability * 100).toFixed(2)}% < ${(minPass * 100).toFixed(2)}%`,
    );
  const top = r.players.reduce(
    (best, p, i) => (p.banzhaf > best.banzhaf ? { id: p.id, banzhaf: p.banzhaf, i } : best),
    { id: '', banzhaf: -1, i: 0 },
  );
  return {
    alpha,
    quota: q,
    countQuota: c,
    rule,
    meetsGoals: failures.length === 0,
    failures,
    distanceToIdeal: distance,
    passProbability: r.passProbability,
    blockAlone: r.blocking.blockAlone,
    passAlonePairs,
    smallestBlocking: r.blocking.smallestBlocking.size,
    largest: { id: top.id, banzhaf: top.banzhaf, ratioToIdeal: top.banzhaf / ideal[top.i]! },
    pareto: false,
  };
}

/** Whether the two heaviest members together meet the quotas (then some pair passes alone). */
function pairCanPass(weights: number[], q: number, c: number | null, n: number): boolean {
  const total = weights.reduce((a, b) => a + b, 0);
  const [a = 0, b = 0] = [...weights].sort((x, y) => y - x);
  return (a + b) * 100 >= q * total && (c === null || 2 * 100 >= c * n);
}
