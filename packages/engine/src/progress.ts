/** A long computation's report: the fraction done (0–1) and what it is doing. */
export type ProgressListener = (fraction: number, stage: string) => void;

/**
 * Passes on at most one report per `ms`, and always the last (fraction 1): the engines report far more often than
 * a progress bar can show or a message channel should carry. `clock` is injectable for tests.
 */
export function throttleProgress(
  listener: ProgressListener,
  ms = 100,
  clock: () => number = () => performance.now(),
): ProgressListener {
  let last = Number.NEGATIVE_INFINITY;
  return (fraction, stage) => {
    const now = clock();
    if (now - last < ms && fraction < 1) return;
    last = now;
    listener(fraction, stage);
  };
}
