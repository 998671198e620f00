import type { RegionalForm } from './regional-form.ts';

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
  /** Live heavy sets grouped by everything but their big weight (they share one table). */
  bundles: HeavySet[][];
  sides: [SidePlan, SidePlan];
  /** Smallest winning size (offset of the per-size credits) and credit slots per coalition. */
  minSize: number;
  slots: number;
  bytes: number;
  work: number;
}

/** Heavy yes-sets that can still win, their bundles, and the method's memory and work before it runs. */
export function regionalPlan(form: RegionalForm): RegionalPlan | null {
  const { heavy, groups } = form;
  const h = heavy.length;
  const lightGroups = groups.map((g) => g.members.filter((i) => !heavy.includes(i)).length);
  const sides = form.sides.map((members) => sidePlan(form, members, lightGroups)) as [SidePlan, SidePlan];
  const [A, B] = sides;
  const nA = A.members.length;
  const nB = B.members.length;
  // Tables and credits are Uint32: no cell counts more than 2^h coalitions of side A (the larger).
  if (h + nA > 31 || form.n > 52) return null;
  const lightTotal = [...A.members, ...B.members].length;
  const lightBig = A.total + B.total;
  const live: HeavySet[] = [];
  for (let mask = 0; mask < 2 ** h; mask++) {
    const set = heavySet(form, mask, lightGroups, lightTotal);
    if (!set || set.need > lightBig) continue;
    let allFail = 0;
    groups.forEach((_, r) => {
      if (lightGroups[r]! > 0 && set.tau[r]! > lightGroups[r]!) allFail++;
    });
    if (allFail <= set.fails) live.push(set);
  }
  const byKey = new Map<string, HeavySet[]>();
  for (const s of live) {
    const key = `${s.size}|${s.minLight}|${s.fails}|${s.tau.join(',')}`;
    byKey.set(key, [...(byKey.get(key) ?? []), s]);
  }
  const bundles = [...byKey.values()];
  const minSize = live.length === 0 ? form.n : Math.min(...live.map((s) => s.size + s.minLight));
  const slots = form.n - minSize + 1;
  const rows = A.total + 1;
  const planes = Math.min(maxFails(live), groups.length) + 1;
  const bytes =
    (2 ** nA + 2 ** nB) * (8 + 1 + 4 + 4 + 4 * slots) +
    planes * rows * (nA + 1 + nB + 1) * 4 +
    (rows + 1) * 4;
  const tauA = new Set(live.map((s) => A.groups.map((r) => s.tau[r]).join(','))).size;
  // Per heavy set one pass over side B; per bundle one over side A; tables swept once per use.
  const vector = 4;
  const work =
    live.length * 2 ** nB * (3 + vector) +
    bundles.length * 2 ** nA * (3 + vector) +
    tauA * (2 ** nA + planes * rows * (nA + 1)) +
    bundles.length * planes * rows * (nB + 1) +
    2 ** nA * slots * 3;
  return { form, live, bundles, sides, minSize, slots, bytes, work };
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
