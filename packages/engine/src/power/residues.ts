// Exact counting beyond 2^53 with doubles: work modulo two primes just below 2^50 (sums of two residues stay
// below 2^51, exact in doubles) and rebuild the integer by the Chinese remainder theorem.

export const P1 = 1125899906842597;
export const P2 = 1125899906842589;

const B1 = BigInt(P1);
const B2 = BigInt(P2);
const INV = modInverse(B1 % B2, B2);

/** The integer below P1·P2 (about 2^100) with residues r1 mod P1 and r2 mod P2. */
export function fromResidues(r1: number, r2: number): bigint {
  const a = BigInt(r1);
  const t = (((BigInt(r2) - a) % B2) + B2) % B2;
  return a + B1 * ((t * INV) % B2);
}

function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [a, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}

/** First index of a sorted array whose value is ≥ x. */
export function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const TWO32 = 4294967296;

/**
 * Running sums of values[from..to) kept exact past 2^53 in two parts, sum = high · 2^32 + low (each part stays
 * far below 2^53). `low` may be `values` itself: each value is read before its cell is overwritten.
 */
export function splitPrefixSums(
  values: Float64Array,
  from: number,
  to: number,
  high: Float64Array,
  low: Float64Array,
): void {
  let h = 0;
  let l = 0;
  for (let y = from; y < to; y++) {
    const v = values[y]!;
    const vh = Math.floor(v / TWO32);
    h += vh;
    l += v - vh * TWO32;
    if (l >= TWO32) {
      l -= TWO32;
      h += 1;
    }
    high[y] = h;
    low[y] = l;
  }
}
