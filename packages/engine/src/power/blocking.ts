import { binomials, type SwingCounts } from './counts.ts';
import type { PowerGame, ThresholdForm } from './game.ts';
import { linearForm } from './linear.ts';
import { mulberry32 } from './montecarlo.ts';

export interface CoalitionList {
  /** Size of the smallest such coalitions (null when there are none). */
  size: number | null;
  /** False when no exact counts were available and the size comes from a bounded search (an upper bound). */
  proven: boolean;
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
  countMinimal = true,
): BlockingReport {
  const n = game.ids.length;
  const linear = linearForm(game.rule, n);
  const sums = new Float64Array(linear.leaves.length);
  const win = (set: Set<number>) => {
    sums.fill(0);
    for (const i of set) for (const t of linear.touches[i]!) sums[t.leaf]! += t.coef;
    return linear.wins(sums);
  };
  let proven = counts !== null;
  const search = (k: number, ok: (s: Set<number>) => boolean) => {
    const r = anyOfSize(n, k, ok);
    if (!r.complete) proven = false;
    return r.found;
  };
  const all = new Set(game.ids.map((_, i) => i));
  const passAlone = game.ids.filter((_, i) => win(new Set([i])));
  const blockAlone = game.ids.filter((_, i) => {
    const others = new Set(all);
    others.delete(i);
    return !win(others);
  });
  const c = binomials(n);
  const top = form ? prefixOfHeaviest(form.weights) : null;
  if (form && !counts) proven = true;
  const winningSize = counts
    ? firstIndex(counts.winningBySize, (x) => x > 0n)
    : top && form
      ? smallestBy(n, (k) => top[k]! >= form.minWeight[k]!)
      : smallestBy(n, (k) => search(k, win));
  const losingOfSize = (k: number) => (counts ? c[k]! - counts.winningBySize[k]! : null);
  const blockingSize = counts
    ? firstIndex(
        Array.from({ length: n + 1 }, (_, b) => c[n - b]! - counts.winningBySize[n - b]!),
        (x) => x > 0n,
      )
    : top && form
      ? smallestBy(n, (b) => top[b]! > form.total - form.minWeight[n - b]!)
      : smallestBy(n, (b) => search(n - b, (s) => !win(s)));
  return {
    passAlone,
    blockAlone,
    smallestWinning: {
      size: winningSize,
      proven,
      count: winningSize === null || !counts ? null : counts.winningBySize[winningSize]!,
      examples: winningSize === null ? [] : listOfSize(game, form, winningSize, limit, win, false),
    },
    smallestBlocking: {
      size: blockingSize,
      proven,
      count: blockingSize === null ? null : losingOfSize(n - blockingSize),
      examples: blockingSize === null ? [] : listOfSize(game, form, blockingSize, limit, win, true),
    },
    minimalWinning: form && countMinimal ? minimalWinningCount(form) : null,
  };
}

/** top[k]: the largest total weight any k members can have. */
function prefixOfHeaviest(weights: number[]): number[] {
  const sorted = [...weights].sort((a, b) => b - a);
  const top = [0];
  for (const w of sorted) top.push(top[top.length - 1]! + w);
  return top;
}

function firstIndex<T>(list: T[], ok: (x: T) => boolean): number | null {
  const i = list.findIndex(ok);
  return i < 0 ? null : i;
}

function smallestBy(n: number, exists: (k: number) => boolean): number | null {
  for (let k = 0; k <= n; k++) if (exists(k)) return k;
  return null;
}

/** Whether some coalition of size k satisfies `ok`, and whether the search was complete (it is bounded). */
function anyOfSize(
  n: number,
  k: number,
  ok: (s: Set<number>) => boolean,
): { found: boolean; complete: boolean } {
  let found = false;
  let budget = 20_000;
  let complete = true;
  combos(n, k, (s) => {
    if (ok(s)) found = true;
    if (--budget <= 0 && !found) complete = false;
    return found || budget <= 0;
  });
  return { found, complete: found || complete };
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
  if (form) return listThreshold(game, form, k, limit, blocking);
  const weights = game.population ?? game.ids.map(() => 0);
  const order = game.ids.map((_, i) => i).sort((a, b) => weights[b]! - weights[a]! || a - b);
  const found: string[][] = [];
  const ok = (set: Set<number>) =>
    blocking ? !win(new Set(game.ids.map((_, i) => i).filter((i) => !set.has(i)))) : win(set);
  // A complete search when there are few coalitions of size k; otherwise a short one, then trimming.
  let budget = binomials(n)[k]! <= 50_000n ? 50_000 : 5_000;
  combos(n, k, (picked) => {
    const set = new Set([...picked].map((p) => order[p]!));
    if (ok(set)) found.push([...set].map((i) => game.ids[i]!));
    return found.length >= limit || --budget <= 0;
  });
  if (found.length < limit) found.push(...trimmedToSize(game, weights, k, limit - found.length, ok, found));
  return found;
}

/**
 * Coalitions of k members with the property (winning, or blocking), found by trimming the whole membership:
 * members leave one at a time, lightest first with seeded random swaps, unless their leaving would lose the
 * property. In a monotone game this ends at a minimal such coalition, often of the smallest size; it finds
 * examples where the lexicographic search above runs out of budget (e.g. 32 of 48 members, many criteria).
 */
function trimmedToSize(
  game: PowerGame,
  weights: number[],
  k: number,
  limit: number,
  ok: (s: Set<number>) => boolean,
  known: string[][],
): string[][] {
  const n = game.ids.length;
  const all = new Set(game.ids.map((_, i) => i));
  if (!ok(all)) return [];
  const seen = new Set(known.map((c) => [...c].sort().join(',')));
  const out: string[][] = [];
  const rand = mulberry32(k + 1);
  const base = game.ids.map((_, i) => i).sort((a, b) => weights[a]! - weights[b]! || a - b);
  for (let attempt = 0; attempt < 200 && out.length < limit; attempt++) {
    const order = [...base];
    for (let s = 0; s < attempt % 8; s++) {
      const i = Math.floor(rand() * n);
      const j = Math.min(n - 1, i + 1 + Math.floor(rand() * 4));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const set = new Set(all);
    for (const i of order) {
      if (set.size === k) break;
      set.delete(i);
      if (!ok(set)) set.add(i);
    }
    if (set.size !== k) continue;
    const ids = [...set].sort((a, b) => weights[b]! - weights[a]! || a - b).map((i) => game.ids[i]!);
    const key = [...ids].sort().join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(ids);
  }
  return out;
}

/**
 * Smallest winning (or blocking) coalitions of a threshold-form game by depth-first search over members in
 * decreasing weight, cutting branches that can no longer reach (or stay under) the threshold.
 */
function listThreshold(
  game: PowerGame,
  form: ThresholdForm,
  k: number,
  limit: number,
  blocking: boolean,
): string[][] {
  const n = form.weights.length;
  const order = form.weights.map((_, i) => i).sort((a, b) => form.weights[b]! - form.weights[a]! || a - b);
  const w = order.map((i) => form.weights[i]!);
  // Blocking sets B of size k: the others (n − k members) must lose, i.e. w(B) > total − minWeight[n − k].
  const need = blocking ? form.total - form.minWeight[n - k]! + 1 : form.minWeight[k]!;
  const suffixTop = (from: number, count: number) => w.slice(from, from + count).reduce((a, b) => a + b, 0);
  const found: string[][] = [];
  const chosen: number[] = [];
  let budget = 200_000;
  const dfs = (from: number, sum: number): void => {
    if (found.length >= limit || --budget <= 0) return;
    if (chosen.length === k) {
      if (sum >= need) found.push(chosen.map((p) => game.ids[order[p]!]!));
      return;
    }
    for (let p = from; p <= n - (k - chosen.length); p++) {
      // The heaviest completion from here must still reach the bound.
      if (sum + suffixTop(p, k - chosen.length) < need) return;
      chosen.push(p);
      dfs(p + 1, sum + w[p]!);
      chosen.pop();
      if (found.length >= limit) return;
    }
  };
  if (Number.isFinite(need) || need === Number.NEGATIVE_INFINITY) dfs(0, 0);
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
export function minimalWinningCount(form: ThresholdForm, maxWork = 400_000_000): bigint | null {
  const n = form.weights.length;
  const finite = form.minWeight.filter((t) => Number.isFinite(t));
  const cap = Math.max(0, ...finite);
  // Doubles count exactly only while C(n, k) < 2^53; the table costs about n²·cap/2 updates.
  if (form.minWeight[0] === 0 && n <= 56) return 1n; // the empty coalition wins, and is the only minimal one
  if (n <= 52 && form.minWeight.every((t) => t === cap) && n * (cap + 1) <= maxWork)
    return minimalWinningWeighted(form, cap);
  if (n > 56 || ((n + 1) * (n + 1) * (cap + 2)) / 2 > maxWork) return null;
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

/**
 * The same count for a one-weight game (one quota t for every size): no table by size is needed. A ∪ {i}, with
 * i lighter than every member of A, is minimal winning iff t − w_i ≤ w(A) ≤ t − 1, so only weights below t are
 * kept. Up to 52 players every count and every window sum stays below 2^52, exact in doubles.
 */
function minimalWinningWeighted(form: ThresholdForm, t: number): bigint {
  const f = new Float64Array(t);
  if (t > 0) f[0] = 1;
  const order = form.weights.map((w, i) => [w, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let total = 0;
  let reach = 0;
  for (const [w] of order) {
    // Coalitions of heavier members weighing t − w … t − 1 (the table holds weights 0 … t − 1).
    for (let y = Math.max(0, t - w); y <= Math.min(reach, t - 1); y++) total += f[y]!;
    reach = Math.min(t - 1, reach + w);
    if (w > 0) for (let y = reach; y >= w; y--) f[y]! += f[y - w]!;
    else for (let y = reach; y >= 0; y--) f[y]! += f[y]!;
  }
  return BigInt(total);
}
