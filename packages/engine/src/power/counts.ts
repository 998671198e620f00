/**
 * The exact counts every index is computed from. For each player i and size k: the coalitions of k other
 * members that lose without i and win with i (swings), and per size the number of winning coalitions.
 */
export interface SwingCounts {
  n: number;
  /** swingsBySize[i][k], k = 0..n-1. */
  swingsBySize: bigint[][];
  /** winningBySize[k], k = 0..n. */
  winningBySize: bigint[];
}

/** Progress and cancellation, passed into long computations (pure: no timers, no I/O). */
export interface Control {
  onProgress?: (fraction: number, stage: string) => void;
  /** Checked between units of work; when it returns a reason, the computation stops with a CancelledError. */
  shouldStop?: () => string | null;
}

export class CancelledError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'CancelledError';
  }
}

export function checkStop(control: Control | undefined): void {
  const reason = control?.shouldStop?.();
  if (reason) throw new CancelledError(reason);
}

/** Binomial coefficients C(n, k) as BigInt, k = 0..n. */
export function binomials(n: number): bigint[] {
  const row: bigint[] = [1n];
  for (let k = 1; k <= n; k++) row.push((row[k - 1]! * BigInt(n - k + 1)) / BigInt(k));
  return row;
}
