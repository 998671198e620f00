import type { CompiledRule } from '../rules/compile.ts';
import { type RegionalForm, regionalForm } from './regional-form.ts';

/** What one heavy yes-set L leaves the light members to do. */
export interface HeavySet {
  mask: number;
  size: number;
  /** Big weight of L, and how much the light members must add (bigNeed − that). */
  big: number;
  need: number;
  /** Light members needed in all (the strictest small criterion). */
  minLight: number;
  /** Groups that may still fail, given those without light members that L leaves unmet. */
  fails: number;
  /** Light yes votes each group (with light members) needs, clipped to 0..lightCount+1. */
  tau: Int32Array;
}

/** One side of the light members: its groups, and every coalition's big weight, size and class. */
export interface SidePlan {
  members: number[];
  /** Groups (indices into form.groups) with light members on this side, and their light counts. */
  groups: number[];
  counts: number[];
  /** Class of a coalition: its yes count in each of the side's groups, in mixed radix. */
  strides: number[];
  classes: number;
  total: number;
}

export interface RegionalPlan {
  form: RegionalForm;
  live: HeavySet[];
  /** Whether a live heavy set's big-weight need is met by any light coalition large enough to win. */
  free: boolean[];
  /** Live heavy sets by side A's thresholds (pass 1 shares one table of side A among them). */
  byTauA: HeavySet[][];
  /** Live heavy sets alike but for side B's thresholds and big weight (pass 2 folds them into one table). */
  bundles: HeavySet[][];
  sides: [SidePlan, SidePlan];
  /** Smallest winning size (offset of the per-size credits) and credit slots per coalition. */
  minSize: number;
  slots: number;
  layouts: [Layout, Layout];
  bytes: number;
  work: number;
}

/**
 * A table over one side: planes by failed groups (cumulative), rows by big weight (cumulative from above:
 * row p counts coalitions weighing at least p), and sizes from `low` (smaller ones are never looked up).
 */
export interface Layout {
  planes: number;
  rows: number;
  low: number;
  width: number;
  cells: number;
}

// Method choice and the counting both need the plan of one rule: build it once.
const plans = new WeakMap<CompiledRule, { n: number; plan: RegionalPlan | null }>();

/** The regional plan of a rule over n players (null when the rule is not of the family), memoised. */
export function regionalPlanOf(rule: CompiledRule, n: number): RegionalPlan | null {
  const known = plans.get(rule);
  if (known && known.n === n) return known.plan;
  const form = regionalForm(rule, n);
  const plan = form ? regionalPlan(form) : null;
  plans.set(rule, { n, plan });
  return plan;
}

/**
 * Heavy yes-sets that can still win, their bundles, and the method's memory and work before it runs, for
 * the split of the light members that costs least.
 */
export function regionalPlan(form: RegionalForm): RegionalPlan | null {
  let best: RegionalPlan | null = null;
  for (const split of form.splits) {
    const plan = planFor(form, split);
    if (plan && (!best || plan.work < best.work)) best = plan;
  }
  return best;
}

function planFor(form: RegionalForm, split: [number[], number[]]): RegionalPlan | null {
  const { heavy, groups } = form;
  const h = heavy.length;
  const lightGroups = groups.map((g) => g.members.filter((i) => !heavy.includes(i)).length);
  const sides = split.map((members) => sidePlan(form, members, lightGroups)) as [SidePlan, SidePlan];
  const [A, B] = sides;
  const nA = A.members.length;
  const nB = B.members.length;
  // Tables and credits are Uint32: no cell counts more than 2^h coalitions of side A (the larger).
  if (h + nA > 31 || form.n > 52) return null;
  // Per-class arrays (counts and free heavy sets' credits by class and size): many small groups on one side
  // (a group per member, say) would make them larger than the coalitions themselves.
  const classCells = sides.reduce((c, side) => c + side.classes * (side.members.length + 1), 0);
  if (classCells > 2 ** 22) return null;
  const lightWeights = [...A.members, ...B.members].map((i) => form.big[i]!).sort((x, y) => x - y);
  const lightBig = A.total + B.total;
  const live: HeavySet[] = [];
  for (let mask = 0; mask < 2 ** h; mask++) {
    const set = heavySet(form, mask, lightGroups, lightWeights.length);
    if (!set || set.need > lightBig) continue;
    let allFail = 0;
    groups.forEach((_, r) => {
      if (lightGroups[r]! > 0 && set.tau[r]! > lightGroups[r]!) allFail++;
    });
    if (allFail <= set.fails) live.push(set);
  }
  const lightest = [0];
  for (const w of lightWeights) lightest.push(lightest[lightest.length - 1]! + w);
  const free = live.map((s) => s.need <= lightest[s.minLight]!);
  const tauKey = (s: HeavySet, side: SidePlan) => side.groups.map((r) => s.tau[r]).join(',');
  const byTauA = groupBy(live, (s) => tauKey(s, A));
  const bundles = groupBy(live, (s) => `${s.size}|${s.minLight}|${s.fails}|${tauKey(s, A)}`);
  const minSize = live.length === 0 ? form.n : Math.min(...live.map((s) => s.size + s.minLight));
  const slots = form.n - minSize + 1;
  const layouts: [Layout, Layout] = [layoutOf(live, sides, 0), layoutOf(live, sides, 1)];
  // Side arrays (weight, size, class, mask, twice while sorting), B's credits, and the tables: one of side A
  // at a time, every bundle's at once.
  const bytes =
    (2 ** nA + 2 ** nB) * 2 * (4 + 1 + 4 + 4) +
    2 ** nB * 4 * slots +
    (layouts[0].cells + bundles.length * layouts[1].cells) * 4 +
    (Math.max(A.total, B.total) + 2) * 4 +
    classCells * 8 * (1 + slots);
  // Pass 1: per priced heavy set one sweep of side B; pass 2: per bundle one of side A; and the tables.
  const lookup = 8;
  const priced = free.filter((f) => !f).length;
  const work =
    priced * 2 ** nB * lookup +
    bundles.length * 2 ** nA * lookup +
    byTauA.length * (2 ** nA + 2 * layouts[0].cells) +
    live.length * 2 ** nB +
    bundles.length * 3 * layouts[1].cells +
    2 ** nA * slots * 2;
  return { form, live, free, byTauA, bundles, sides, minSize, slots, layouts, bytes, work };
}

function groupBy<T>(list: T[], key: (x: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const known = map.get(k);
    if (known) known.push(x);
    else map.set(k, [x]);
  }
  return [...map.values()];
}

function layoutOf(live: HeavySet[], sides: [SidePlan, SidePlan], side: 0 | 1): Layout {
  const size = sides[side].members.length;
  const other = sides[1 - side]!.members.length;
  const minLight = live.reduce((m, s) => Math.min(m, s.minLight), Number.POSITIVE_INFINITY);
  const planes = Math.min(maxFails(live), sides[side].groups.length) + 1;
  const rows = sides[0].total + 1;
  const low = Math.min(size, Math.max(0, minLight - other));
  const width = size - low + 1;
  return { planes, rows, low, width, cells: planes * rows * width };
}

function maxFails(live: HeavySet[]): number {
  return live.reduce((m, s) => Math.max(m, s.fails), 0);
}

function sidePlan(form: RegionalForm, members: number[], lightGroups: number[]): SidePlan {
  const groups = [...new Set(members.map((i) => form.groupOf[i]!).filter((r) => r >= 0))].sort(
    (a, b) => a - b,
  );
  const counts = groups.map((r) => lightGroups[r]!);
  const strides: number[] = [];
  let classes = 1;
  for (const c of counts) {
    strides.push(classes);
    classes *= c + 1;
  }
  const total = members.reduce((s, i) => s + form.big[i]!, 0);
  return { members, groups, counts, strides, classes, total };
}

function heavySet(
  form: RegionalForm,
  mask: number,
  lightGroups: number[],
  lightTotal: number,
): HeavySet | null {
  const { heavy, small, groups } = form;
  let big = 0;
  let size = 0;
  const inL: boolean[] = new Array(form.n).fill(false);
  heavy.forEach((p, b) => {
    if ((mask >>> b) & 1) {
      inL[p] = true;
      big += form.big[p]!;
      size++;
    }
  });
  let minLight = 0;
  for (const leaf of small) {
    let sum = 0;
    for (const p of heavy) if (inL[p]) sum += leaf.coef[p]!;
    if (leaf.perLight > 0) minLight = Math.max(minLight, Math.ceil((leaf.need - sum) / leaf.perLight));
    else if (sum < leaf.need) return null;
  }
  if (minLight > lightTotal) return null;
  let fails = form.allowedFails;
  const tau = new Int32Array(groups.length);
  groups.forEach((g, r) => {
    const heavyYes = g.members.filter((p) => inL[p]).length;
    const t = g.need - heavyYes;
    if (lightGroups[r] === 0) {
      if (t > 0) fails--;
    } else tau[r] = Math.min(Math.max(t, 0), lightGroups[r]! + 1);
  });
  if (fails < 0) return null;
  return {
    mask,
    size,
    big,
    need: form.bigNeed - big,
    minLight: Math.max(0, minLight),
    fails: Math.min(fails, groups.length),
    tau,
  };
}
