import { type Control, checkStop, type SwingCounts } from './counts.ts';
import type { LinearForm } from './linear.ts';

export const MAX_ENUMERATE = 30;

/**
 * Exhaustive enumeration of all 2^n coalitions in Gray-code order (one member joins or leaves per step). Per
 * size it counts winning coalitions and, through byte histograms of the winning yes-sets, how many contain
 * each member; swings follow exactly, since in a monotone game a member's swings of size k are the winning
 * (k+1)-coalitions with it minus the winning k-coalitions without it.
 */
export function enumerateCoalitions(form: LinearForm, control?: Control): SwingCounts {
  const { n } = form;
  if (n > MAX_ENUMERATE) throw new RangeError(`enumeration is limited to ${MAX_ENUMERATE} players`);
  const bytes = Math.ceil(n / 8) || 1;
  const hist = new Float64Array((n + 1) * bytes * 256);
  const winBySize = new Float64Array(n + 1);
  const sums = new Float64Array(form.leaves.length);
  const total = 2 ** n;
  let mask = 0;
  let size = 0;
  const record = () => {
    if (!form.wins(sums)) return;
    winBySize[size]!++;
    const base = size * bytes * 256;
    for (let b = 0, m = mask; b < bytes; b++, m >>>= 8) hist[base + b * 256 + (m & 255)]!++;
  };
  record();
  const chunk = 1 << 18;
  for (let g = 1; g < total; g++) {
    const bit = 31 - Math.clz32(g & -g);
    const joining = ((mask >>> bit) & 1) === 0;
    mask ^= 1 << bit;
    size += joining ? 1 : -1;
    for (const t of form.touches[bit]!) sums[t.leaf]! += joining ? t.coef : -t.coef;
    record();
    if ((g & (chunk - 1)) === 0) {
      checkStop(control);
      control?.onProgress?.(g / total, 'enumerating coalitions');
    }
  }
  return countsFromHistograms(n, bytes, hist, winBySize);
}

function countsFromHistograms(
  n: number,
  bytes: number,
  hist: Float64Array,
  winBySize: Float64Array,
): SwingCounts {
  const withBySize = Array.from({ length: n }, (_, i) => {
    const byte = i >> 3;
    const bit = 1 << (i & 7);
    return Array.from({ length: n + 1 }, (_, k) => {
      let c = 0;
      const base = (k * bytes + byte) * 256;
      for (let v = 0; v < 256; v++) if (v & bit) c += hist[base + v]!;
      return BigInt(c);
    });
  });
  const win = Array.from(winBySize, (x) => BigInt(x));
  return {
    n,
    winningBySize: win,
    swingsBySize: withBySize.map((w) => Array.from({ length: n }, (_, k) => w[k + 1]! - (win[k]! - w[k]!))),
  };
}
