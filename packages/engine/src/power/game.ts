import { minimumIntegerAmount } from '../rules/bound.ts';
import type { CompiledRule } from '../rules/compile.ts';
import { compileRule } from '../rules/compile.ts';
import type { Player } from '../rules/players.ts';
import type { Rule } from '../rules/types.ts';

/**
 * A simple game: players who vote yes or no (everyone present), and a rule saying which yes-sets win. Voting
 * power is a property of this game. Abstention and absence are outside it, as in the voting-power literature.
 */
export interface PowerGame {
  ids: string[];
  names: (string | undefined)[];
  players: Player[];
  rule: CompiledRule;
  /** Population per player when known (for the domination report), else undefined. */
  population?: number[];
  /** Where the game came from, for the report. */
  label: string;
}

/**
 * Threshold form: a coalition of k members with total weight w wins iff w ≥ minWeight[k]. Every rule built
 * from a member count and one weight (EU QMV, weighted votes, consensus, quotas of states) has this form, and
 * it admits exact generating-function methods.
 */
export interface ThresholdForm {
  weights: number[];
  /** minWeight[k] for k = 0..n; Infinity: no coalition of k members wins; 0: every one does. */
  minWeight: number[];
  total: number;
  /** The weight's name ("count" when the rule counts members only). */
  weightName: string;
}

export function powerGameFromPlayers(players: Player[], rule: CompiledRule, label: string): PowerGame {
  const pop = players.map((p) => p.attributes.population);
  const game: PowerGame = {
    ids: players.map((p) => p.id),
    names: players.map((p) => p.name),
    players,
    rule,
    label,
  };
  if (pop.every((x) => typeof x === 'number')) game.population = pop as number[];
  return game;
}

/** A one-weight game: weights and a quota (a number, "65%" or "2/3" of the total weight). */
export function powerGameFromWeights(weights: number[], quota: number | string, ids?: string[]): PowerGame {
  const players: Player[] = weights.map((w, i) => ({
    id: ids?.[i] ?? `P${i + 1}`,
    attributes: { weight: w },
  }));
  const rule: Rule = { quota: { weight: 'weight', at_least: quota } };
  return powerGameFromPlayers(
    players,
    compileRule(rule, players),
    `weighted game [${quota}; ${weights.length} players]`,
  );
}

/** The threshold form of a rule, or null when the rule needs more than a member count and one weight. */
export function thresholdForm(rule: CompiledRule, n: number): ThresholdForm | null {
  const weightRef: { weights: number[] | null; name: string } = { weights: null, name: 'count' };
  const t = up(rule, n, weightRef);
  if (!t) return null;
  const weights = weightRef.weights ?? new Array<number>(n).fill(0);
  const total = weights.reduce((a, b) => a + b, 0);
  return { weights, minWeight: t.map((x) => (x <= 0 ? 0 : x)), total, weightName: weightRef.name };
}

type Thresholds = number[];
type WeightRef = { weights: number[] | null; name: string };

/** Per-size minimum weight for a clause that gets easier as members join; null when not expressible. */
function up(rule: CompiledRule, n: number, ref: WeightRef): Thresholds | null {
  switch (rule.op) {
    case 'quota':
    case 'quorum': {
      if (rule.mask?.some((m) => !m)) return null;
      if (rule.op === 'quorum' || rule.side === 'present') return constant(n, presentMeets(rule));
      if (rule.side === 'abstain') return constant(n, absentSideMeets(rule));
      if (rule.side !== 'yes') return null;
      return leafThresholds(rule, n, ref, (need, total) => ({ count: need, weight: need, total }));
    }
    case 'unanimous':
    case 'consensus':
      // With everyone present and voting yes or no, consensus (no objection) is unanimity.
      if (rule.mask?.some((m) => !m)) return null;
      return sizes(n, (k) => (k >= n ? 0 : Number.POSITIVE_INFINITY));
    case 'all':
      return combine(
        rule.children.map((c) => up(c, n, ref)),
        Math.max,
      );
    case 'any':
      return combine(
        rule.children.map((c) => up(c, n, ref)),
        Math.min,
      );
    case 'not':
      return notOf(rule.child, n, ref);
    case 'groups':
      return null;
  }
}

/** Thresholds for `not: clause`, where the clause gets harder as members join (a blocking minority). */
function notOf(rule: CompiledRule, n: number, ref: WeightRef): Thresholds | null {
  switch (rule.op) {
    case 'quota': {
      if (rule.mask?.some((m) => !m)) return null;
      if (rule.side === 'present') return constant(n, !presentMeets(rule));
      if (rule.side === 'abstain') return constant(n, !absentSideMeets(rule));
      if (rule.side !== 'no' && rule.side !== 'not_yes') return null;
      // Those not voting yes reach b ⇔ yes-side ≤ total − b; so "not" means yes-side ≥ total − b + 1.
      return leafThresholds(rule, n, ref, (need, total) => ({
        count: total - need + 1,
        weight: total - need + 1,
        total,
      }));
    }
    case 'quorum':
      return constant(n, !presentMeets(rule));
    case 'all':
      return combine(
        rule.children.map((c) => notOf(c, n, ref)),
        Math.min,
      );
    case 'any':
      return combine(
        rule.children.map((c) => notOf(c, n, ref)),
        Math.max,
      );
    case 'not':
      return up(rule.child, n, ref);
    default:
      return null;
  }
}

function leafThresholds(
  rule: Extract<CompiledRule, { op: 'quota' | 'quorum' }>,
  n: number,
  ref: WeightRef,
  map: (need: number, total: number) => { count: number; weight: number; total: number },
): Thresholds | null {
  const total = rule.weights.reduce((a, b) => a + b, 0);
  // Everyone is present and votes, so the base (members, present or voting) is the whole membership.
  const need = minimumIntegerAmount(rule.bound, total, rule.strict);
  const bound = map(need, total);
  if (rule.weightName === 'count') return sizes(n, (k) => (k >= bound.count ? 0 : Number.POSITIVE_INFINITY));
  if (ref.weights && !sameWeights(ref.weights, rule.weights)) return null;
  ref.weights = rule.weights;
  ref.name = rule.weightName;
  return sizes(n, () => Math.max(0, bound.weight));
}

function presentMeets(rule: Extract<CompiledRule, { op: 'quota' | 'quorum' }>): boolean {
  const total = rule.weights.reduce((a, b) => a + b, 0);
  return total >= minimumIntegerAmount(rule.bound, total, rule.strict);
}

function absentSideMeets(rule: Extract<CompiledRule, { op: 'quota' | 'quorum' }>): boolean {
  const total = rule.weights.reduce((a, b) => a + b, 0);
  return 0 >= minimumIntegerAmount(rule.bound, total, rule.strict);
}

function constant(n: number, holds: boolean): Thresholds {
  return sizes(n, () => (holds ? 0 : Number.POSITIVE_INFINITY));
}

function sizes(n: number, f: (k: number) => number): Thresholds {
  return Array.from({ length: n + 1 }, (_, k) => f(k));
}

function combine(parts: (Thresholds | null)[], op: (a: number, b: number) => number): Thresholds | null {
  if (parts.some((p) => p === null)) return null;
  const list = parts as Thresholds[];
  return list[0]!.map((first, k) => list.reduce((acc, p) => op(acc, p[k]!), first));
}

function sameWeights(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether a coalition (given by its size and weight) wins in threshold form. */
export function winsThreshold(form: ThresholdForm, size: number, weight: number): boolean {
  return weight >= form.minWeight[size]!;
}
