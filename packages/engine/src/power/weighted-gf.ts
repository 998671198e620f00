import { type Control, checkStop } from './counts.ts';
import { fromResidues, P1, P2 } from './residues.ts';

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
 * The same counts in exact doubles: the table of coalitions by exact weight (each entry < 2^53, checked), and
 * window sums accumulated in high and low 32-bit parts so that they stay exact however large they grow.
 * Returns null when an entry could exceed 2^53.
 */
function exactBySplitting(ws: number[], total: number, q: number, control?: Control): bigint[] | null {
  const m = ws.length;
  const R = tableRange(ws, total, q);
  const f = new Float64Array(R + 1);
  f[0] = 1;
  let reach = 0;
  for (const w of ws) {
    reach = Math.min(R, reach + w);
    for (let y = reach; y >= w; y--) f[y]! += f[y - w]!;
  }
  let max = 0;
  for (let y = 0; y <= R; y++) if (f[y]! > max) max = f[y]!;
  if (!(max < 2 ** 52)) return null;
  checkStop(control);
  // Exact Σ_{y ≤ x} arr[y]: a double collects entries (each below 2^52) and is flushed into a BigInt before it
  // could reach 2^53.
  const prefix = (arr: Float64Array, x: number): bigint => {
    let big = 0n;
    let part = 0;
    for (let y = 0; y <= x; y++) {
      part += arr[y]!;
      if (part >= 4503599627370496) {
        big += BigInt(part);
        part = 0;
      }
    }
    return big + BigInt(part);
  };
  const prefixes = (arr: Float64Array, points: number[]): bigint[] =>
    points.map((p) => (p < 0 ? 0n : prefix(arr, Math.min(p, R))));
  const atMost = (arr: Float64Array, x: number, rest: number, count: number): bigint => {
    if (x < 0) return 0n;
    if (x >= rest) return 1n << BigInt(count);
    if (x <= R) return prefixes(arr, [x])[0]!;
    return (1n << BigInt(count)) - prefixes(arr, [rest - x - 1])[0]!;
  };
  // Exact Σ_{lo ≤ y ≤ hi} arr[y] (the window of a swing is only as wide as the member's weight).
  const windowSum = (arr: Float64Array, lo: number, hi: number): bigint => {
    let big = 0n;
    let part = 0;
    for (let y = Math.max(0, lo); y <= hi; y++) {
      part += arr[y]!;
      if (part >= 4503599627370496) {
        big += BigInt(part);
        part = 0;
      }
    }
    return big + BigInt(part);
  };
  // Coalitions of the others weighing lo..hi, directly or as complements, whichever lies within the table.
  const between = (arr: Float64Array, lo: number, hi: number, rest: number, count: number): bigint => {
    const a = Math.max(0, lo);
    const b = Math.min(hi, rest);
    if (a > b) return 0n;
    if (b <= R) return windowSum(arr, a, b);
    if (rest - a <= R) return windowSum(arr, rest - b, rest - a);
    return atMost(arr, b, rest, count) - atMost(arr, a - 1, rest, count);
  };
  const out: bigint[] = [];
  const g = new Float64Array(R + 1);
  ws.forEach((w, j) => {
    const lim = Math.min(w, R + 1);
    for (let y = 0; y < lim; y++) g[y] = f[y]!;
    for (let y = w; y <= R; y++) g[y] = f[y]! - g[y - w]!;
    out.push(between(g, q - w, q - 1, total - w, m - 1));
    checkStop(control);
    control?.onProgress?.((j + 1) / m, 'generating function');
  });
  out.push((1n << BigInt(m)) - atMost(f, q - 1, total, m));
  return out;
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
