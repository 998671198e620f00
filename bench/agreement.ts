// Agreement between Concert and the peers: a speed figure means nothing unless both computed the same thing.
import { table } from './measure.ts';

export const TOLERANCE = 1e-9;

export interface Agreement {
  game: string;
  what: string;
  /** Largest absolute difference over players, or the number of players whose exact counts differ. */
  worst: string;
  ok: boolean;
}

/** Per-player values agree to TOLERANCE (absolute). */
export function compareValues(game: string, what: string, a: number[], b: number[]): Agreement {
  if (a.length !== b.length || a.length === 0)
    return { game, what, worst: `lengths ${a.length} vs ${b.length}`, ok: false };
  const worst = Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));
  return { game, what, worst: worst.toExponential(1), ok: worst <= TOLERANCE };
}

/** Exact swing counts agree player by player. */
export function compareSwings(game: string, what: string, a: bigint[], b: bigint[]): Agreement {
  if (a.length !== b.length || a.length === 0)
    return { game, what, worst: `lengths ${a.length} vs ${b.length}`, ok: false };
  const differing = a.filter((x, i) => x !== b[i]).length;
  return {
    game,
    what,
    worst: differing === 0 ? 'identical' : `${differing} players differ`,
    ok: differing === 0,
  };
}

/** p / q as a double, computed from the exact integers (both may exceed 2^53). */
export function exactRatio(p: bigint, q: bigint): number {
  if (q === 0n) return 0;
  const scale = 10n ** 30n;
  return Number((p * scale) / q) / 1e30;
}

/** Normalised Banzhaf index from exact swing counts. */
export function banzhafFromSwings(swings: bigint[]): number[] {
  const total = swings.reduce((a, b) => a + b, 0n);
  return swings.map((s) => exactRatio(s, total));
}

/** Penrose's absolute index: swings / 2^(n-1). */
export function absoluteFromSwings(swings: bigint[]): number[] {
  const coalitions = 2n ** BigInt(swings.length - 1);
  return swings.map((s) => exactRatio(s, coalitions));
}

/** Shapley–Shubik from swings by coalition size: Σ_c swings[c] · (c-1)!(n-c)! / n!, exactly. */
export function shapleyFromSwingsBySize(bySize: bigint[][]): number[] {
  const n = bySize.length;
  const fact = [1n];
  for (let k = 1; k <= n; k++) fact.push(fact[k - 1]! * BigInt(k));
  return bySize.map((row) => {
    let num = 0n;
    for (let c = 1; c <= n; c++) num += (row[c] ?? 0n) * fact[c - 1]! * fact[n - c]!;
    return exactRatio(num, fact[n]!);
  });
}

export function normalise(xs: number[]): number[] {
  const sum = xs.reduce((a, b) => a + b, 0);
  return xs.map((x) => x / sum);
}

export function agreementTable(rows: Agreement[]): string {
  return table(
    ['game', 'compared', 'worst difference', 'agrees'],
    rows.map((r) => [r.game, r.what, r.worst, r.ok ? 'yes' : '**NO**']),
  );
}
