import { type Control, checkStop, type SwingCounts } from './counts.ts';
import type { ThresholdForm } from './game.ts';

export const MAX_MITM = 36;

interface HalfList {
  /** Weights ascending, and the coalition (bit mask over the half) at each position. */
  weights: Float64Array;
  masks: Int32Array;
}

/**
 * Meet in the middle for threshold-form games whose weights are too large for a generating function (e.g.
 * populations counted in persons). Both halves' coalitions are grouped by size and sorted by weight; for each
 * pair of sizes one sweep with two pointers finds, for every left coalition, where its winning partners begin.
 * Members are credited through histograms of the coalitions' bit masks (byte by byte), so no step loops over
 * members.
 */
export function meetInTheMiddle(form: ThresholdForm, control?: Control): SwingCounts {
  const n = form.weights.length;
  if (n > MAX_MITM) throw new RangeError(`meet in the middle is limited to ${MAX_MITM} players`);
  const h = Math.floor(n / 2);
  const nb = n - h;
  const left = halfLists(form.weights.slice(0, h));
  const right = halfLists(form.weights.slice(h));
  const winBySize = new Float64Array(n + 1);
  const bytesA = Math.ceil(h / 8) || 1;
  const bytesB = Math.ceil(nb / 8) || 1;
  // histA[k][byte][value]: summed over left coalitions a (by mask byte) of the partners a wins with, total size k.
  const histA = new Float64Array((n + 1) * bytesA * 256);
  const histB = new Float64Array((n + 1) * bytesB * 256);
  for (let ka = 0; ka <= h; ka++) {
    checkStop(control);
    const A = left[ka]!;
    for (let kb = 0; kb <= nb; kb++) {
      const need = form.minWeight[ka + kb]!;
      if (!Number.isFinite(need)) continue;
      const B = right[kb]!;
      const k = ka + kb;
      // starts[p]: how many left coalitions have their first winning partner at position p of B.
      const starts = new Float64Array(B.weights.length + 1);
      let pos = B.weights.length;
      let total = 0;
      for (let i = A.weights.length - 1; i >= 0; i--) {
        // Lighter left coalitions need heavier partners: the pointer only moves right as i decreases.
        const target = need - A.weights[i]!;
        while (pos > 0 && B.weights[pos - 1]! >= target) pos--;
        let p = pos;
        while (p < B.weights.length && B.weights[p]! < target) p++;
        pos = p;
        const cnt = B.weights.length - p;
        if (cnt === 0) continue;
        total += cnt;
        starts[p]!++;
        addMask(histA, (k * bytesA) << 8, A.masks[i]!, bytesA, cnt);
      }
      winBySize[k]! += total;
      let covering = 0;
      for (let p = 0; p < B.weights.length; p++) {
        covering += starts[p]!;
        if (covering > 0) addMask(histB, (k * bytesB) << 8, B.masks[p]!, bytesB, covering);
      }
    }
    control?.onProgress?.((ka + 1) / (h + 1), 'meet in the middle');
  }
  const withBySize = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n + 1 }, (_, k) =>
      i < h ? fromHist(histA, bytesA, k, i) : fromHist(histB, bytesB, k, i - h),
    ),
  );
  const win = Array.from(winBySize, (x) => BigInt(x));
  return {
    n,
    winningBySize: win,
    swingsBySize: withBySize.map((w) => Array.from({ length: n }, (_, k) => w[k + 1]! - (win[k]! - w[k]!))),
  };
}

function addMask(hist: Float64Array, base: number, mask: number, bytes: number, amount: number): void {
  for (let b = 0, m = mask; b < bytes; b++, m >>>= 8) hist[base + (b << 8) + (m & 255)]! += amount;
}

/** Σ of the histogram over mask bytes with member `j`'s bit set: the winning coalitions of size k with j. */
function fromHist(hist: Float64Array, bytes: number, k: number, j: number): bigint {
  const base = ((k * bytes + (j >> 3)) << 8) >>> 0;
  const bit = 1 << (j & 7);
  let s = 0;
  for (let v = 0; v < 256; v++) if (v & bit) s += hist[base + v]!;
  return BigInt(s);
}

/**
 * All coalitions of a half, grouped by size and sorted by weight, built by merging: adding member j merges
 * each list of size k, shifted by j's weight, into the list of size k + 1 — linear work, no sorting.
 */
function halfLists(weights: number[]): HalfList[] {
  const m = weights.length;
  let lists: HalfList[] = Array.from({ length: m + 1 }, (_, k) =>
    k === 0
      ? { weights: Float64Array.of(0), masks: Int32Array.of(0) }
      : { weights: new Float64Array(0), masks: new Int32Array(0) },
  );
  weights.forEach((w, j) => {
    const next = lists.slice();
    for (let k = 0; k <= j; k++) next[k + 1] = merge(lists[k + 1]!, lists[k]!, w, 1 << j);
    lists = next;
  });
  return lists;
}

/** Merges `a` with `b` shifted by weight w and mask bit `bit`, keeping the order by weight. */
function merge(a: HalfList, b: HalfList, w: number, bit: number): HalfList {
  const na = a.weights.length;
  const nb = b.weights.length;
  const weights = new Float64Array(na + nb);
  const masks = new Int32Array(na + nb);
  let i = 0;
  let j = 0;
  for (let o = 0; o < na + nb; o++) {
    if (j >= nb || (i < na && a.weights[i]! <= b.weights[j]! + w)) {
      weights[o] = a.weights[i]!;
      masks[o] = a.masks[i++]!;
    } else {
      weights[o] = b.weights[j]! + w;
      masks[o] = b.masks[j++]! | bit;
    }
  }
  return { weights, masks };
}
