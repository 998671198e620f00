import type { SwingCounts } from './counts.ts';

export interface PlayerIndices {
  /** Raw Banzhaf count: coalitions of the others in which this player is decisive (exact). */
  swings: bigint;
  /** Penrose–Banzhaf absolute index: swings / 2^(n−1), the chance of being decisive when all vote at random. */
  banzhafAbsolute: number;
  /** Normalised Banzhaf index (sums to 1 over players). */
  banzhaf: number;
  /** Shapley–Shubik index (sums to 1). */
  shapley: number;
  /** Coleman's power to prevent action: swings / winning coalitions. */
  colemanPrevent: number;
  /** Coleman's power to initiate action: swings / losing coalitions. */
  colemanInitiate: number;
}

export interface GameIndices {
  players: PlayerIndices[];
  winning: bigint;
  total: bigint;
  /** Coleman's power of the collectivity to act: winning / all coalitions = P(pass) when all vote at random. */
  passProbability: number;
}

/** Every index from the exact swing counts; ratios of BigInts are formed exactly before the final division. */
export function indicesFrom(counts: SwingCounts): GameIndices {
  const { n, swingsBySize, winningBySize } = counts;
  const winning = winningBySize.reduce((a, b) => a + b, 0n);
  const total = 1n << BigInt(n);
  const losing = total - winning;
  const swings = swingsBySize.map((row) => row.reduce((a, b) => a + b, 0n));
  const swingSum = swings.reduce((a, b) => a + b, 0n);
  const shapleyWeights = shapleyCoefficients(n);
  const players = swings.map((s, i) => ({
    swings: s,
    banzhafAbsolute: ratio(s, 1n << BigInt(Math.max(0, n - 1))),
    banzhaf: swingSum === 0n ? 0 : ratio(s, swingSum),
    shapley: shapleyOf(swingsBySize[i]!, shapleyWeights),
    colemanPrevent: winning === 0n ? 0 : ratio(s, winning),
    colemanInitiate: losing === 0n ? 0 : ratio(s, losing),
  }));
  return { players, winning, total, passProbability: ratio(winning, total) };
}

/** Exact quotient of two BigInts as the nearest double. */
export function ratio(a: bigint, b: bigint): number {
  if (b === 0n) return Number.NaN;
  const scale = 10n ** 18n;
  return Number((a * scale) / b) / 1e18;
}

/** k!(n−k−1)!/n! as exact fractions over n!, for k = 0..n−1. */
function shapleyCoefficients(n: number): { num: bigint[]; den: bigint } {
  const fact = [1n];
  for (let i = 1; i <= n; i++) fact.push(fact[i - 1]! * BigInt(i));
  return { num: Array.from({ length: n }, (_, k) => fact[k]! * fact[n - k - 1]!), den: fact[n]! };
}

function shapleyOf(row: bigint[], c: { num: bigint[]; den: bigint }): number {
  let sum = 0n;
  row.forEach((s, k) => {
    sum += s * c.num[k]!;
  });
  return ratio(sum, c.den);
}
