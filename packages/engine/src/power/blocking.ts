import { passes } from '../rules/evaluate.ts';
import type { Vote } from '../rules/types.ts';
import { binomials, type SwingCounts } from './counts.ts';
import type { PowerGame, ThresholdForm } from './game.ts';

export interface CoalitionList {
  /** Size of the smallest such coalitions (null when there are none). */
  size: number | null;
  /** How many coalitions of that size there are (exact, when counts are exact). */
  count: bigint | null;
  /** Some of them, up to the limit asked for. */
  examples: string[][];
}

export interface BlockingReport {
  /** Members who can pass a motion on their own votes alone. */
  passAlone: string[];
  /** Members whose single no defeats a motion everyone else supports. */
  blockAlone: string[];
  smallestWinning: CoalitionList;
  smallestBlocking: CoalitionList;
  /** Number of minimal winning coalitions (every member decisive), when computed. */
  minimalWinning: bigint | null;
}

/** Who can pass or block alone, and the smallest winning and blocking coalitions, counted and listed. */
export function blockingReport(
  game: PowerGame,
  counts: SwingCounts | null,
  form: ThresholdForm | null,
  limit = 5,
): BlockingReport {
  const n = game.ids.length;
  const win = (set: Set<number>) =>
    passes(
      game.rule,
      game.ids.map((_, i) => (set.has(i) ? 'yes' : 'no') as Vote),
    );
  const all = new Set(game.ids.map((_, i) => i));
  const passAlone = game.ids.filter((_, i) => win(new Set([i])));
  const blockAlone = game.ids.filter((_, i) => {
    const others = new Set(all);
    others.delete(i);
    return !win(others);
  });
  const c = binomials(n);
  const winningSize = counts
    ? firstIndex(counts.winningBySize, (x) => x > 0n)
    : smallestBy(n, (k) => anyOfSize(n, k, win));
  const losingOfSize = (k: number) => (counts ? c[k]! - counts.winningBySize[k]! : null);
  const blockingSize = counts
    ? firstIndex(
        Array.from({ length: n + 1 }, (_, b) => c[n - b]! - counts.winningBySize[n - b]!),
        (x) => x > 0n,
      )
    : smallestBy(n, (b) => anyOfSize(n, n - b, (s) => !win(s)));
  return {
    passAlone,
    blockAlone,
    smallestWinning: {
      size: winningSize,
      count: winningSize === null || !counts ? null : counts.winningBySize[winningSize]!,
      examples: winningSize === null ? [] : listOfSize(game, form, winningSize, limit, win, false),
    },
    smallestBlocking: {
      size: blockingSize,
      count: blockingSize === null ? null : losingOfSize(n - blockingSize),
      examples: blockingSize === null ? [] : listOfSize(game, form, blockingSize, limit, win, true),
    },
    minimalWinning: form ? minimalWinningCount(form) : null,
  };
}

function firstIndex<T>(list: T[], ok: (x: T) => boolean): number | null {
  const i = list.findIndex(ok);
  return i < 0 ? null : i;
}

function smallestBy(n: number, exists: (k: number) => boolean): number | null {
  for (let k = 0; k <= n; k++) if (exists(k)) return k;
  return null;
}

/** Whether some coalition of size k satisfies `ok` (bounded search; used only when no exact counts exist). */
function anyOfSize(n: number, k: number, ok: (s: Set<number>) => boolean): boolean {
  let found = false;
  let budget = 200_000;
  combos(n, k, (s) => {
    if (ok(s)) found = true;
    return found || --budget <= 0;
  });
  return found;
}

/** Up to `limit` smallest winning (or blocking) coalitions, heaviest members first. */
function listOfSize(
  game: PowerGame,
  form: ThresholdForm | null,
  k: number,
  limit: number,
  win: (s: Set<number>) => boolean,
  blocking: boolean,
): string[][] {
  const n = game.ids.length;
  const weights = form?.weights ?? game.population ?? game.ids.map(() => 0);
  const order = game.ids.map((_, i) => i).sort((a, b) => weights[b]! - weights[a]! || a - b);
  const found: string[][] = [];
  let budget = 500_000;
  combos(n, k, (picked) => {
    const set = new Set([...picked].map((p) => order[p]!));
    const ok = blocking ? !win(new Set(game.ids.map((_, i) => i).filter((i) => !set.has(i)))) : win(set);
    if (ok) found.push([...set].map((i) => game.ids[i]!));
    return found.length >= limit || --budget <= 0;
  });
  return found;
}

/** Visits k-subsets of 0..n−1 in lexicographic order until the visitor returns true. */
function combos(n: number, k: number, visit: (s: Set<number>) => boolean): void {
  const idx = Array.from({ length: k }, (_, i) => i);
  if (k > n) return;
  while (true) {
    if (visit(new Set(idx))) return;
    let j = k - 1;
    while (j >= 0 && idx[j] === n - k + j) j--;
    if (j < 0) return;
    idx[j]!++;
    for (let m = j + 1; m < k; m++) idx[m] = idx[m - 1]! + 1;
  }
}

/**
 * Minimal winning coalitions of a threshold-form game: S wins and S without its lightest member loses (removing
 * any member lowers the size by one, and the lightest lowers the weight least). Counted with a dense table over
 * weights below the largest threshold, players added heaviest first; null when that table would be too large.
 */
export function minimalWinningCount(form: ThresholdForm, maxCells = 60_000_000): bigint | null {
  const n = form.weights.length;
  const finite = form.minWeight.filter((t) => Number.isFinite(t));
  const cap = Math.max(0, ...finite);
  // Doubles count exactly only while C(n, k) < 2^53.
  if (n > 56 || (n + 1) * (cap + 2) > maxCells) return null;
  if (form.minWeight[0] === 0) return 1n; // the empty coalition wins, and is the only minimal one
  // Weights are kept up to `cap`; bucket cap+1 holds every heavier coalition (all of which weigh "enough").
  const width = cap + 2;
  const f = new Float64Array((n + 1) * width);
  f[0] = 1;
  const order = form.weights.map((w, i) => [w, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let total = 0n;
  order.forEach(([w], m) => {
    // Coalitions A of heavier members with A ∪ {this} winning and A losing: this is A ∪ {this}'s lightest.
    for (let k = 0; k <= m; k++) {
      const tk1 = form.minWeight[k + 1]!;
      if (!Number.isFinite(tk1)) continue;
      const tk = form.minWeight[k]!;
      const lo = Math.max(0, tk1 - w);
      const hi = Number.isFinite(tk) ? Math.min(cap + 1, tk - 1) : cap + 1;
      let sum = 0;
      for (let y = lo; y <= hi; y++) sum += f[k * width + y]!;
      total += BigInt(sum);
    }
    for (let k = m; k >= 0; k--) {
      for (let y = cap + 1; y >= 0; y--) {
        const v = f[k * width + y]!;
        if (v !== 0) f[(k + 1) * width + Math.min(cap + 1, y + w)]! += v;
      }
    }
  });
  return total;
}
