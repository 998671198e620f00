import type { RegionalForm } from './regional-form.ts';
import type { HeavySet, Layout, SidePlan } from './regional-plan.ts';

// The data the regional meet in the middle works on: every coalition of a side (sorted by big weight), tables
// over them (by failed groups, cumulative weight and size), and histograms of their bit masks for crediting
// members.

/** Every coalition of one side, sorted by big weight: its weight, size, class and bit mask. */
export interface Subsets {
  big: Int32Array;
  size: Uint8Array;
  cls: Int32Array;
  mask: Int32Array;
  /** Coalitions per class and size (index class · sizes + size), for the free heavy sets. */
  perClass: Float64Array;
  sizes: number;
  classes: number;
}

/**
 * firstSize[y]: the fewest members of a side whose heaviest coalition of that size weighs at least y (beyond
 * the side's size: none does). Cells of smaller sizes at a row of weight y are zero and are not read.
 */
export function firstSizes(side: SidePlan, form: RegionalForm, length: number): Int8Array {
  const weights = side.members.map((i) => form.big[i]!).sort((x, y) => y - x);
  const out = new Int8Array(length);
  let k = 0;
  let top = 0;
  for (let y = 0; y < length; y++) {
    while (k < weights.length && top < y) top += weights[k++]!;
    out[y] = top >= y ? k : weights.length + 1;
  }
  return out;
}

/** First index whose weight is at least x (weights ascending). */
export function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Table over a side: cell (f, p, s) counts coalitions with at most f failed groups, weight ≥ p, size s, for
 * rows lo..hi (weights above hi count at hi; rows below lo are never looked up and left stale).
 */
export function fillTable(
  table: Uint32Array,
  side: Subsets,
  fails: Int8Array,
  t: Layout,
  lo: number,
  hi: number,
): void {
  clear(table, t, lo, hi);
  addToTable(table, side, fails, t, Int32Array.of(0), lo, hi);
  cumulate(table, t, lo, hi);
}

export function clear(table: Uint32Array, t: Layout, lo: number, hi: number): void {
  for (let f = 0; f < t.planes; f++)
    table.fill(0, (f * t.rows + lo) * t.width, (f * t.rows + hi + 1) * t.width);
}

/** Adds one side's coalitions at row weight + shift, for each shift (below lo: dropped; above hi: at hi). */
export function addToTable(
  table: Uint32Array,
  side: Subsets,
  fails: Int8Array,
  t: Layout,
  shifts: Int32Array,
  lo: number,
  hi: number,
): void {
  const { planes, rows, low, width } = t;
  const { big, size, cls } = side;
  const m = shifts.length;
  for (let i = lowerBound(big, lo - Math.max(...shifts)); i < big.length; i++) {
    const f = fails[cls[i]!]!;
    const s = size[i]!;
    if (f >= planes || s < low) continue;
    const w = big[i]!;
    const cell = f * rows * width + s - low;
    for (let j = 0; j < m; j++) {
      let x = w + shifts[j]!;
      if (x < lo) continue;
      if (x > hi) x = hi;
      table[cell + x * width]!++;
    }
  }
}

/** Heavy sets of a bundle by side B's thresholds (they share B's failed-group counts). */
export function groupByTau(bundle: HeavySet[], side: SidePlan): HeavySet[][] {
  const map = new Map<string, HeavySet[]>();
  for (const s of bundle) {
    const key = side.groups.map((r) => s.tau[r]).join(',');
    map.set(key, [...(map.get(key) ?? []), s]);
  }
  return [...map.values()];
}

/** Suffix sums over weight (cell p: weight ≥ p), then over planes (at most f failed groups). */
export function cumulate(table: Uint32Array, t: Layout, lo: number, hi: number): void {
  const { planes, rows, width } = t;
  const back = rows * width;
  // One sweep per plane: a cell adds the row above's and, from the second plane on, what the plane before
  // adds at that row (itself less its row above: that plane is cumulated already).
  for (let f = 0; f < planes; f++) {
    const from = (f * rows + lo) * width;
    const topRow = (f * rows + hi) * width;
    if (f === 0) {
      for (let j = topRow - 1; j >= from; j--) table[j]! += table[j + width]!;
      continue;
    }
    for (let j = topRow; j < topRow + width; j++) table[j]! += table[j - back]!;
    for (let j = topRow - 1; j >= from; j--)
      table[j]! += table[j + width]! + table[j - back]! - table[j - back + width]!;
  }
}

/** Failed groups of each class of a side, for thresholds tau. */
export function classFails(side: SidePlan, tau: Int32Array): Int8Array {
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
export function subsets(form: RegionalForm, side: SidePlan): Subsets {
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
  const sizes = k + 1;
  const sorted: Subsets = {
    big: new Int32Array(N),
    size: new Uint8Array(N),
    cls: new Int32Array(N),
    mask: new Int32Array(N),
    perClass: new Float64Array(side.classes * sizes),
    sizes,
    classes: side.classes * sizes,
  };
  for (let m = 0; m < N; m++) {
    const at = start[big[m]!]!++;
    sorted.big[at] = big[m]!;
    sorted.size[at] = size[m]!;
    sorted.cls[at] = cls[m]!;
    sorted.mask[at] = m;
    sorted.perClass[cls[m]! * sizes + size[m]!]!++;
  }
  return sorted;
}

/** Winning coalitions by size, summed over a side's coalitions by each byte of their bit masks. */
export interface Histogram {
  bytes: number;
  slots: number;
  cells: Float64Array;
  sum: number;
}

export function histogram(members: number, slots: number): Histogram {
  const bytes = Math.ceil(members / 8) || 1;
  return { bytes, slots, cells: new Float64Array(slots * bytes * 256), sum: 0 };
}

/** Adds per-coalition credits (coalition i's winning coalitions by size, at i · slots) to a histogram. */
export function addCredits(hist: Histogram, masks: Int32Array, credit: Uint32Array): void {
  const { bytes, slots, cells } = hist;
  let sum = 0;
  for (let i = 0; i < masks.length; i++) {
    const at = i * slots;
    const m = masks[i]!;
    for (let k = 0; k < slots; k++) {
      const c = credit[at + k]!;
      if (c === 0) continue;
      sum += c;
      const h = k * bytes * 256;
      for (let by = 0, v = m; by < bytes; by++, v >>>= 8) cells[h + by * 256 + (v & 255)]! += c;
    }
  }
  hist.sum += sum;
}

/** Credits each member with the winning coalitions of the side's coalitions it belongs to; returns the total. */
export function creditFrom(
  hist: Histogram,
  members: number[],
  minSize: number,
  withBySize: Float64Array[],
): number {
  const { bytes, slots, cells } = hist;
  members.forEach((p, j) => {
    const by = j >> 3;
    const bit = 1 << (j & 7);
    for (let k = 0; k < slots; k++) {
      let c = 0;
      const h = (k * bytes + by) * 256;
      for (let v = 0; v < 256; v++) if (v & bit) c += cells[h + v]!;
      withBySize[p]![minSize + k]! += c;
    }
  });
  return hist.sum;
}
