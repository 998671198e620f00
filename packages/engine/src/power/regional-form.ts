import { minimumIntegerAmount } from '../rules/bound.ts';
import type { CompiledRule } from '../rules/compile.ts';

/** Above this total a criterion's weight is "big" (population); below, a small integer criterion (counts). */
const SMALL = 4096;
export const MAX_REGIONAL_HEAVY = 12;
export const MAX_REGIONAL_SIDE = 26;

/**
 * Regional form: a rule that is an `all` of quotas and at most one `groups` clause whose groups each need a
 * count of their members (the continental council: two-thirds of members, of population, of the large and of
 * the small states, and a majority in at least four of five regions). One quota weight may be big
 * (population); the others are small integer criteria. The few members who differ from the rest on a small
 * criterion are "heavy" and enumerated; the rest ("light") are alike on every small criterion, so given the
 * heavy yes-set only their number, their big weight and how many there are in each group matter. They are
 * split into two sides by whole groups for a meet in the middle.
 */
export interface RegionalForm {
  n: number;
  heavy: number[];
  /** Light members of each side (side A the larger), as preferred, and other splits worth costing. */
  sides: [number[], number[]];
  splits: [number[], number[]][];
  /** The big weight per player (zeros when the rule has none) and the amount of it a coalition needs. */
  big: Float64Array;
  bigNeed: number;
  /** Small criteria: each player's coefficient (the light members share one) and the amount needed. */
  small: { coef: Float64Array; perLight: number; need: number }[];
  /** Groups of the `groups` clause: members counted, and how many yes votes meet the group's own rule. */
  groups: { members: number[]; need: number }[];
  /** Counted group of each player (−1: none). */
  groupOf: Int32Array;
  /** How many groups may fail: the number of groups less the clause's at_least (Infinity: no clause). */
  allowedFails: number;
}

interface Parts {
  leaves: { coef: Float64Array; need: number }[];
  groups: RegionalForm['groups'] | null;
  atLeast: number;
}

/** The regional form of a rule, or null when the rule is not of that family. */
export function regionalForm(rule: CompiledRule, n: number): RegionalForm | null {
  const parts: Parts = { leaves: [], groups: null, atLeast: 0 };
  if (!collect(rule, n, parts)) return null;
  const totals = parts.leaves.map((l) => l.coef.reduce((a, b) => a + b, 0));
  const isBig = parts.leaves.map((l, j) => totals[j]! > SMALL || !l.coef.every(Number.isInteger));
  const bigLeaves = parts.leaves.filter((_, j) => isBig[j]);
  const first = bigLeaves[0];
  if (first && bigLeaves.some((l) => !l.coef.every((x, i) => x === first.coef[i]))) return null;
  const smallLeaves = parts.leaves.filter((_, j) => !isBig[j]);
  const signature = (i: number) => smallLeaves.map((l) => l.coef[i]).join(',');
  const classes = new Map<string, number[]>();
  for (let i = 0; i < n; i++) classes.set(signature(i), [...(classes.get(signature(i)) ?? []), i]);
  const light = [...classes.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const isLight = new Set(light);
  const heavy = Array.from({ length: n }, (_, i) => i).filter((i) => !isLight.has(i));
  if (heavy.length > MAX_REGIONAL_HEAVY || light.length < 2) return null;
  const groups = parts.groups ?? [];
  const groupOf = new Int32Array(n).fill(-1);
  groups.forEach((g, r) => {
    for (const i of g.members) groupOf[i] = r;
  });
  const big = first ? Float64Array.from(first.coef) : new Float64Array(n);
  const splits = splitSides(light, groupOf, big).filter((s) => s[0].length <= MAX_REGIONAL_SIDE);
  const sides = splits[0];
  if (!sides) return null;
  return {
    n,
    heavy,
    sides,
    splits,
    big,
    bigNeed: Math.max(0, ...bigLeaves.map((l) => l.need)),
    small: smallLeaves.map((l) => ({
      coef: l.coef,
      perLight: light[0] === undefined ? 0 : l.coef[light[0]]!,
      need: l.need,
    })),
    groups,
    groupOf,
    allowedFails: parts.groups ? groups.length - parts.atLeast : Number.POSITIVE_INFINITY,
  };
}

/** Flattens nested `all`s into linear leaves "Σ coef ≥ need" and at most one groups clause. */
function collect(rule: CompiledRule, n: number, parts: Parts): boolean {
  switch (rule.op) {
    case 'all':
      return rule.children.every((c) => collect(c, n, parts));
    case 'quota':
    case 'quorum': {
      const coef = Float64Array.from(rule.weights, (w, i) => (!rule.mask || rule.mask[i] ? w : 0));
      const total = coef.reduce((a, b) => a + b, 0);
      const need = minimumIntegerAmount(rule.bound, total, rule.strict);
      const side = rule.op === 'quorum' ? 'present' : rule.side;
      // Everyone is present and votes yes or no: "present" clauses are constants, abstentions are none.
      if (side === 'present') return total >= need;
      if (side === 'abstain') return 0 >= need;
      if (side !== 'yes') return false;
      parts.leaves.push({ coef, need });
      return true;
    }
    case 'unanimous':
    case 'consensus': {
      const coef = Float64Array.from({ length: n }, (_, i) => (!rule.mask || rule.mask[i] ? 1 : 0));
      parts.leaves.push({ coef, need: coef.reduce((a, b) => a + b, 0) });
      return true;
    }
    case 'groups': {
      const child = rule.child;
      if (parts.groups || child.op !== 'quota' || child.side !== 'yes' || child.weightName !== 'count')
        return false;
      parts.groups = rule.groupNames.map((g) => {
        const members: number[] = [];
        let scope = 0;
        for (let i = 0; i < n; i++) {
          if (rule.groupOf[i] !== g) continue;
          scope++;
          if (!child.mask || child.mask[i]) members.push(i);
        }
        // The group's own rule counts its members in scope (linear.ts builds the same leaf).
        const total = scope === 0 ? 0 : members.length;
        return { members, need: minimumIntegerAmount(child.bound, total, child.strict) };
      });
      parts.atLeast = rule.atLeast;
      return true;
    }
    default:
      return false;
  }
}

/**
 * Splits of the light members into two sides by whole groups (members of no group go anywhere), best first:
 * the smaller side B as large as possible (the work is about 2^|A| per bundle plus 2^|B| per heavy yes-set)
 * and, among those, side A's big weight as small as possible (it sets the tables' rows). Splits with B up to
 * three members smaller follow, for the plan to cost.
 */
function splitSides(light: number[], groupOf: Int32Array, big: Float64Array): [number[], number[]][] {
  const blocks = new Map<number, number[]>();
  let loose = -1;
  for (const i of light) {
    const key = groupOf[i]! >= 0 ? groupOf[i]! : loose--;
    blocks.set(key, [...(blocks.get(key) ?? []), i]);
  }
  const list = [...blocks.values()].sort((a, b) => b.length - a.length);
  const half = Math.floor(light.length / 2);
  const weight = (ms: number[]) => ms.reduce((s, i) => s + big[i]!, 0);
  const candidates: { inB: number[]; size: number; weightA: number }[] = [];
  const consider = (inB: number[]) => {
    const size = inB.reduce((s, b) => s + list[b]!.length, 0);
    if (size > half || size < half - 3) return;
    const weightA = weight(light) - inB.reduce((s, b) => s + weight(list[b]!), 0);
    candidates.push({ inB, size, weightA });
  };
  if (list.length <= 16) {
    for (let mask = 0; mask < 2 ** list.length; mask++)
      consider(list.map((_, b) => b).filter((b) => (mask >>> b) & 1));
  } else {
    // Many blocks (members of no group): fill side B greedily, largest blocks first.
    const inB: number[] = [];
    let size = 0;
    list.forEach((block, b) => {
      if (size + block.length <= half) {
        inB.push(b);
        size += block.length;
      }
    });
    consider(inB);
  }
  if (candidates.length === 0) consider([]);
  candidates.sort((x, y) => y.size - x.size || x.weightA - y.weightA);
  return candidates.slice(0, 12).map(({ inB }) => {
    const chosen = new Set(inB);
    return [list.filter((_, b) => !chosen.has(b)).flat(), list.filter((_, b) => chosen.has(b)).flat()];
  });
}
