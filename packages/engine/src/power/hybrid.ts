import { binomials, type Control, checkStop, type SwingCounts } from './counts.ts';
import type { LinearForm } from './linear.ts';
import { buildTable } from './size-gf.ts';

const SMALL = 4096;
export const MAX_HYBRID_ENUMERATED = 12;

/**
 * Hybrid for rules where most members are alike on every small criterion (e.g. "two-thirds of the large
 * states" and "two-thirds of the small states" plus population): the few members who differ are enumerated,
 * and for each of their yes-sets the rest form a game of members and one weight, counted by a generating
 * function over them built once. Exact; doubles suffice as the rest are at most 52 members.
 */
export interface HybridPlan {
  enumerated: number[];
  rest: number[];
  restWeights: number[];
  /** Per leaf: whether it sums the large weight, and what one member of the rest adds to it otherwise. */
  isBig: boolean[];
  perRestMember: number[];
}

export function hybridPlan(form: LinearForm): HybridPlan | null {
  const { n, leaves } = form;
  const totals = leaves.map((l) => l.coef.reduce((a, b) => a + b, 0));
  const bigLeaves = leaves.map((l, j) => totals[j]! > SMALL || !l.coef.every(Number.isInteger));
  const bigVectors = leaves.filter((_, j) => bigLeaves[j]);
  if (bigVectors.some((v) => !v.coef.every((x, i) => x === bigVectors[0]!.coef[i]))) return null;
  const signature = (i: number) => leaves.map((l, j) => (bigLeaves[j] ? '' : l.coef[i])).join(',');
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) groups.set(signature(i), [...(groups.get(signature(i)) ?? []), i]);
  const rest = [...groups.values()].sort((a, b) => b.length - a.length)[0]!;
  const enumerated = Array.from({ length: n }, (_, i) => i).filter((i) => !rest.includes(i));
  if (
    enumerated.length === 0 ||
    enumerated.length > MAX_HYBRID_ENUMERATED ||
    rest.length > 52 ||
    rest.length < 2
  )
    return null;
  const big = bigVectors[0]?.coef;
  return {
    enumerated,
    rest,
    restWeights: rest.map((i) => (big ? big[i]! : 0)),
    isBig: bigLeaves,
    perRestMember: leaves.map((l, j) => (bigLeaves[j] ? 0 : l.coef[rest[0]!]!)),
  };
}

export function hybridCounts(form: LinearForm, plan: HybridPlan, control?: Control): SwingCounts {
  const { n, leaves } = form;
  const E = plan.enumerated;
  const m = plan.rest.length;
  const W = plan.restWeights.reduce((a, b) => a + b, 0);
  const R = Math.floor(W / 2);
  const width = R + 1;
  const table = buildTable(
    { weights: plan.restWeights, minWeight: [], total: W, weightName: '' },
    R,
    null,
    control,
  );
  const F = (k: number, x: number) => (x < 0 ? 0 : table[k * width + Math.min(x, R)]!);
  const cM = binomials(m).map(Number);
  const cM1 = binomials(m - 1).map(Number);
  // #{S ⊆ rest, |S| = k, w(S) ≤ x}, and the same without one member of weight w (its factor divided out).
  const G = (k: number, x: number) =>
    x < 0 || k < 0 || k > m ? 0 : x >= W ? cM[k]! : x <= R ? F(k, x) : cM[k]! - F(m - k, W - x - 1);
  const divided = (w: number, k: number, x: number) => {
    let s = 0;
    for (let j = 0; j <= k && x - j * w >= 0; j++) s += (j % 2 === 0 ? 1 : -1) * F(k - j, x - j * w);
    return s;
  };
  const Gi = (w: number, k: number, x: number) =>
    x < 0 || k < 0 || k > m - 1
      ? 0
      : x >= W - w
        ? cM1[k]!
        : x <= R
          ? divided(w, k, x)
          : cM1[k]! - divided(w, m - 1 - k, W - w - x - 1);
  const sums = new Float64Array(leaves.length);
  const thresholds = (mask: number): number[] => {
    const base = leaves.map((l) => E.reduce((s, e, b) => s + ((mask >>> b) & 1 ? l.coef[e]! : 0), 0));
    const holds = (k: number, w: number) => {
      for (let j = 0; j < leaves.length; j++)
        sums[j] = base[j]! + (plan.isBig[j] ? w : plan.perRestMember[j]! * k);
      return form.wins(sums);
    };
    return Array.from({ length: m + 1 }, (_, k) => {
      if (!holds(k, W)) return Number.POSITIVE_INFINITY;
      if (holds(k, 0)) return 0;
      let lo = 0;
      let hi = W;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (holds(k, mid)) hi = mid;
        else lo = mid;
      }
      return hi;
    });
  };
  const combos = 2 ** E.length;
  const t = Array.from({ length: combos }, (_, mask) => thresholds(mask));
  const winBySize = new Float64Array(n + 1);
  const swings = Array.from({ length: n }, () => new Float64Array(n));
  const size = (mask: number) => popcount(mask);
  for (let mask = 0; mask < combos; mask++) {
    checkStop(control);
    const tl = t[mask]!;
    const ke = size(mask);
    for (let k = 0; k <= m; k++) winBySize[ke + k]! += cM[k]! - G(k, tl[k]! - 1);
    // Members of the rest: coalitions of the others in the rest, with this yes-set of the enumerated.
    plan.rest.forEach((r, idx) => {
      const w = plan.restWeights[idx]!;
      for (let k = 0; k < m; k++) {
        if (!Number.isFinite(tl[k + 1]!)) continue;
        const lo = Math.max(0, tl[k + 1]! - w);
        const hi = tl[k]! - 1;
        if (lo <= hi) swings[r]![ke + k]! += Gi(w, k, hi) - Gi(w, k, lo - 1);
      }
    });
    // Enumerated members: joining this yes-set (they are not in it) lowers the thresholds.
    E.forEach((e, b) => {
      if ((mask >>> b) & 1) return;
      const tj = t[mask | (1 << b)]!;
      for (let k = 0; k <= m; k++) {
        const lo = tj[k]!;
        const hi = tl[k]! - 1;
        if (!Number.isFinite(lo)) continue;
        const upper = Number.isFinite(hi) ? G(k, hi) : cM[k]!;
        swings[e]![ke + k]! += upper - G(k, lo - 1);
      }
    });
    control?.onProgress?.((mask + 1) / combos, 'enumerating the distinct members');
  }
  return {
    n,
    winningBySize: Array.from(winBySize, (x) => BigInt(x)),
    swingsBySize: swings.map((row) => Array.from(row, (x) => BigInt(x))),
  };
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}
