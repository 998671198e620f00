import { type Control, checkStop, type SwingCounts } from './counts.ts';
import type { KeyedForm } from './keyed.ts';
import { lowerBound } from './residues.ts';

export const MAX_KEYED_MITM = 32;

interface Bucket {
  key: Int32Array;
  size: number;
  /** Big weights, ascending, and the coalition (bit mask over the half) at each position. */
  weights: Float64Array;
  masks: Int32Array;
  /** hits[ka][p]: how many left coalitions of size ka start counting at position p. */
  hits: Float64Array[];
}

/**
 * Meet in the middle for keyed-form games: the right half's coalitions are bucketed by key and sorted by big
 * weight; each left coalition, for each right bucket, finds by binary search where winning partners begin.
 * Right-half members are credited afterwards from per-position hit counts, so each pair costs one search.
 */
export function keyedMeetInTheMiddle(form: KeyedForm, control?: Control): SwingCounts {
  const { n } = form;
  if (n > MAX_KEYED_MITM)
    throw new RangeError(`keyed meet in the middle is limited to ${MAX_KEYED_MITM} players`);
  const h = Math.floor(n / 2);
  const nb = n - h;
  const D = form.dims.length;
  const buckets = rightBuckets(form, h, nb, D);
  const winBySize = new Float64Array(n + 1);
  const withBySize = Array.from({ length: n }, () => new Float64Array(n + 1));
  const combined = new Int32Array(D);
  const perSize = new Float64Array(n + 1);
  const leftCount = 2 ** h;
  for (let mask = 0; mask < leftCount; mask++) {
    let wa = 0;
    let ka = 0;
    const keyA = new Int32Array(D);
    for (let i = 0; i < h; i++) {
      if (!((mask >>> i) & 1)) continue;
      wa += form.big[i]!;
      ka++;
      for (let d = 0; d < D; d++) keyA[d]! += form.dims[d]![i]!;
    }
    perSize.fill(0);
    for (const b of buckets) {
      for (let d = 0; d < D; d++) combined[d] = keyA[d]! + b.key[d]!;
      const t = form.threshold(combined);
      if (!Number.isFinite(t)) continue;
      const pos = lowerBound(b.weights, t - wa);
      const cnt = b.weights.length - pos;
      if (cnt === 0) continue;
      const k = ka + b.size;
      winBySize[k]! += cnt;
      perSize[k]! += cnt;
      b.hits[ka]![pos]!++;
    }
    for (let i = 0; i < h; i++)
      if ((mask >>> i) & 1) for (let k = 0; k <= n; k++) withBySize[i]![k]! += perSize[k]!;
    if ((mask & 255) === 0) {
      checkStop(control);
      control?.onProgress?.(mask / leftCount, 'meet in the middle');
    }
  }
  creditRight(buckets, withBySize, h, nb);
  const win = Array.from(winBySize, (x) => BigInt(x));
  const withB = withBySize.map((row) => Array.from(row, (x) => BigInt(x)));
  return {
    n,
    winningBySize: win,
    swingsBySize: withB.map((w) => Array.from({ length: n }, (_, k) => w[k + 1]! - (win[k]! - w[k]!))),
  };
}

function rightBuckets(form: KeyedForm, h: number, nb: number, D: number): Bucket[] {
  const groups = new Map<string, { key: Int32Array; size: number; entries: { w: number; mask: number }[] }>();
  for (let mask = 0; mask < 2 ** nb; mask++) {
    const key = new Int32Array(D);
    let w = 0;
    let size = 0;
    for (let j = 0; j < nb; j++) {
      if (!((mask >>> j) & 1)) continue;
      w += form.big[h + j]!;
      size++;
      for (let d = 0; d < D; d++) key[d]! += form.dims[d]![h + j]!;
    }
    const id = `${size}:${key.join(',')}`;
    let g = groups.get(id);
    if (!g) {
      g = { key, size, entries: [] };
      groups.set(id, g);
    }
    g.entries.push({ w, mask });
  }
  return [...groups.values()].map((g) => {
    g.entries.sort((a, b) => a.w - b.w);
    return {
      key: g.key,
      size: g.size,
      weights: Float64Array.from(g.entries, (e) => e.w),
      masks: Int32Array.from(g.entries, (e) => e.mask),
      hits: Array.from({ length: h + 1 }, () => new Float64Array(g.entries.length + 1)),
    };
  });
}

/** A left coalition that starts at position p wins with every right coalition at p or later. */
function creditRight(buckets: Bucket[], withBySize: Float64Array[], h: number, nb: number): void {
  for (const b of buckets) {
    for (let ka = 0; ka <= h; ka++) {
      const hits = b.hits[ka]!;
      let covering = 0;
      for (let p = 0; p < b.weights.length; p++) {
        covering += hits[p]!;
        if (covering === 0) continue;
        const m = b.masks[p]!;
        for (let j = 0; j < nb; j++) if ((m >>> j) & 1) withBySize[h + j]![ka + b.size]! += covering;
      }
    }
  }
}
