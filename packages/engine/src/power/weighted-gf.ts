import { type Control, checkStop } from './counts.ts';
import { fromResidues, P1, P2, splitPrefixSums } from './residues.ts';

export interface WeightedCounts {
  /** Raw Banzhaf counts. */
  swings: bigint[];
  winning: bigint;
}

/**
 * Banzhaf swings of a one-weight game (win iff total weight ≥ quota) by the classic generating function
 * Π(1 + y^w_i) over weights only, with each player's factor divided out in O(W): n·W work instead of the n²·W
 * of counting by size, when Shapley–Shubik is not wanted. Zero-weight players are dummies and are taken out
 * first (each doubles every count). Exact: doubles while counts stay below 2^53, else two primes and the CRT.
 */
export function weightedGeneratingFunction(
  weights: number[],
  quota: number,
  control?: Control,
  forceModular = false,
): WeightedCounts {
  const active = weights.map((w, i) => [w, i] as const).filter(([w]) => w > 0);
  const zeros = weights.length - active.length;
  const ws = active.map(([w]) => w);
  const total = ws.reduce((a, b) => a + b, 0);
  const q = Math.max(0, quota);
  const m = ws.length;
  // Counts of coalitions of one exact weight stay far below 2^53 in practice; sums of them are kept exact in
  // two 32-bit halves. Only if a single entry could pass 2^53 do we fall back to two primes.
  const direct = forceModular ? null : exactBySplitting(ws, total, q, control);
  const combine = direct
    ? (k: number): bigint => direct[k]!
    : (() => {
        const r = [P1, P2].map((mod) => swingsMod(ws, total, q, mod, control));
        return (k: number): bigint => fromResidues(r[0]![k]!, r[1]![k]!);
      })();
  const scale = 1n << BigInt(zeros);
  const swings = new Array<bigint>(weights.length).fill(0n);
  active.forEach(([, i], j) => {
    swings[i] = combine(j) * scale;
  });
  return { swings, winning: combine(m) * scale };
}

/**
 * The same counts in exact doubles. The table f of coalitions by exact weight (each entry < 2^52, checked) is
 * built with the lightest players first, so that most passes only touch the few weights reached so far. A
 * swing then needs no table of its own: with g = f / (1 + y^w) (coalitions without the player), g[y] is the
 * alternating sum f[y] − f[y − w] + f[y − 2w] − …, so Σ_{y ≤ x} g[y] is an alternating sum of about x / w
 * prefix sums of f. Those prefix sums reach 2^57 and are kept in two exact parts, F = high · 2^32 + low.
 * Returns null when an entry could exceed 2^52.
 */
function exactBySplitting(ws: number[], total: number, q: number, control?: Control): bigint[] | null {
  const m = ws.length;
  const R = tableRange(ws, total, q);
  const f = coalitionsByWeight(ws, R, control);
  if (f === null) return null;
  checkStop(control);
  // Prefix sums, split; `low` reuses f's memory (f itself is not needed again).
  const high = new Float64Array(R + 1);
  const low = f;
  splitPrefixSums(f, 0, R + 1, high, low);
  // #{S : w(S) ≤ x} over the members other than one of weight w (w = 0: all members), `count` of them
  // weighing `rest` in all; above the table, from the complementary coalitions.
  const atMost = (x: number, w: number, rest: number, count: number): bigint => {
    if (x < 0) return 0n;
    if (x >= rest) return 1n << BigInt(count);
    if (x <= R) return alternatingPrefix(high, low, x, w);
    return (1n << BigInt(count)) - alternatingPrefix(high, low, rest - x - 1, w);
  };
  const out: bigint[] = [];
  ws.forEach((w, j) => {
    const rest = total - w;
    out.push(atMost(q - 1, w, rest, m - 1) - atMost(q - w - 1, w, rest, m - 1));
    if ((j & 7) === 7) checkStop(control);
    control?.onProgress?.((j + 1) / m, 'generating function');
  });
  out.push((1n << BigInt(m)) - atMost(q - 1, 0, total, m));
  return out;
}

/**
 * Coefficients 0..R of Π(1 + y^w), lightest factors first, or null if one could reach 2^52 (where sums of two
 * would stop being exact). Entries only grow as factors are multiplied in, so the final maximum bounds them all.
 */
function coalitionsByWeight(ws: number[], R: number, control?: Control): Float64Array | null {
  const f = new Float64Array(R + 1);
  f[0] = 1;
  let reach = 0;
  const ascending = [...ws].sort((a, b) => a - b);
  for (let j = 0; j < ascending.length; j++) {
    const w = ascending[j]!;
    reach = Math.min(R, reach + w);
    for (let y = reach; y >= w; y--) f[y]! += f[y - w]!;
    if ((j & 7) === 7) checkStop(control);
  }
  let max = 0;
  for (let y = 0; y <= R; y++) if (f[y]! > max) max = f[y]!;
  return max < 2 ** 52 ? f : null;
}

/**
 * Σ_{y ≤ x} g[y] for g = f / (1 + y^w), from f's prefix sums F = high · 2^32 + low:
 * F[x] − F[x − w] + F[x − 2w] − …  (w = 0: F[x] itself). The high parts telescope (their sum stays below
 * F[x] / 2^32); the low parts are flushed into a BigInt every 2^20 pairs, before they could pass 2^53.
 */
function alternatingPrefix(high: Float64Array, low: Float64Array, x: number, w: number): bigint {
  if (w === 0) return BigInt(high[x]!) * 4294967296n + BigInt(low[x]!);
  let sh = 0;
  let big = 0n;
  let y = x;
  const step = 2 * w;
  while (y >= w) {
    let sl = 0;
    const stop = Math.max(w - 1, y - step * 1048576);
    for (; y > stop; y -= step) {
      sh += high[y]! - high[y - w]!;
      sl += low[y]! - low[y - w]!;
    }
    big += BigInt(sl);
  }
  if (y >= 0) {
    sh += high[y]!;
    big += BigInt(low[y]!);
  }
  return BigInt(sh) * 4294967296n + big;
}

function tableRange(ws: number[], total: number, q: number): number {
  let R = 0;
  const need = (x: number, rest: number) => {
    if (x >= 0 && x < rest) R = Math.max(R, Math.min(x, rest - x - 1));
  };
  need(q - 1, total);
  for (const w of ws) {
    need(q - 1, total - w);
    need(q - w - 1, total - w);
  }
  return R;
}

/**
 * Swing counts per player (index j) and the winning count (index m), in doubles or modulo `mod`. Only weights up
 * to R = about min(q, W − q) are tabulated: a count above R is read from the complementary coalitions.
 */
function swingsMod(ws: number[], total: number, q: number, mod: number | null, control?: Control): number[] {
  const m = ws.length;
  const R = tableRange(ws, total, q);
  const P = mod ?? 0;
  const f = new Float64Array(R + 1);
  f[0] = 1;
  let reach = 0;
  for (const w of ws) {
    reach = Math.min(R, reach + w);
    if (mod === null) for (let y = reach; y >= w; y--) f[y]! += f[y - w]!;
    else {
      for (let y = reach; y >= w; y--) {
        const v = f[y]! + f[y - w]!;
        f[y] = v >= P ? v - P : v;
      }
    }
  }
  checkStop(control);
  const full = (count: number): number => (mod === null ? 2 ** count : powMod(count, P));
  const minus = (a: number, b: number) => (mod === null ? a - b : a - b < 0 ? a - b + P : a - b);
  const plus = (a: number, b: number) => (mod === null ? a + b : a + b >= P ? a + b - P : a + b);
  const prefix = (arr: Float64Array, x: number) => {
    let s = 0;
    for (let y = 0; y <= x; y++) s = plus(s, arr[y]!);
    return s;
  };
  // #{S : w(S) ≤ x} over a table `arr` of members weighing `rest` in all, `count` members.
  const atMost = (x: number, rest: number, count: number, pre: (x: number) => number) => {
    if (x < 0) return 0;
    if (x >= rest) return full(count);
    if (x <= R) return pre(x);
    return minus(full(count), pre(rest - x - 1));
  };
  const winning = minus(
    full(m),
    atMost(q - 1, total, m, (x) => prefix(f, x)),
  );
  const g = new Float64Array(R + 1);
  const cum = new Float64Array(R + 1);
  const out: number[] = [];
  ws.forEach((w, j) => {
    // g = f / (1 + y^w): coalitions without player j, by weight; then its running sums. Hot loops, inlined.
    const lim = Math.min(w, R + 1);
    for (let y = 0; y < lim; y++) g[y] = f[y]!;
    if (mod === null) for (let y = w; y <= R; y++) g[y] = f[y]! - g[y - w]!;
    else {
      for (let y = w; y <= R; y++) {
        const v = f[y]! - g[y - w]!;
        g[y] = v < 0 ? v + P : v;
      }
    }
    let run = 0;
    if (mod === null) {
      for (let y = 0; y <= R; y++) {
        run += g[y]!;
        cum[y] = run;
      }
    } else {
      for (let y = 0; y <= R; y++) {
        run += g[y]!;
        if (run >= P) run -= P;
        cum[y] = run;
      }
    }
    const pre = (x: number) => cum[x]!;
    const rest = total - w;
    out.push(minus(atMost(q - 1, rest, m - 1, pre), atMost(q - w - 1, rest, m - 1, pre)));
    checkStop(control);
    control?.onProgress?.((j + 1) / ws.length, 'generating function');
  });
  out.push(winning);
  return out;
}

/** 2^e modulo p, by doubling (each step stays below 2^51). */
function powMod(e: number, p: number): number {
  let r = 1 % p;
  for (let i = 0; i < e; i++) {
    r += r;
    if (r >= p) r -= p;
  }
  return r;
}
