import { type Control, checkStop } from './counts.ts';
import { MAX_ENUMERATE } from './enumerate.ts';
import type { PowerGame, ThresholdForm } from './game.ts';
import { thresholdForm } from './game.ts';
import { linearForm } from './linear.ts';
import { MAX_MITM } from './mitm.ts';
import { mulberry32 } from './montecarlo.ts';

export interface PassProbability {
  probability: number;
  method: 'weight-distribution' | 'meet-in-the-middle' | 'enumeration' | 'monte-carlo';
  exact: boolean;
  errorBound: number;
}

/**
 * The probability that a motion passes when each member votes yes independently with its own probability —
 * exactly, by the distribution of the yes-side's size and weight, by meet-in-the-middle, or by enumeration;
 * estimated by sampling only when none fits.
 */
export function passProbability(
  game: PowerGame,
  p: number[],
  control?: Control,
  maxCells = 80_000_000,
): PassProbability {
  const n = game.ids.length;
  if (p.length !== n || p.some((x) => !(x >= 0 && x <= 1)))
    throw new RangeError('one probability in [0, 1] per member');
  const form = thresholdForm(game.rule, n);
  if (form) {
    const cap = Math.max(0, ...form.minWeight.filter(Number.isFinite));
    if ((n + 1) * (cap + 2) <= maxCells)
      return exact(byDistribution(form, p, cap, control), 'weight-distribution');
    if (n <= MAX_MITM) return exact(byHalves(form, p), 'meet-in-the-middle');
  }
  if (n <= 24) return exact(byEnumeration(game, p, control), 'enumeration');
  return bySampling(game, p, 400_000, control);
}

function exact(probability: number, method: PassProbability['method']): PassProbability {
  return { probability, method, exact: true, errorBound: 0 };
}

/** Distribution of (size, weight) of the yes-side, weights above the largest threshold pooled. */
function byDistribution(form: ThresholdForm, p: number[], cap: number, control?: Control): number {
  const n = p.length;
  const width = cap + 2;
  const f = new Float64Array((n + 1) * width);
  f[0] = 1;
  form.weights.forEach((w, i) => {
    checkStop(control);
    const yes = p[i]!;
    for (let k = i; k >= 0; k--) {
      for (let y = cap + 1; y >= 0; y--) {
        const v = f[k * width + y]!;
        if (v === 0) continue;
        f[(k + 1) * width + Math.min(cap + 1, y + w)]! += v * yes;
        f[k * width + y] = v * (1 - yes);
      }
    }
  });
  let total = 0;
  for (let k = 0; k <= n; k++) {
    const t = form.minWeight[k]!;
    if (!Number.isFinite(t)) continue;
    for (let y = Math.min(t, cap + 1); y <= cap + 1; y++) total += f[k * width + y]!;
  }
  return total;
}

function byHalves(form: ThresholdForm, p: number[]): number {
  const n = p.length;
  const h = Math.floor(n / 2);
  const half = (from: number, to: number) => {
    const m = to - from;
    const bySize: { w: number; pr: number }[][] = Array.from({ length: m + 1 }, () => []);
    for (let mask = 0; mask < 2 ** m; mask++) {
      let w = 0;
      let k = 0;
      let pr = 1;
      for (let j = 0; j < m; j++) {
        const yes = (mask >>> j) & 1;
        pr *= yes ? p[from + j]! : 1 - p[from + j]!;
        if (yes) {
          w += form.weights[from + j]!;
          k++;
        }
      }
      bySize[k]!.push({ w, pr });
    }
    return bySize;
  };
  const left = half(0, h);
  const right = half(h, n).map((list) => {
    list.sort((a, b) => a.w - b.w);
    const suffix = new Float64Array(list.length + 1);
    for (let i = list.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + list[i]!.pr;
    return { weights: list.map((e) => e.w), suffix };
  });
  let total = 0;
  left.forEach((list, ka) => {
    for (const a of list) {
      right.forEach((r, kb) => {
        const t = form.minWeight[ka + kb]!;
        if (!Number.isFinite(t)) return;
        let lo = 0;
        let hi = r.weights.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (r.weights[mid]! < t - a.w) lo = mid + 1;
          else hi = mid;
        }
        total += a.pr * r.suffix[lo]!;
      });
    }
  });
  return total;
}

function byEnumeration(game: PowerGame, p: number[], control?: Control): number {
  const n = game.ids.length;
  if (n > MAX_ENUMERATE) throw new RangeError('too many members to enumerate');
  const form = linearForm(game.rule, n);
  const sums = new Float64Array(form.leaves.length);
  let total = 0;
  for (let mask = 0; mask < 2 ** n; mask++) {
    sums.fill(0);
    let pr = 1;
    for (let i = 0; i < n; i++) {
      const yes = (mask >>> i) & 1;
      pr *= yes ? p[i]! : 1 - p[i]!;
      if (yes) for (const t of form.touches[i]!) sums[t.leaf]! += t.coef;
    }
    if (pr > 0 && form.wins(sums)) total += pr;
    if ((mask & 65535) === 0) checkStop(control);
  }
  return total;
}

function bySampling(game: PowerGame, p: number[], samples: number, control?: Control): PassProbability {
  const n = game.ids.length;
  const form = linearForm(game.rule, n);
  const rand = mulberry32(7);
  const sums = new Float64Array(form.leaves.length);
  let passes = 0;
  for (let s = 0; s < samples; s++) {
    sums.fill(0);
    for (let i = 0; i < n; i++) if (rand() < p[i]!) for (const t of form.touches[i]!) sums[t.leaf]! += t.coef;
    if (form.wins(sums)) passes++;
    if ((s & 4095) === 0) checkStop(control);
  }
  const q = passes / samples;
  return {
    probability: q,
    method: 'monte-carlo',
    exact: false,
    errorBound: 2.576 * Math.sqrt(Math.max(q * (1 - q), 0.25 / samples) / samples),
  };
}
