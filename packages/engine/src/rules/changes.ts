import { minimumIntegerAmount } from './bound.ts';
import type { CompiledRule } from './compile.ts';
import { passes } from './evaluate.ts';
import type { Vote } from './types.ts';

/** A member whose single change of vote would change the outcome. */
export interface Pivot {
  id: string;
  from: Vote;
  /** The votes that would flip the outcome. */
  to: Vote[];
}

/** Members whose switch alone would change the outcome, and to what. */
export function pivotalMembers(
  rule: CompiledRule,
  votes: Vote[],
  ids: string[],
  eligible: boolean[],
): Pivot[] {
  const outcome = passes(rule, votes);
  const pivots: Pivot[] = [];
  const trial = votes.slice();
  for (let i = 0; i < votes.length; i++) {
    if (!eligible[i]) continue;
    const from = votes[i]!;
    const to: Vote[] = [];
    for (const v of ['yes', 'no', 'abstain', 'absent'] as const) {
      if (v === from) continue;
      trial[i] = v;
      if (passes(rule, trial) !== outcome) to.push(v);
    }
    trial[i] = from;
    if (to.length > 0) pivots.push({ id: ids[i]!, from, to });
  }
  return pivots;
}

export interface SmallestChanges {
  /** Fewest members who would have to switch to yes for the motion to pass; null if none can make it pass. */
  size: number | null;
  /** Some sets of that size (up to the limit asked for), each a list of member ids. */
  sets: string[][];
  /** True when the search proved no smaller set exists; false when it stopped at its budget. */
  proven: boolean;
}

/**
 * The smallest groups of members who, by switching to yes, would make a failed motion pass. A lower bound
 * from the rule's quotas and a greedy upper bound frame an exhaustive search, so the answer is usually proven.
 */
export function smallestChanges(
  rule: CompiledRule,
  votes: Vote[],
  ids: string[],
  eligible: boolean[],
  options: { maxSets?: number; budget?: number } = {},
): SmallestChanges {
  const maxSets = options.maxSets ?? 5;
  let budget = options.budget ?? 400_000;
  if (passes(rule, votes)) return { size: 0, sets: [[]], proven: true };
  const candidates = orderCandidates(rule, votes, eligible);
  const all = votes.slice();
  for (const i of candidates) all[i] = 'yes';
  if (!passes(rule, all)) {
    // Switching more members to yes can still fail in non-monotone rules; say so honestly.
    return { size: null, sets: [], proven: isMonotone(rule) };
  }
  const greedy = greedySet(rule, votes, candidates);
  const lower = Math.max(1, lowerBound(rule, votes, candidates));
  const trial = votes.slice();
  const found: number[][] = [];
  let size = greedy.length;
  let budgetHit = false;
  for (let k = lower; k <= greedy.length && found.length === 0 && !budgetHit; k++) {
    combinations(candidates, k, (combo) => {
      if (budget-- <= 0) {
        budgetHit = true;
        return 'stop';
      }
      for (const i of combo) trial[i] = 'yes';
      const ok = passes(rule, trial);
      for (const i of combo) trial[i] = votes[i]!;
      if (ok) found.push(combo.slice());
      return found.length >= maxSets ? 'stop' : 'go';
    });
    if (found.length > 0) size = k;
  }
  // Found sets below the greedy size are minimal only if every smaller size was searched in full.
  let proven = !budgetHit || (found.length > 0 && size === lower);
  if (found.length === 0) {
    found.push(greedy);
    proven = !budgetHit || lower === greedy.length;
  }
  return { size, sets: found.map((set) => set.map((i) => ids[i]!).sort()), proven };
}

/** Candidates ordered by how much weight they would add, heaviest first (a good greedy and search order). */
function orderCandidates(rule: CompiledRule, votes: Vote[], eligible: boolean[]): number[] {
  const weightSets: number[][] = [];
  collectQuotaWeights(rule, weightSets);
  const score = (i: number) =>
    weightSets.reduce((s, w) => {
      const total = w.reduce((a, b) => a + b, 0) || 1;
      return s + (w[i] ?? 0) / total;
    }, 0);
  return votes
    .map((_, i) => i)
    .filter((i) => eligible[i] && votes[i] !== 'yes')
    .sort((a, b) => score(b) - score(a) || a - b);
}

function collectQuotaWeights(rule: CompiledRule, out: number[][]): void {
  if (rule.op === 'quota' || rule.op === 'quorum') out.push(rule.weights);
  else if (rule.op === 'all' || rule.op === 'any') for (const c of rule.children) collectQuotaWeights(c, out);
  else if (rule.op === 'not' || rule.op === 'groups') collectQuotaWeights(rule.child, out);
}

function greedySet(rule: CompiledRule, votes: Vote[], candidates: number[]): number[] {
  const trial = votes.slice();
  const chosen: number[] = [];
  for (const i of candidates) {
    trial[i] = 'yes';
    chosen.push(i);
    if (passes(rule, trial)) break;
  }
  // Drop members the set does not need, lightest first.
  for (let j = chosen.length - 1; j >= 0; j--) {
    const i = chosen[j]!;
    trial[i] = votes[i]!;
    if (passes(rule, trial)) chosen.splice(j, 1);
    else trial[i] = 'yes';
  }
  return chosen;
}

/** A valid lower bound on the number of switches: exact for one quota over all members, 0 where unknown. */
function lowerBound(rule: CompiledRule, votes: Vote[], candidates: number[]): number {
  switch (rule.op) {
    case 'all':
      return Math.max(0, ...rule.children.map((c) => lowerBound(c, votes, candidates)));
    case 'any':
      return Math.min(...rule.children.map((c) => lowerBound(c, votes, candidates)));
    case 'unanimous':
      return votes.filter((v, i) => (!rule.mask || rule.mask[i]) && v !== 'yes').length;
    case 'consensus':
      return votes.filter((v, i) => (!rule.mask || rule.mask[i]) && v === 'no').length;
    case 'quota': {
      if (rule.side !== 'yes' || rule.base !== 'members') return 0;
      let total = 0;
      let have = 0;
      for (let i = 0; i < votes.length; i++) {
        if (rule.mask && !rule.mask[i]) continue;
        total += rule.weights[i]!;
        if (votes[i] === 'yes') have += rule.weights[i]!;
      }
      const need = minimumIntegerAmount(rule.bound, total, rule.strict) - have;
      if (need <= 0) return 0;
      const gains = candidates
        .filter((i) => !rule.mask || rule.mask[i])
        .map((i) => rule.weights[i]!)
        .sort((a, b) => b - a);
      let sum = 0;
      for (let k = 0; k < gains.length; k++) {
        sum += gains[k]!;
        if (sum >= need) return k + 1;
      }
      return gains.length + 1;
    }
    case 'not':
      return notLowerBound(rule.child, votes, candidates);
    default:
      return 0;
  }
}

/** For `not: quota(side not_yes|no)` (a blocking minority): enough members must switch to yes to shrink it below the bound. */
function notLowerBound(child: CompiledRule, votes: Vote[], candidates: number[]): number {
  if (child.op !== 'quota' || child.base !== 'members' || (child.side !== 'not_yes' && child.side !== 'no'))
    return 0;
  let total = 0;
  let against = 0;
  for (let i = 0; i < votes.length; i++) {
    if (child.mask && !child.mask[i]) continue;
    total += child.weights[i]!;
    if (child.side === 'no' ? votes[i] === 'no' : votes[i] !== 'yes') against += child.weights[i]!;
  }
  const excess = against - minimumIntegerAmount(child.bound, total, child.strict) + 1;
  if (excess <= 0) return 0;
  const gains = candidates
    .filter((i) => (!child.mask || child.mask[i]) && (child.side === 'no' ? votes[i] === 'no' : true))
    .map((i) => child.weights[i]!)
    .sort((a, b) => b - a);
  let sum = 0;
  for (let k = 0; k < gains.length; k++) {
    sum += gains[k]!;
    if (sum >= excess) return k + 1;
  }
  return gains.length + 1;
}

type Visit = (combo: number[]) => 'go' | 'stop';

/** Visits k-subsets of `items` in lexicographic order of positions; stops when the visitor says so. */
function combinations(items: number[], k: number, visit: Visit): 'done' | 'stopped' {
  const n = items.length;
  if (k > n) return 'done';
  const idx = Array.from({ length: k }, (_, i) => i);
  const combo = idx.map((i) => items[i]!);
  while (true) {
    if (visit(combo) === 'stop') return 'stopped';
    let j = k - 1;
    while (j >= 0 && idx[j] === n - k + j) j--;
    if (j < 0) return 'done';
    idx[j]!++;
    for (let m = j + 1; m < k; m++) idx[m] = idx[m - 1]! + 1;
    for (let m = j; m < k; m++) combo[m] = items[idx[m]!]!;
  }
}

/** Whether the rule can only become easier to pass as members switch from no to yes (a simple game). */
export function isMonotone(rule: CompiledRule): boolean {
  const d = direction(rule);
  return d === 'up' || d === 'flat';
}

type Direction = 'up' | 'down' | 'flat' | 'mixed';

/** How a clause responds to members switching from no to yes, all present. */
function direction(rule: CompiledRule): Direction {
  switch (rule.op) {
    case 'quota':
      // A yes-share grows when a member switches to yes, whatever the base (yes and base grow together).
      if (rule.side === 'yes') return 'up';
      if (rule.side === 'no' || rule.side === 'not_yes') return 'down';
      return 'flat';
    case 'quorum':
    case 'unanimous':
    case 'consensus':
      return rule.op === 'quorum' ? 'flat' : 'up';
    case 'all':
    case 'any':
      return rule.children.map(direction).reduce(combine, 'flat');
    case 'not': {
      const d = direction(rule.child);
      return d === 'up' ? 'down' : d === 'down' ? 'up' : d;
    }
    case 'groups':
      return direction(rule.child) === 'up' || direction(rule.child) === 'flat'
        ? direction(rule.child)
        : 'mixed';
  }
}

function combine(a: Direction, b: Direction): Direction {
  if (a === 'flat') return b;
  if (b === 'flat' || a === b) return a;
  return 'mixed';
}
