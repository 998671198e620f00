import { binomials, type Control, checkStop, type SwingCounts } from './counts.ts';
import type { ThresholdForm } from './game.ts';

export const MAX_MITM = 36;

/**
 * Every coalition of one half, grouped by size (size k at positions start[k] .. start[k+1] − 1) and sorted by
 * weight within a size. `low` and `high` are each coalition's two histogram cells: its mask's lower bits, and
 * 2^bits plus its upper bits (credited in `sweep`, read back in `membersIn`).
 */
interface Half {
  m: number;
  /** The game's index of the member with mask bit j. */
  members: Int32Array;
  weights: Float64Array;
  low: Int32Array;
  high: Int32Array;
  start: Int32Array;
  /** Bits in the lower part of a mask; a histogram block has 2^(bits+1) cells. */
  bits: number;
}

/**
 * Meet in the middle for threshold-form games whose weights are too large for a generating function (e.g.
 * populations counted in persons). Both halves' coalitions are listed once, by size and weight (by merges,
 * no sorting). For each pair of sizes one two-pointer sweep counts, for every coalition of either half, the
 * partners it wins with; pairs of sizes that all win or all lose are settled by counting alone. Members are
 * credited through histograms of the coalitions' masks in two parts, so no step loops over members; swings
 * follow from the winning coalitions with and without each member.
 */
export function meetInTheMiddle(form: ThresholdForm, control?: Control): SwingCounts {
  const n = form.weights.length;
  if (n > MAX_MITM) throw new RangeError(`meet in the middle is limited to ${MAX_MITM} players`);
  const h = Math.floor(n / 2);
  // The lightest members in one half and the heaviest in the other: fewer coalitions of either half then have
  // a winning partner in a size pair that is neither all won nor all lost, and the sweeps credit only those.
  const players = form.weights.map((_, i) => i).sort((a, b) => form.weights[a]! - form.weights[b]! || a - b);
  const left = halfOf(form.weights, players.slice(0, h));
  const right = halfOf(form.weights, players.slice(h));
  const blockA = 2 << left.bits;
  const blockB = 2 << right.bits;
  const histA = new Float64Array((n + 1) * blockA);
  const histB = new Float64Array((n + 1) * blockB);
  const win = new Float64Array(n + 1);
  // Members credited by counting: pairs of sizes in which every coalition wins.
  const direct = new Float64Array((n + 1) * n);
  const cA = binomials(Math.max(0, h - 1)).map(Number);
  const cB = binomials(Math.max(0, n - h - 1)).map(Number);
  for (let ka = 0; ka <= h; ka++) {
    checkStop(control);
    const a0 = left.start[ka]!;
    const a1 = left.start[ka + 1]!;
    for (let kb = 0; kb <= right.m; kb++) {
      const k = ka + kb;
      const need = form.minWeight[k]!;
      const b0 = right.start[kb]!;
      const b1 = right.start[kb + 1]!;
      if (!(left.weights[a1 - 1]! + right.weights[b1 - 1]! >= need)) continue; // none wins (or Infinity)
      if (left.weights[a0]! + right.weights[b0]! >= need) {
        const nA = a1 - a0;
        const nB = b1 - b0;
        win[k]! += nA * nB;
        // Each left member is in C(h − 1, ka − 1) of the nA left coalitions, each paired with all nB.
        if (ka > 0) for (const i of left.members) direct[k * n + i]! += cA[ka - 1]! * nB;
        if (kb > 0) for (const i of right.members) direct[k * n + i]! += cB[kb - 1]! * nA;
        continue;
      }
      win[k]! += sweep(left, a0, a1, right, b0, b1, need, histA, k * blockA, histB, k * blockB);
    }
    control?.onProgress?.((ka + 1) / (h + 1), 'meet in the middle');
  }
  return swingsFrom(n, win, direct, histA, left, histB, right);
}

/**
 * Pairs (a, b) of a size pair with w(a) + w(b) ≥ need: their number, and each coalition credited with how many
 * partners it wins with. One pass over B by increasing weight: the left coalitions that b wins with are the
 * heaviest ones, a set that only grows, so each left coalition joins it once — credited then with all the
 * right coalitions from b on.
 */
function sweep(
  A: Half,
  a0: number,
  a1: number,
  B: Half,
  b0: number,
  b1: number,
  need: number,
  histA: Float64Array,
  baseA: number,
  histB: Float64Array,
  baseB: number,
): number {
  const wA = A.weights;
  const wB = B.weights;
  let i = a1 - 1;
  let total = 0;
  for (let j = lowerBound(wB, b0, b1, need - wA[i]!); j < b1; j++) {
    const target = need - wB[j]!;
    while (i >= a0 && wA[i]! >= target) {
      histA[baseA + A.low[i]!]! += b1 - j;
      histA[baseA + A.high[i]!]! += b1 - j;
      i--;
    }
    const covering = a1 - 1 - i;
    total += covering;
    histB[baseB + B.low[j]!]! += covering;
    histB[baseB + B.high[j]!]! += covering;
  }
  return total;
}

/** Swings by size from the winning coalitions by size and, per member, those of them it belongs to. */
function swingsFrom(
  n: number,
  win: Float64Array,
  direct: Float64Array,
  histA: Float64Array,
  left: Half,
  histB: Float64Array,
  right: Half,
): SwingCounts {
  const withBySize = new Float64Array((n + 1) * n);
  for (let k = 0; k <= n; k++) {
    membersIn(histA, k * (2 << left.bits), left, withBySize, k * n);
    membersIn(histB, k * (2 << right.bits), right, withBySize, k * n);
  }
  const winning = Array.from(win, (x) => BigInt(x));
  const withOf = (i: number, k: number) => withBySize[k * n + i]! + direct[k * n + i]!;
  return {
    n,
    winningBySize: winning,
    // Coalitions of k others that lose without i but win with it: the winning (k+1)-coalitions containing i,
    // less the winning k-coalitions that do not contain it (monotone game).
    swingsBySize: Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, k) => BigInt(withOf(i, k + 1) - (win[k]! - withOf(i, k)))),
    ),
  };
}

/** out[at + player] = Σ of a histogram block over the cells whose mask part has that player's bit. */
function membersIn(hist: Float64Array, base: number, half: Half, out: Float64Array, at: number): void {
  const lowCells = 1 << half.bits;
  for (let j = 0; j < half.m; j++) {
    const inLow = j < half.bits;
    const bit = 1 << (inLow ? j : j - half.bits);
    const from = base + (inLow ? 0 : lowCells);
    let s = 0;
    for (let v = bit; v < lowCells; v = (v + 1) | bit) s += hist[from + v]!;
    out[at + half.members[j]!] = s;
  }
}

/**
 * All coalitions of a half, by size and then weight, built by merging: adding member j merges each list of size
 * k with the list of size k − 1 shifted by j's weight — linear work per member, no sorting.
 */
function halfOf(all: number[], players: number[]): Half {
  // Lightest first: the last merges, which do most of the work, then meet long runs from one side.
  const members = Int32Array.from(players).sort((a, b) => all[a]! - all[b]! || a - b);
  const weights = Array.from(members, (i) => all[i]!);
  const m = weights.length;
  const size = 2 ** m;
  let w = new Float64Array(size);
  let mask = new Int32Array(size);
  let w2 = new Float64Array(size);
  let mask2 = new Int32Array(size);
  let start = new Int32Array(m + 2);
  let next = new Int32Array(m + 2);
  start[1] = 1;
  const row = new Float64Array(m + 1); // C(j, k), Pascal's triangle row by row
  row[0] = 1;
  for (let j = 0; j < m; j++) {
    for (let k = j + 1; k > 0; k--) row[k]! += row[k - 1]!;
    for (let k = 0; k <= j + 1; k++) next[k + 1] = next[k]! + row[k]!;
    for (let k = 0; k <= j + 1; k++) {
      // Size k after adding j: the old size-k coalitions, and the old size-(k − 1) ones with j.
      const x = k <= j ? start[k]! : 0;
      const xEnd = k <= j ? start[k + 1]! : 0;
      const y = k > 0 ? start[k - 1]! : 0;
      const yEnd = k > 0 ? start[k]! : 0;
      mergeShifted(w, mask, x, xEnd, y, yEnd, weights[j]!, 1 << j, w2, mask2, next[k]!);
    }
    [w, w2] = [w2, w];
    [mask, mask2] = [mask2, mask];
    [start, next] = [next, start];
  }
  const bits = Math.ceil(m / 2);
  const low = new Int32Array(size);
  const high = new Int32Array(size);
  histogramCells(mask, bits, low, high);
  return { m, members, weights: w, low, high, start, bits };
}

/** Each mask's two histogram cells (a loop of its own, so that it is compiled early). */
function histogramCells(mask: Int32Array, bits: number, low: Int32Array, high: Int32Array): void {
  const lowMask = (1 << bits) - 1;
  const highBase = 1 << bits;
  for (let i = 0; i < mask.length; i++) {
    low[i] = mask[i]! & lowMask;
    high[i] = highBase + (mask[i]! >>> bits);
  }
}

/** Writes x..xEnd − 1 merged with y..yEnd − 1 shifted by weight `by` (and given bit `bit`) into `out` at `o`. */
function mergeShifted(
  w: Float64Array,
  mask: Int32Array,
  x: number,
  xEnd: number,
  y: number,
  yEnd: number,
  by: number,
  bit: number,
  outW: Float64Array,
  outMask: Int32Array,
  o: number,
): void {
  while (x < xEnd && y < yEnd) {
    const shifted = w[y]! + by;
    if (w[x]! <= shifted) {
      outW[o] = w[x]!;
      outMask[o++] = mask[x++]!;
    } else {
      outW[o] = shifted;
      outMask[o++] = mask[y++]! | bit;
    }
  }
  for (; x < xEnd; x++, o++) {
    outW[o] = w[x]!;
    outMask[o] = mask[x]!;
  }
  for (; y < yEnd; y++, o++) {
    outW[o] = w[y]! + by;
    outMask[o] = mask[y]! | bit;
  }
}

/** First index in from..to − 1 of a sorted array whose value is ≥ x (to if none). */
function lowerBound(a: Float64Array, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
