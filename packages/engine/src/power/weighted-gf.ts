import { type Control, checkStop } from './counts.ts';

// Two primes just below 2^50 (see size-gf.ts).
const P1 = 1125899906842597;
const P2 = 1125899906842589;

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
): WeightedCounts {
  const active = weights.map((w, i) => [w, i] as const).filter(([w]) => w > 0);
  const zeros = weights.length - active.length;
  const ws = active.map(([w]) => w);
  const total = ws.reduce((a, b) => a + b, 0);
  const q = Math.max(0, quota);
  const m = ws.length;
  const exact = m <= 52;
  const mods = exact ? [null] : [P1, P2];
  const residues = mods.map((mod) => swingsMod(ws, total, q, mod, control));
  const combine = (k: number): bigint =>
    exact ? BigInt(residues[0]![k]!) : crt(residues[0]![k]!, residues[1]![k]!);
  const scale = 1n << BigInt(zeros);
  const swings = new Array<bigint>(weights.length).fill(0n);
  active.forEach(([, i], j) => {
    swings[i] = combine(j) * scale;
  });
  const winning = combine(m) * scale;
  return { swings, winning };
}

/** Swing counts per player (index j) and the winning count (index m), in doubles or modulo `mod`. */
function swingsMod(ws: number[], total: number, q: number, mod: number | null, control?: Control): number[] {
  const f = new Float64Array(total + 1);
  f[0] = 1;
  let reach = 0;
  for (const w of ws) {
    reach += w;
    if (mod === null) for (let y = reach; y >= w; y--) f[y]! += f[y - w]!;
    else {
      for (let y = reach; y >= w; y--) {
        const v = f[y]! + f[y - w]!;
        f[y] = v >= mod ? v - mod : v;
      }
    }
  }
  checkStop(control);
  const add = (a: number, b: number) => (mod === null ? a + b : (a + b) % mod);
  const sub = (a: number, b: number) => (mod === null ? a - b : (a - b + mod) % mod);
  let winning = 0;
  for (let y = Math.min(q, total + 1); y <= total; y++) winning = add(winning, f[y]!);
  const g = new Float64Array(total + 1);
  const out: number[] = [];
  ws.forEach((w, j) => {
    // g = f / (1 + y^w): coalitions without player j, by weight.
    for (let y = 0; y <= total; y++) g[y] = y >= w ? sub(f[y]!, g[y - w]!) : f[y]!;
    let s = 0;
    for (let y = Math.max(0, q - w); y < q && y <= total; y++) s = add(s, g[y]!);
    out.push(s);
    checkStop(control);
    control?.onProgress?.((j + 1) / ws.length, 'generating function');
  });
  out.push(winning);
  return out;
}

const B1 = BigInt(P1);
const B2 = BigInt(P2);

function crt(r1: number, r2: number): bigint {
  const inv = modInverse(B1 % B2, B2);
  const a = BigInt(r1);
  const t = (((BigInt(r2) - a) % B2) + B2) % B2;
  return a + B1 * ((t * inv) % B2);
}

function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [a, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const k = r0 / r1;
    [r0, r1] = [r1, r0 - k * r1];
    [s0, s1] = [s1, s0 - k * s1];
  }
  return ((s0 % m) + m) % m;
}
