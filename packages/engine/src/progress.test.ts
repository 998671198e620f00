import { expect, it } from 'vitest';
import { throttleProgress } from './progress.ts';

it('passes the first report, at most one per interval after it, and always the last', () => {
  let now = 0;
  const seen: number[] = [];
  const report = throttleProgress(
    (f) => seen.push(f),
    100,
    () => now,
  );
  for (const [t, f] of [
    [0, 0.1],
    [50, 0.2],
    [100, 0.3],
    [150, 0.4],
    [160, 1],
  ] as const) {
    now = t;
    report(f, 'stage');
  }
  expect(seen).toEqual([0.1, 0.3, 1]);
});
