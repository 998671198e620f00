import { type Control, checkStop } from './counts.ts';
import type { LinearForm } from './linear.ts';

export interface MonteCarloResult {
  banzhafAbsolute: number[];
  shapley: number[];
  passProbability: number;
  samples: number;
  /** Half-width of a 99% confidence interval, the largest over all reported estimates. */
  errorBound: number;
}

/**
 * Estimates by sampling, for games too large for any exact method: random yes-sets (each member yes with
 * probability ½) for Banzhaf and passage, random orders of arrival for Shapley–Shubik. A seeded generator
 * makes every run reproducible.
 */
export function monteCarlo(
  form: LinearForm,
  samples: number,
  seed: number,
  control?: Control,
): MonteCarloResult {
  const { n } = form;
  const rand = mulberry32(seed);
  const sums = new Float64Array(form.leaves.length);
  const inS = new Uint8Array(n);
  const swings = new Float64Array(n);
  const pivots = new Float64Array(n);
  let passes = 0;
  const toggle = (i: number, on: boolean) => {
    for (const t of form.touches[i]!) sums[t.leaf]! += on ? t.coef : -t.coef;
  };
  const order = Array.from({ length: n }, (_, i) => i);
  for (let s = 0; s < samples; s++) {
    sums.fill(0);
    for (let i = 0; i < n; i++) {
      inS[i] = rand() < 0.5 ? 1 : 0;
      if (inS[i]) toggle(i, true);
    }
    const wins = form.wins(sums);
    if (wins) passes++;
    for (let i = 0; i < n; i++) {
      toggle(i, !inS[i]);
      const flipped = form.wins(sums);
      toggle(i, !!inS[i]);
      if (flipped !== wins) swings[i]!++;
    }
    shuffle(order, rand);
    sums.fill(0);
    for (const i of order) {
      toggle(i, true);
      if (form.wins(sums)) {
        pivots[i]!++;
        break;
      }
    }
    if ((s & 4095) === 0) {
      checkStop(control);
      control?.onProgress?.(s / samples, 'sampling');
    }
  }
  const z = 2.576;
  const half = (p: number) => z * Math.sqrt(Math.max(p * (1 - p), 0.25 / samples) / samples);
  const banzhafAbsolute = Array.from(swings, (x) => x / samples);
  const shapley = Array.from(pivots, (x) => x / samples);
  const passProbability = passes / samples;
  const errorBound = Math.max(half(passProbability), ...banzhafAbsolute.map(half), ...shapley.map(half));
  return { banzhafAbsolute, shapley, passProbability, samples, errorBound };
}

function shuffle(a: number[], rand: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
}

/** A small, fast, seedable generator (Mulberry32); quality is ample for these estimates. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
