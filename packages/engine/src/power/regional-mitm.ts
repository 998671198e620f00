import { type Control, checkStop, type SwingCounts } from './counts.ts';
import type { HeavySet, Layout, RegionalPlan } from './regional-plan.ts';
import {
  addCredits,
  addToTable,
  classFails,
  creditFrom,
  cumulate,
  fillTable,
  firstSizes,
  groupByTau,
  type Histogram,
  histogram,
  lowerBound,
  type Subsets,
  subsets,
} from './regional-tables.ts';

/**
 * Exact counts for regional-form games. For each heavy yes-set L the light members must add `need` big
 * weight, `minLight` members, and meet all but `fails` of their groups' thresholds `tau`. The light members
 * are split into sides A and B by whole groups, and the winning coalitions are counted twice:
 *
 * 1. per L, for every coalition b of side B, by one look-up in a table over side A (coalitions a by failed
 *    groups, big weight at least p, and size), giving each L's and each b's winning coalitions by size;
 * 2. per bundle of heavy sets that differ only in side B's thresholds and big weight, for every a, by one
 *    look-up in a table over the bundle's pairs (L, b), their big weights added, giving each a's.
 *
 * Heavy sets whose big-weight need any large enough light coalition meets ("free") need no weights: their
 * look-ups depend on a coalition's class and size only, and are done once per class. Members are credited
 * from the per-coalition counts through byte histograms of the bit masks (as in enumerate.ts), heavy members
 * from the per-L counts. Tables and credits are Uint32 (no cell exceeds 2^31, checked by the plan); sums
 * are doubles, exact below 2^53.
 */
export function regionalCounts(plan: RegionalPlan, control?: Control): SwingCounts {
  const { form, live, bundles, sides, minSize, slots } = plan;
  const n = form.n;
  const [A, B] = sides;
  const a = subsets(form, A);
  const b = subsets(form, B);
  const creditB = new Uint32Array(slots * b.big.length);
  const perSet = new Map<HeavySet, Float64Array>();
  const isFree = new Map(live.map((s, i) => [s, plan.free[i]!]));
  const total = live.length + bundles.length;
  let done = 0;
  const step = (count: number, stage: string) => {
    checkStop(control);
    done += count;
    control?.onProgress?.(done / total, stage);
  };
  const [layoutA, layoutB] = plan.layouts;
  const tableA = new Uint32Array(layoutA.cells);
  const byClassB = new Float64Array(b.classes * slots);
  for (const sets of plan.byTauA) {
    const priced = sets.filter((s) => !isFree.get(s));
    // Rows no look-up reaches are left out: below the least need less B's total, above the greatest need.
    const needs = priced.map((s) => s.need);
    const lo = priced.length < sets.length ? 0 : Math.max(0, Math.min(...needs) - B.total);
    const hi = Math.min(layoutA.rows - 1, Math.max(0, ...needs));
    fillTable(tableA, a, classFails(A, sets[0]!.tau), layoutA, lo, hi);
    const counts = passOverB(priced, tableA, layoutA, b, creditB, plan);
    priced.forEach((s, l) => {
      perSet.set(s, counts.subarray(l * slots, (l + 1) * slots));
    });
    for (const s of sets.filter((x) => isFree.get(x)))
      perSet.set(s, freeOverB(s, tableA, layoutA, b, byClassB, plan));
    step(sets.length, 'heavy yes-sets');
  }
  spreadByClass(byClassB, b, creditB, slots);
  const byClassA = new Float64Array(a.classes * slots);
  // Priced bundles by their least need: an a is too light for a bundle until its weight reaches that less
  // B's total, so the bundles an a can win with are a prefix that grows as a gets heavier.
  const leastNeed = (bundle: HeavySet[]) => Math.min(...bundle.map((s) => s.need));
  const priced = bundles
    .filter((bundle) => bundle.some((s) => !isFree.get(s)))
    .sort((x, y) => leastNeed(x) - leastNeed(y));
  for (const bundle of bundles.filter((x) => !priced.includes(x))) {
    freeOverA(bundle, b, a, byClassA, plan);
    step(1, 'bundles of heavy yes-sets');
  }
  // Every priced bundle's table at once, so each a is visited once and credited straight to the histogram.
  const tablesB = new Uint32Array(layoutB.cells * priced.length);
  const lows = Int32Array.from(priced, (bundle) =>
    Math.max(0, Math.min(...bundle.map((s) => A.total - s.need))),
  );
  priced.forEach((bundle, j) => {
    const table = tablesB.subarray(j * layoutB.cells, (j + 1) * layoutB.cells);
    const lo = lows[j]!;
    // The array is new: its rows start at zero.
    const hi = layoutB.rows - 1;
    // Pair (L, b) sits at row w(L) + w(b) − (bigNeed − A's total): a's query row is A's total − w(a).
    for (const sets of groupByTau(bundle, B)) {
      const shifts = Int32Array.from(sets, (s) => A.total - s.need);
      addToTable(table, b, classFails(B, sets[0]!.tau), layoutB, shifts, lo, hi);
    }
    cumulate(table, layoutB, lo, hi);
    step(0, 'bundles of heavy yes-sets');
  });
  const histA = histogram(A.members.length, slots);
  // Pass 2 is one sweep of side A: it checks for a stop and reports progress every 2^16 coalitions.
  const sweep = (fraction: number) => {
    checkStop(control);
    control?.onProgress?.((done + fraction * priced.length) / total, 'bundles of heavy yes-sets');
  };
  passOverA(priced, lows, tablesB, layoutB, a, byClassA, histA, plan, sweep);
  step(priced.length, 'bundles of heavy yes-sets');
  const win = new Float64Array(n + 1);
  const withBySize = Array.from({ length: n }, () => new Float64Array(n + 1));
  for (const s of live) {
    const w = perSet.get(s)!;
    for (let k = 0; k < slots; k++) {
      if (w[k] === 0) continue;
      win[minSize + k]! += w[k]!;
      form.heavy.forEach((p, bit) => {
        if ((s.mask >>> bit) & 1) withBySize[p]![minSize + k]! += w[k]!;
      });
    }
  }
  const totalWin = win.reduce((x, y) => x + y, 0);
  const sumA = creditFrom(histA, A.members, minSize, withBySize);
  const histB = histogram(B.members.length, slots);
  addCredits(histB, b.mask, creditB);
  const sumB = creditFrom(histB, B.members, minSize, withBySize);
  if (sumA !== totalWin || sumB !== totalWin)
    throw new Error(`regional meet in the middle: passes disagree (${totalWin}, ${sumA}, ${sumB})`);
  const winBig = Array.from(win, (x) => BigInt(x));
  return {
    n,
    winningBySize: winBig,
    swingsBySize: withBySize.map((row) => {
      const w = Array.from(row, (x) => BigInt(x));
      return Array.from({ length: n }, (_, k) => w[k + 1]! - (winBig[k]! - w[k]!));
    }),
  };
}

/**
 * Pass 1 for heavy sets sharing side A's thresholds (and so one table): for every b, one look-up per heavy
 * set gives its winning partners a by size; b's credits are summed locally and written once.
 */
function passOverB(
  sets: HeavySet[],
  table: Uint32Array,
  t: Layout,
  b: Subsets,
  credit: Uint32Array,
  plan: RegionalPlan,
): Float64Array {
  const A = plan.sides[0];
  const nA = A.members.length;
  const { slots } = plan;
  const counts = new Float64Array(sets.length * slots);
  if (sets.length === 0) return counts;
  const need = Int32Array.from(sets, (s) => s.need);
  // Heavy sets alike in everything B's look-ups depend on but big weight share the per-b work ("units").
  const byKey = new Map<string, number[]>();
  sets.forEach((s, l) => {
    const key = `${s.size}|${s.minLight}|${s.fails}|${s.tau.join(',')}`;
    byKey.set(key, [...(byKey.get(key) ?? []), l]);
  });
  // Units by their least need: a b is too light for a unit until its weight passes that less A's total.
  const units = [...byKey.values()].sort(
    (x, y) => Math.min(...x.map((l) => need[l]!)) - Math.min(...y.map((l) => need[l]!)),
  );
  const U = units.length;
  const reach = Int32Array.from(units, (u) => Math.min(...u.map((l) => need[l]!)) - (t.rows - 1));
  const uFails = Int32Array.from(units, (u) => sets[u[0]!]!.fails);
  const uMin = Int32Array.from(units, (u) => sets[u[0]!]!.minLight);
  const uOffset = Int32Array.from(units, (u) => sets[u[0]!]!.size - plan.minSize);
  const classes = plan.sides[1].classes;
  const uFailsB = new Int8Array(U * classes);
  units.forEach((u, j) => {
    uFailsB.set(classFails(plan.sides[1], sets[u[0]!]!.tau), j * classes);
  });
  const uStart = new Int32Array(U + 1);
  units.forEach((u, j) => {
    uStart[j + 1] = uStart[j]! + u.length;
  });
  // Within a unit, members by need: the rows a b looks up lie within the table for a prefix of them, which
  // grows as b gets heavier (upto: its end).
  const members = Int32Array.from(units.flatMap((u) => [...u].sort((x, y) => need[x]! - need[y]!)));
  const upto = uStart.slice(0, U);
  const { planes, rows, low, width } = t;
  const top = rows - 1;
  // Each unit's plane for each class of B (its failed groups), as the offset of the plane's row 0; −1: the
  // class fails too many groups.
  const uPlane = new Int32Array(U * classes);
  for (let j = 0; j < U * classes; j++) {
    const f = uFails[Math.floor(j / classes)]! - uFailsB[j]!;
    uPlane[j] = f < 0 ? -1 : Math.min(f, planes - 1) * rows * width;
  }
  const first = firstSizes(A, plan.form, rows);
  const { big, size, cls } = b;
  const local = new Float64Array(slots);
  // Coalitions of B lighter than every need less A's total cannot win with any a.
  const start = lowerBound(big, Math.min(...need) - top);
  let live = 0;
  for (let i = start; i < big.length; i++) {
    const sb = size[i]!;
    const c = cls[i]!;
    const wb = big[i]!;
    let kLo = slots;
    let kHi = -1;
    while (live < U && reach[live]! <= wb) live++;
    for (let j = 0; j < live; j++) {
      const end = uStart[j + 1]!;
      let last = upto[j]!;
      while (last < end && need[members[last]!]! - wb <= top) last++;
      upto[j] = last;
      const plane = uPlane[j * classes + c]!;
      if (plane < 0) continue;
      let from = uMin[j]! - sb;
      if (from > nA) continue;
      if (from < low) from = low;
      const q0 = uStart[j]!;
      if (q0 === last) continue;
      const k0 = uOffset[j]! + sb;
      if (k0 + nA > kHi) kHi = k0 + nA;
      for (let q = q0; q < last; q++) {
        const l = members[q]!;
        let p = need[l]! - wb;
        if (p < 0) p = 0;
        // p ≤ top, so first[p] ≤ nA.
        const x1 = first[p]! > from ? first[p]! : from;
        const row = plane + p * width - low;
        const at = l * slots + k0;
        if (k0 + x1 < kLo) kLo = k0 + x1;
        for (let x = x1; x <= nA; x++) {
          const v = table[row + x]!;
          counts[at + x]! += v;
          local[k0 + x]! += v;
        }
      }
    }
    if (kHi < 0) continue;
    const out = i * slots;
    for (let k = kLo; k <= kHi; k++) {
      credit[out + k]! += local[k]!;
      local[k] = 0;
    }
  }
  return counts;
}

/** Pass 1 for a free heavy set: per class of B (weights do not matter), credited to the class. */
function freeOverB(
  s: HeavySet,
  table: Uint32Array,
  t: Layout,
  b: Subsets,
  byClass: Float64Array,
  plan: RegionalPlan,
): Float64Array {
  const nA = plan.sides[0].members.length;
  const { slots } = plan;
  const counts = new Float64Array(slots);
  const failsB = classFails(plan.sides[1], s.tau);
  const offset = s.size - plan.minSize;
  const { planes, low, width } = t;
  for (let e = 0; e < b.classes; e++) {
    const many = b.perClass[e]!;
    if (many === 0) continue;
    const sb = e % b.sizes;
    let f = s.fails - failsB[(e - sb) / b.sizes]!;
    if (f < 0) continue;
    if (f >= planes) f = planes - 1;
    const from = Math.max(low, s.minLight - sb);
    const row = f * t.rows * width - low;
    for (let x = from; x <= nA; x++) {
      const v = table[row + x]!;
      counts[offset + sb + x]! += v * many;
      byClass[e * slots + offset + sb + x]! += v;
    }
  }
  return counts;
}

/** Pass 2 for a bundle of free heavy sets: pairs (L, b) counted by failed groups and size only. */
function freeOverA(
  bundle: HeavySet[],
  b: Subsets,
  a: Subsets,
  byClass: Float64Array,
  plan: RegionalPlan,
): void {
  const [A, B] = plan.sides;
  const nB = B.members.length;
  const { slots } = plan;
  const first = bundle[0]!;
  const planes = Math.min(first.fails, B.groups.length) + 1;
  const pairs = new Float64Array(planes * (nB + 1));
  for (const s of bundle) {
    const failsB = classFails(B, s.tau);
    for (let e = 0; e < b.classes; e++) {
      const fb = failsB[Math.floor(e / b.sizes)]!;
      if (fb < planes)
        for (let f = fb; f < planes; f++) pairs[f * (nB + 1) + (e % b.sizes)]! += b.perClass[e]!;
    }
  }
  const failsA = classFails(A, first.tau);
  const offset = first.size - plan.minSize;
  for (let e = 0; e < a.classes; e++) {
    if (a.perClass[e] === 0) continue;
    const sa = e % a.sizes;
    let f = first.fails - failsA[(e - sa) / a.sizes]!;
    if (f < 0) continue;
    if (f >= planes) f = planes - 1;
    for (let x = Math.max(0, first.minLight - sa); x <= nB; x++)
      byClass[e * slots + offset + sa + x]! += pairs[f * (nB + 1) + x]!;
  }
}

/** Adds each class's credits (from free heavy sets) to every coalition of the class. */
function spreadByClass(byClass: Float64Array, side: Subsets, credit: Uint32Array, slots: number): void {
  const used = new Uint8Array(side.classes);
  for (let e = 0; e < side.classes; e++)
    for (let k = 0; k < slots; k++) if (byClass[e * slots + k] !== 0) used[e] = 1;
  if (!used.includes(1)) return;
  for (let i = 0; i < side.big.length; i++) {
    const e = side.cls[i]! * side.sizes + side.size[i]!;
    if (used[e] === 0) continue;
    for (let k = 0; k < slots; k++) credit[i * slots + k]! += byClass[e * slots + k]!;
  }
}

/**
 * Pass 2: for every a, one look-up per priced bundle, plus its class's share from the free bundles; a's
 * winning coalitions by size go straight into the histogram of side A's masks.
 */
function passOverA(
  group: HeavySet[][],
  lows: Int32Array,
  tables: Uint32Array,
  t: Layout,
  a: Subsets,
  byClass: Float64Array,
  hist: Histogram,
  plan: RegionalPlan,
  sweep: (fraction: number) => void,
): void {
  const [A, B] = plan.sides;
  const nB = B.members.length;
  const { slots } = plan;
  const m = group.length;
  const fails = Int32Array.from(group, (g) => g[0]!.fails);
  const minLight = Int32Array.from(group, (g) => g[0]!.minLight);
  const offset = Int32Array.from(group, (g) => g[0]!.size - plan.minSize);
  // The heaviest pair of a bundle sits at its greatest shift plus B's total: rows beyond hold no pair.
  const maxShift = Int32Array.from(group, (g) => Math.max(...g.map((s) => A.total - s.need)));
  const failsA = new Int8Array(m * A.classes);
  group.forEach((g, j) => {
    failsA.set(classFails(A, g[0]!.tau), j * A.classes);
  });
  const used = new Uint8Array(a.classes);
  for (let e = 0; e < a.classes; e++)
    for (let k = 0; k < slots; k++) if (byClass[e * slots + k] !== 0) used[e] = 1;
  const { planes, rows, low, width, cells } = t;
  const first = firstSizes(B, plan.form, B.total + 2);
  const { big, size, cls, mask } = a;
  const { bytes, cells: h } = hist;
  const top = rows - 1;
  const local = new Float64Array(slots);
  const reach = Int32Array.from(group, (g) => Math.min(...g.map((s) => s.need)) - B.total);
  // Each bundle's plane for each class of A (its failed groups), as the offset of the plane's row 0; −1: the
  // class fails too many groups.
  const classesA = A.classes;
  const planeAt = new Int32Array(m * classesA);
  for (let j = 0; j < m; j++)
    for (let c = 0; c < classesA; c++) {
      const f = fails[j]! - failsA[j * classesA + c]!;
      planeAt[j * classesA + c] = f < 0 ? -1 : j * cells + Math.min(f, planes - 1) * rows * width;
    }
  const fewest = Math.min(...minLight) - nB;
  const totalB = B.total;
  let live = 0;
  let sum = 0;
  for (let i = 0; i < big.length; i++) {
    const sa = size[i]!;
    const c = cls[i]!;
    const x0 = top - big[i]!;
    while (live < m && reach[live]! <= big[i]!) live++;
    if ((i & 0xffff) === 0xffff) sweep(i / big.length);
    let kLo = slots;
    let kHi = -1;
    const e = c * a.sizes + sa;
    if (used[e] === 1) {
      for (let k = 0; k < slots; k++) local[k] = byClass[e * slots + k]!;
      kLo = 0;
      kHi = slots - 1;
    }
    // Too few members for any bundle's light minimum (with all of B): nothing to look up.
    const lookups = sa < fewest ? 0 : live;
    for (let j = 0; j < lookups; j++) {
      const plane = planeAt[j * classesA + c]!;
      if (plane < 0) continue;
      // Rows below the table's lowest hold every pair: the lowest row says the same.
      const x = x0 < lows[j]! ? lows[j]! : x0;
      const y = x - maxShift[j]!;
      if (y > totalB) continue;
      let from = minLight[j]! - sa;
      if (from < low) from = low;
      if (y > 0 && first[y]! > from) from = first[y]!;
      if (from > nB) continue;
      const row = plane + x * width - low;
      const k0 = offset[j]! + sa;
      if (k0 + from < kLo) kLo = k0 + from;
      if (k0 + nB > kHi) kHi = k0 + nB;
      for (let s = from; s <= nB; s++) local[k0 + s]! += tables[row + s]!;
    }
    if (kHi < 0) continue;
    const mi = mask[i]!;
    for (let k = kLo; k <= kHi; k++) {
      const v = local[k]!;
      if (v === 0) continue;
      local[k] = 0;
      sum += v;
      const at = k * bytes * 256;
      for (let by = 0, bits = mi; by < bytes; by++, bits >>>= 8) h[at + by * 256 + (bits & 255)]! += v;
    }
  }
  hist.sum += sum;
}
