import { binomials, type Control, checkStop, type SwingCounts } from './counts.ts';
import type { ThresholdForm } from './game.ts';
import { fromResidues, P1, P2, splitPrefixSums } from './residues.ts';

const EXACT = 2 ** 53;

/**
 * Exact swing counts by coalition size for a game in threshold form, by a generating function in size and
 * weight, P(z, y) = Π (1 + z·y^w_i), kept as prefix sums F[k][x] = #{S : |S| = k, w(S) ≤ x} for x ≤ R. Counts
 * excluding a player come from dividing out its factor (an alternating sum), and counts above R from the
 * complementary coalition, so R never needs to exceed half the total weight. Doubles hold the table exactly
 * when every count of one size and one exact weight stays below 2^53 (prefix sums above 2^53 are split in two
 * parts); otherwise it is computed modulo two primes and rebuilt by the CRT.
 */
export function sizeGeneratingFunction(
  form: ThresholdForm,
  control?: Control,
  forceModular = false,
): SwingCounts {
  const R = rangeNeeded(form);
  const exact = forceModular ? null : exactLookup(form, R, control);
  const lookup = exact ?? makeLookup([buildTable(form, R, P1, control), buildTable(form, R, P2, control)], R);
  return countsFrom(form, R, lookup, control);
}

/**
 * F[k][x] exactly from one table in doubles, or null when a count of coalitions of one size and one exact
 * weight reaches 2^53. Prefix sums stay in place while they fit (always, up to 56 players); above, they are
 * kept in two parts, F = high · 2^32 + low, so counts up to 2^64 need one table of doubles and one of high
 * parts instead of two tables modulo primes.
 */
function exactLookup(form: ThresholdForm, R: number, control?: Control): Lookup | null {
  const n = form.weights.length;
  const width = R + 1;
  const f = coalitionTable(form, R, null, control);
  let max = 0;
  for (let i = 0; i < f.length; i++) if (f[i]! > max) max = f[i]!;
  if (!(max < EXACT)) return null;
  const rowSums = Array.from({ length: n + 1 }, (_, k) => {
    let s = 0;
    for (let y = k * width; y < (k + 1) * width; y++) s += f[y]!;
    return s;
  });
  if (Math.max(...rowSums) < EXACT) {
    prefixSums(f, n, width, null);
    return makeLookup([f], R);
  }
  const high = new Float64Array(f.length);
  for (let k = 0; k <= n; k++) {
    splitPrefixSums(f, k * width, (k + 1) * width, high, f);
  }
  return (k, x) => {
    if (x < 0) return 0n;
    const at = k * width + Math.min(x, R);
    return BigInt(high[at]!) * 4294967296n + BigInt(f[at]!);
  };
}

/** Memory the method needs, in bytes, so callers can choose another method before running out. */
export function sizeGfBytes(form: ThresholdForm): number {
  const n = form.weights.length;
  // Above 56 players prefix sums can pass 2^53: a second table (high parts, or two residue tables).
  return (n + 1) * (rangeNeeded(form) + 1) * 8 * (n > 56 ? 3 : 1);
}

/** Work units (table cells updated), for choosing a method and estimating time. */
export function sizeGfWork(form: ThresholdForm): number {
  const n = form.weights.length;
  return (n * n * (rangeNeeded(form) + 1)) / 2;
}

/** The largest x for which F[k][x] must be looked up directly (others come from complements). */
export function rangeNeeded(form: ThresholdForm): number {
  const { weights, minWeight, total } = form;
  const n = weights.length;
  let R = 0;
  const need = (x: number, rest: number) => {
    if (!Number.isFinite(x) || x < 0) return;
    R = Math.max(R, Math.min(x, rest - x - 1));
  };
  for (let k = 0; k <= n; k++) need(minWeight[k]! - 1, total);
  for (const w of new Set(weights)) {
    for (let k = 0; k < n; k++) {
      if (!Number.isFinite(minWeight[k + 1]!)) continue;
      need(minWeight[k]! - 1, total - w);
      need(Math.max(0, minWeight[k + 1]! - w) - 1, total - w);
    }
  }
  return Math.max(0, R);
}

/** F[k][x] for x ≤ R as one flat array (row k at k·(R+1)), in exact doubles or modulo `mod`. */
export function buildTable(
  form: ThresholdForm,
  R: number,
  mod: number | null,
  control?: Control,
): Float64Array {
  const f = coalitionTable(form, R, mod, control);
  prefixSums(f, form.weights.length, R + 1, mod);
  return f;
}

/** Coalitions by size k and exact weight y ≤ R (row k at k·(R+1)), lightest players first. */
function coalitionTable(form: ThresholdForm, R: number, mod: number | null, control?: Control): Float64Array {
  const n = form.weights.length;
  const width = R + 1;
  const f = new Float64Array((n + 1) * width);
  f[0] = 1;
  const order = form.weights.map((w, i) => [w, i] as const).sort((a, b) => a[0] - b[0]);
  // light[k]: the k lightest players' weight. After m players (lightest first), k of them weigh between
  // light[k] and light[m] − light[m − k]: only that band of row k can be non-zero, so only it is updated.
  const light = [0];
  for (const [w] of order) light.push(light[light.length - 1]! + w);
  let reach = 0;
  order.forEach(([w], m) => {
    checkStop(control);
    reach = Math.min(R, reach + w);
    for (let k = m; k >= 0; k--) {
      const src = k * width;
      const dst = (k + 1) * width;
      const top = Math.min(reach, light[m]! - light[m - k]! + w);
      const bottom = light[k]! + w;
      if (mod === null) for (let y = top; y >= bottom; y--) f[dst + y]! += f[src + y - w]!;
      else {
        for (let y = top; y >= bottom; y--) {
          const v = f[dst + y]! + f[src + y - w]!;
          f[dst + y] = v >= mod ? v - mod : v;
        }
      }
    }
    control?.onProgress?.(((m + 1) * (m + 2)) / ((n + 1) * (n + 2)), 'generating function');
  });
  return f;
}

/** Each row's running sums, in place. */
function prefixSums(f: Float64Array, n: number, width: number, mod: number | null): void {
  for (let k = 0; k <= n; k++) {
    const row = k * width;
    for (let y = 1; y < width; y++) {
      const v = f[row + y]! + f[row + y - 1]!;
      f[row + y] = mod !== null && v >= mod ? v - mod : v;
    }
  }
}

type Lookup = (k: number, x: number) => bigint;

/** F[k][x] as an exact BigInt (x ≤ R), from one exact table or two residue tables. */
function makeLookup(tables: Float64Array[], R: number): Lookup {
  const width = R + 1;
  if (tables.length === 1) {
    const t = tables[0]!;
    return (k, x) => (x < 0 ? 0n : BigInt(t[k * width + Math.min(x, R)]!));
  }
  const [a, b] = tables as [Float64Array, Float64Array];
  return (k, x) => (x < 0 ? 0n : fromResidues(a[k * width + x]!, b[k * width + x]!));
}

function countsFrom(form: ThresholdForm, R: number, F: Lookup, control?: Control): SwingCounts {
  const { weights, minWeight, total } = form;
  const n = weights.length;
  const cN = binomials(n);
  const cN1 = binomials(n - 1);
  // #{S ⊆ N, |S| = k, w(S) ≤ x}, directly or through the complement.
  const G = (k: number, x: number): bigint => {
    if (x < 0 || k < 0 || k > n) return 0n;
    if (!Number.isFinite(x) || x >= total) return cN[k]!;
    if (x <= R) return F(k, x);
    return cN[k]! - F(n - k, total - x - 1);
  };
  // The same, excluding player i, by dividing its factor out of the generating function.
  const Gi = (w: number, k: number, x: number): bigint => {
    if (x < 0 || k < 0 || k > n - 1) return 0n;
    if (!Number.isFinite(x) || x >= total - w) return cN1[k]!;
    if (x <= R) return divided(w, k, x);
    return cN1[k]! - divided(w, n - 1 - k, total - w - x - 1);
  };
  const divided = (w: number, k: number, x: number): bigint => {
    let sum = 0n;
    for (let j = 0; j <= k && x - j * w >= 0; j++) sum += (j % 2 === 0 ? 1n : -1n) * F(k - j, x - j * w);
    return sum;
  };
  const winningBySize = cN.map((c, k) => c - G(k, minWeight[k]! - 1));
  const cache = new Map<number, bigint[]>();
  const swingsBySize = weights.map((w) => {
    checkStop(control);
    const known = cache.get(w);
    if (known) return known;
    const row = Array.from({ length: n }, (_, k) => {
      if (!Number.isFinite(minWeight[k + 1]!)) return 0n;
      const lo = Math.max(0, minWeight[k + 1]! - w);
      const hi = minWeight[k]! - 1;
      return lo > hi ? 0n : Gi(w, k, hi) - Gi(w, k, lo - 1);
    });
    cache.set(w, row);
    return row;
  });
  return { n, swingsBySize, winningBySize };
}
