import { describe, expect, it } from 'vitest';
import { randomFor } from './random.ts';

describe('randomFor', () => {
  it('gives the same stream for the same seed and run, and different streams otherwise', () => {
    const take = (seed: number, run: number) => {
      const r = randomFor(seed, run);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(take(1, 0)).toEqual(take(1, 0));
    expect(take(1, 0)).not.toEqual(take(1, 1));
    expect(take(1, 0)).not.toEqual(take(2, 0));
  });

  it('is uniform on [0, 1): mean, bounds and deciles of 100,000 draws', () => {
    const r = randomFor(42, 7);
    const deciles = new Array(10).fill(0);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
      deciles[Math.floor(x * 10)]++;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
    for (const d of deciles) expect(Math.abs(d - 10_000)).toBeLessThan(500);
  });

  it('draws standard normals: mean 0, variance 1, and 97.5% below 1.96', () => {
    const r = randomFor(3, 1);
    let sum = 0;
    let squares = 0;
    let below = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      sum += x;
      squares += x * x;
      if (x < 1.96) below++;
    }
    expect(sum / n).toBeCloseTo(0, 1);
    expect(squares / n).toBeCloseTo(1, 1);
    expect(below / n).toBeCloseTo(0.975, 2);
  });
});
