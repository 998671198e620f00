import { type Control, checkStop, type SwingCounts } from './counts.ts';
import type { ThresholdForm } from './game.ts';
import { lowerBound } from './residues.ts';

export const MAX_MITM = 36;

/**
 * Meet in the middle for threshold-form games whose weights are too large for a generating function (e.g.
 * populations counted in persons): the members split in two halves; one half's coalitions are grouped by size
 * and sorted by weight, so each coalition of the other half finds its winning partners by binary search. With
 * per-member suffix counts over the sorted lists, every member's winning coalitions by size are exact.
 */
export function meetInTheMiddle(form: ThresholdForm, control?: Control): SwingCounts {
  const n = form.weights.length;
  if (n > MAX_MITM) throw new RangeError(`meet in the middle is limited to ${MAX_MITM} players`);
  const h = Math.floor(n / 2);
  const right = halfLists(form.weights.slice(h), h);
  const nb = n - h;
  const winBySize = new Float64Array(n + 1);
  const withBySize = Array.from({ length: n }, () => new Float64Array(n + 1));
  const leftCount = 2 ** h;
  for (let mask = 0; mask < leftCount; mask++) {
    let wa = 0;
    let ka = 0;
    for (let i = 0; i < h; i++)
      if ((mask >>> i) & 1) {
        wa += form.weights[i]!;
        ka++;
      }
    for (let kb = 0; kb <= nb; kb++) {
      const list = right[kb]!;
      const need = form.minWeight[ka + kb]!;
      if (!Number.isFinite(need)) continue;
      const pos = lowerBound(list.weights, need - wa);
      const cnt = list.weights.length - pos;
      if (cnt === 0) continue;
      const k = ka + kb;
      winBySize[k]! += cnt;
      for (let i = 0; i < h; i++) if ((mask >>> i) & 1) withBySize[i]![k]! += cnt;
      for (let j = 0; j < nb; j++) withBySize[h + j]![k]! += list.suffix[j]![pos]!;
    }
    if ((mask & 1023) === 0) {
      checkStop(control);
      control?.onProgress?.(mask / leftCount, 'meet in the middle');
    }
  }
  const win = Array.from(winBySize, (x) => BigInt(x));
  const withB = withBySize.map((row) => Array.from(row, (x) => BigInt(x)));
  return {
    n,
    winningBySize: win,
    swingsBySize: withB.map((w) => Array.from({ length: n }, (_, k) => w[k + 1]! - (win[k]! - w[k]!))),
  };
}

interface HalfList {
  weights: Float64Array;
  /** suffix[j][p]: how many of the coalitions at positions ≥ p contain member j of this half. */
  suffix: Int32Array[];
}

function halfLists(weights: number[], _offset: number): HalfList[] {
  const m = weights.length;
  const bySize: { w: number; mask: number }[][] = Array.from({ length: m + 1 }, () => []);
  for (let mask = 0; mask < 2 ** m; mask++) {
    let w = 0;
    let k = 0;
    for (let j = 0; j < m; j++)
      if ((mask >>> j) & 1) {
        w += weights[j]!;
        k++;
      }
    bySize[k]!.push({ w, mask });
  }
  return bySize.map((entries) => {
    entries.sort((a, b) => a.w - b.w);
    const suffix = Array.from({ length: m }, (_, j) => {
      const s = new Int32Array(entries.length + 1);
      for (let p = entries.length - 1; p >= 0; p--) s[p] = s[p + 1]! + ((entries[p]!.mask >>> j) & 1);
      return s;
    });
    return { weights: Float64Array.from(entries, (e) => e.w), suffix };
  });
}
