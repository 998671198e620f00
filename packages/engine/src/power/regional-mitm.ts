import { type Control, checkStop, type SwingCounts } from './counts.ts';
import type { RegionalForm } from './regional-form.ts';
import type { HeavySet, RegionalPlan, SidePlan } from './regional-plan.ts';

/** Every coalition of one side, sorted by big weight: its weight, size, class and bit mask. */
interface Subsets {
  big: Int32Array;
  size: Uint8Array;
  cls: Int32Array;
  mask: Int32Array;
}

/**
 * Exact counts for regional-form games. For each heavy yes-set L the light members must add `need` big
 * weight, `minLight` members, and meet all but `fails` of their groups' thresholds `tau`. The light members
 * are split into sides A and B by whole groups, and the count of winning coalitions is found twice:
 *
 * 1. per L, for every coalition b of side B, by one look-up in a table over side A (coalitions a by fails,
 *    big weight at least p, and size), giving each L's and each b's winning coalitions by size;
 * 2. per bundle of heavy sets that differ only in big weight, for every a, by one look-up in a table over
 *    the pairs (L, b) of the bundle (their big weight folded together), giving each a's.
 *
 * Members are credited from those per-coalition counts through byte histograms of the bit masks (as in
 * enumerate.ts), heavy members from the per-L counts. Tables and credits are Uint32 (a cell counts at most
 * 2^31 coalitions, checked by the plan); sums are doubles, exact below 2^53.
 */
export function regionalCounts(plan: RegionalPlan, control?: Control): SwingCounts {
  const { form, live, bundles, sides, minSize, slots } = plan;
  const n = form.n;
  const [A, B] = sides;
  const a = subsets(form, A);
  const b = subsets(form, B);
  const creditA = new Uint32Array(slots * a.big.length);
  const creditB = new Uint32Array(slots * b.big.length);
  const perSet = new Map<number, Float64Array>();
  const total = live.length + bundles.length;
  let done = 0;
  const step = (count: number, stage: string) => {
    checkStop(control);
    done += count;
    control?.onProgress?.(done / total, stage);
  };
  const byTauA = new Map<string, HeavySet[]>();
  for (const s of live) {
    const key = A.groups.map((r) => s.tau[r]).join(',');
    byTauA.set(key, [...(byTauA.get(key) ?? []), s]);
  }
  const layoutA = layout(plan, 0);
  const tableA = new Uint32Array(layoutA.cells);
  for (const sets of byTauA.values()) {
    fillTable(tableA, a, classFails(A, sets[0]!.tau), layoutA, 0);
    const counts = passOverB(sets, tableA, layoutA, b, creditB, plan);
    sets.forEach((s, l) => {
      perSet.set(s.mask, counts.subarray(l * slots, (l + 1) * slots));
    });
    step(sets.length, 'heavy yes-sets');
  }
  const layoutB = layout(plan, 1);
  const batch = Math.min(bundles.length, BUNDLES_AT_ONCE);
  const tablesB = new Uint32Array(layoutB.cells * batch);
  for (let first = 0; first < bundles.length; first += batch) {
    const group = bundles.slice(first, first + batch);
    group.forEach((bundle, j) => {
      const table = tablesB.subarray(j * layoutB.cells, (j + 1) * layoutB.cells);
      const failsB = classFails(B, bundle[0]!.tau);
      table.fill(0);
      // Pair (L, b) sits at row w(L) + w(b) − (bigNeed − A's total): a's query row is A's total − w(a).
      for (const s of bundle) addToTable(table, b, failsB, layoutB, A.total - s.need);
      cumulate(table, layoutB);
    });
    passOverA(group, tablesB, layoutB, a, creditA, plan);
    step(group.length, 'bundles of heavy yes-sets');
  }
  const win = new Float64Array(n + 1);
  const withBySize = Array.from({ length: n }, () => new Float64Array(n + 1));
  for (const s of live) {
    const w = perSet.get(s.mask)!;
    for (let k = 0; k < slots; k++) {
      if (w[k] === 0) continue;
      win[minSize + k]! += w[k]!;
      form.heavy.forEach((p, bit) => {
        if ((s.mask >>> bit) & 1) withBySize[p]![minSize + k]! += w[k]!;
      });
    }
  }
  const totalWin = win.reduce((x, y) => x + y, 0);
  const sumA = creditMembers(A.members, a.mask, creditA, slots, minSize, withBySize);
  const sumB = creditMembers(B.members, b.mask, creditB, slots, minSize, withBySize);
  if (sumA !== totalWin || sumB !== totalWin)
    throw new Error(`regional meet in the middle: passes disagree (${totalWin}, ${sumA}, ${sumB})`);
  const winBig = Array.from(win, (x) => BigInt(x));
  return {
    n,
    winningBySize: winBig,
    swingsBySize: withBySize.map((row) => {
      const w = Array.from(row, (x) => BigInt(x));
      return Array.from({ length: n }, (_, k) => w[k + 1]! - (winBig[k]! - w[k]!));
    }),
  };
}

/** How many bundles' tables pass 2 keeps at once (each coalition of side A is then visited once per batch). */
export const BUNDLES_AT_ONCE = 8;

/**
 * A table over one side: planes by failed groups (cumulative), rows by big weight (cumulative from above:
 * row p counts coalitions weighing at least p), and sizes from `low` (smaller ones are never looked up).
 */
interface Layout {
  planes: number;
  rows: number;
  low: number;
  width: number;
  cells: number;
}

export function layout(plan: RegionalPlan, side: 0 | 1): Layout {
  const size = plan.sides[side].members.length;
  const other = plan.sides[1 - side]!.members.length;
  const maxFails = plan.live.reduce((m, s) => Math.max(m, s.fails), 0);
  const minLight = plan.live.reduce((m, s) => Math.min(m, s.minLight), Number.POSITIVE_INFINITY);
  const planes = Math.min(maxFails, plan.sides[side].groups.length) + 1;
  const rows = plan.sides[0].total + 1;
  const low = Math.min(size, Math.max(0, minLight - other));
  const width = size - low + 1;
  return { planes, rows, low, width, cells: planes * rows * width };
}

/**
 * Pass 1 for heavy sets sharing side A's thresholds (and so one table): for every b, one look-up per heavy
 * set gives the winning partners a by size; b's credits are summed locally and written once.
 */
function passOverB(
  sets: HeavySet[],
  table: Uint32Array,
  t: Layout,
  b: Subsets,
  credit: Uint32Array,
  plan: RegionalPlan,
): Float64Array {
  const [A, B] = plan.sides;
  const nA = A.members.length;
  const { slots } = plan;
  const m = sets.length;
  const counts = new Float64Array(m * slots);
  const need = Int32Array.from(sets, (s) => s.need);
  const fails = Int32Array.from(sets, (s) => s.fails);
  const minLight = Int32Array.from(sets, (s) => s.minLight);
  const offset = Int32Array.from(sets, (s) => s.size - plan.minSize);
  const failsB = new Int8Array(m * B.classes);
  sets.forEach((s, l) => {
    failsB.set(classFails(B, s.tau), l * B.classes);
  });
  const { planes, rows, low, width } = t;
  const { big, size, cls } = b;
  const local = new Float64Array(slots);
  for (let i = 0; i < big.length; i++) {
    const sb = size[i]!;
    const c = cls[i]!;
    const wb = big[i]!;
    let any = false;
    for (let l = 0; l < m; l++) {
      let f = fails[l]! - failsB[l * B.classes + c]!;
      if (f < 0) continue;
      if (f >= planes) f = planes - 1;
      let from = minLight[l]! - sb;
      if (from > nA) continue;
      if (from < low) from = low;
      let p = need[l]! - wb;
      if (p >= rows) continue;
      if (p < 0) p = 0;
      const row = (f * rows + p) * width - low;
      const k0 = offset[l]! + sb;
      const at = l * slots + k0;
      for (let x = from; x <= nA; x++) {
        const v = table[row + x]!;
        if (v === 0) continue;
        counts[at + x]! += v;
        local[k0 + x]! += v;
        any = true;
      }
    }
    if (!any) continue;
    const out = i * slots;
    for (let k = 0; k < slots; k++) {
      credit[out + k]! += local[k]!;
      local[k] = 0;
    }
  }
  return counts;
}

/** Pass 2 for a batch of bundles: for every a, one look-up per bundle; a's credits are added once. */
function passOverA(
  group: HeavySet[][],
  tables: Uint32Array,
  t: Layout,
  a: Subsets,
  credit: Uint32Array,
  plan: RegionalPlan,
): void {
  const [A, B] = plan.sides;
  const nB = B.members.length;
  const { slots } = plan;
  const m = group.length;
  const fails = Int32Array.from(group, (g) => g[0]!.fails);
  const minLight = Int32Array.from(group, (g) => g[0]!.minLight);
  const offset = Int32Array.from(group, (g) => g[0]!.size - plan.minSize);
  const failsA = new Int8Array(m * A.classes);
  group.forEach((g, j) => {
    failsA.set(classFails(A, g[0]!.tau), j * A.classes);
  });
  const { planes, rows, low, width, cells } = t;
  const { big, size, cls } = a;
  const top = rows - 1;
  const local = new Float64Array(slots);
  for (let i = 0; i < big.length; i++) {
    const sa = size[i]!;
    const c = cls[i]!;
    const x0 = top - big[i]!;
    let any = false;
    for (let j = 0; j < m; j++) {
      let f = fails[j]! - failsA[j * A.classes + c]!;
      if (f < 0) continue;
      if (f >= planes) f = planes - 1;
      let from = minLight[j]! - sa;
      if (from > nB) continue;
      if (from < low) from = low;
      const row = j * cells + (f * rows + x0) * width - low;
      const k0 = offset[j]! + sa;
      for (let x = from; x <= nB; x++) {
        const v = tables[row + x]!;
        if (v === 0) continue;
        local[k0 + x]! += v;
        any = true;
      }
    }
    if (!any) continue;
    const out = i * slots;
    for (let k = 0; k < slots; k++) {
      credit[out + k]! += local[k]!;
      local[k] = 0;
    }
  }
}

/** Table over a side: cell (f, p, s) counts coalitions with at most f failed groups, weight ≥ p, size s. */
function fillTable(table: Uint32Array, side: Subsets, fails: Int8Array, t: Layout, shift: number): void {
  table.fill(0);
  addToTable(table, side, fails, t, shift);
  cumulate(table, t);
}

/** Adds one side's coalitions at row weight + shift (below 0: dropped; beyond the last row: clipped to it). */
function addToTable(table: Uint32Array, side: Subsets, fails: Int8Array, t: Layout, shift: number): void {
  const { planes, rows, low, width } = t;
  const { big, size, cls } = side;
  for (let i = 0; i < big.length; i++) {
    const f = fails[cls[i]!]!;
    const s = size[i]!;
    if (f >= planes || s < low) continue;
    let x = big[i]! + shift;
    if (x < 0) continue;
    if (x >= rows) x = rows - 1;
    table[(f * rows + x) * width + s - low]!++;
  }
}

/** Suffix sums over weight (cell p: weight ≥ p), then over planes (at most f failed groups). */
function cumulate(table: Uint32Array, t: Layout): void {
  const { planes, rows, width } = t;
  for (let f = 0; f < planes; f++) {
    for (let p = rows - 2; p >= 0; p--) {
      const at = (f * rows + p) * width;
      for (let x = 0; x < width; x++) table[at + x]! += table[at + width + x]!;
    }
  }
  const plane = rows * width;
  for (let f = 1; f < planes; f++)
    for (let j = 0; j < plane; j++) table[f * plane + j]! += table[(f - 1) * plane + j]!;
}

/** Failed groups of each class of a side, for thresholds tau. */
function classFails(side: SidePlan, tau: Int32Array): Int8Array {
  const out = new Int8Array(side.classes);
  const digits = new Int32Array(side.groups.length);
  for (let code = 0; code < side.classes; code++) {
    let f = 0;
    for (let g = 0; g < digits.length; g++) if (digits[g]! < tau[side.groups[g]!]!) f++;
    out[code] = f;
    for (let g = 0; g < digits.length; g++) {
      if (++digits[g]! <= side.counts[g]!) break;
      digits[g] = 0;
    }
  }
  return out;
}

/** Every coalition of a side's members, sorted by big weight (counting sort: weights are small integers). */
function subsets(form: RegionalForm, side: SidePlan): Subsets {
  const k = side.members.length;
  const N = 2 ** k;
  const w = side.members.map((i) => form.big[i]!);
  const stride = side.members.map((i) => {
    const g = side.groups.indexOf(form.groupOf[i]!);
    return g < 0 ? 0 : side.strides[g]!;
  });
  const big = new Int32Array(N);
  const size = new Uint8Array(N);
  const cls = new Int32Array(N);
  for (let m = 1; m < N; m++) {
    const j = 31 - Math.clz32(m & -m);
    const prev = m & (m - 1);
    big[m] = big[prev]! + w[j]!;
    size[m] = size[prev]! + 1;
    cls[m] = cls[prev]! + stride[j]!;
  }
  const start = new Int32Array(side.total + 2);
  for (let m = 0; m < N; m++) start[big[m]! + 1]!++;
  for (let x = 1; x < start.length; x++) start[x]! += start[x - 1]!;
  const sorted: Subsets = {
    big: new Int32Array(N),
    size: new Uint8Array(N),
    cls: new Int32Array(N),
    mask: new Int32Array(N),
  };
  for (let m = 0; m < N; m++) {
    const at = start[big[m]!]!++;
    sorted.big[at] = big[m]!;
    sorted.size[at] = size[m]!;
    sorted.cls[at] = cls[m]!;
    sorted.mask[at] = m;
  }
  return sorted;
}

/** Credits each member with the winning coalitions of the coalitions of its side it belongs to. */
function creditMembers(
  members: number[],
  masks: Int32Array,
  credit: Uint32Array,
  slots: number,
  minSize: number,
  withBySize: Float64Array[],
): number {
  const N = masks.length;
  const bytes = Math.ceil(members.length / 8) || 1;
  const hist = new Float64Array(slots * bytes * 256);
  let sum = 0;
  for (let i = 0; i < N; i++) {
    const at = i * slots;
    const m = masks[i]!;
    for (let k = 0; k < slots; k++) {
      const c = credit[at + k]!;
      if (c === 0) continue;
      sum += c;
      const h = k * bytes * 256;
      for (let by = 0, v = m; by < bytes; by++, v >>>= 8) hist[h + by * 256 + (v & 255)]! += c;
    }
  }
  members.forEach((p, j) => {
    const by = j >> 3;
    const bit = 1 << (j & 7);
    for (let k = 0; k < slots; k++) {
      let c = 0;
      const h = (k * bytes + by) * 256;
      for (let v = 0; v < 256; v++) if (v & bit) c += hist[h + v]!;
      withBySize[p]![minSize + k]! += c;
    }
  });
  return sum;
}
