// Ensembles: N runs of one scenario under one charter, added up into counts that merge exactly (so a split over
// worker threads gives the same numbers as one thread), then summarised as fractions of runs.
import { RUNG_KINDS } from '../charter/rung-kinds.ts';
import type { Plan } from './plan.ts';
import { randomFor } from './random.ts';
import type { Scenario } from './scenario.ts';
import { type RunOutcome, runnerFor } from './simulate.ts';

/** Integer counts over a range of runs; `mergeTallies` adds two. Plain data, so it crosses thread boundaries. */
export interface Tally {
  runs: number;
  reached: number[];
  adopted: number[];
  responded: number;
  /** Day (relative to the first incident, rounded up) → runs whose first collective response came then. */
  responseDays: Record<string, number>;
  /** The same for the first measure beyond consultations. */
  measured: number;
  measureDays: Record<string, number>;
  /** Per rung: day (relative to the first incident, rounded up) → runs in which the rung was adopted then. */
  adoptedDays: Record<string, number>[];
  deciding: number[];
  blocking: number[];
  obliged: number[];
  /** rungs × members, row-major. */
  rungBlocking: number[];
  /** Per rung kind (RUNG_KINDS order): runs in which some rung of that kind was adopted. */
  kinds: number[];
}

export interface EnsembleControl {
  onProgress?: (done: number) => void;
  shouldStop?: () => boolean;
}

/** Runs `from` … `to - 1` of the ensemble seeded with `seed`. Run i draws from randomFor(seed, i) alone. */
export function tallyRuns(
  scenario: Scenario,
  plan: Plan,
  seed: number,
  from: number,
  to: number,
  control: EnsembleControl = {},
): Tally {
  const run = runnerFor(scenario, plan);
  const n = plan.members.length;
  const R = plan.rungs.length;
  const t = emptyTally(R, n);
  for (let i = from; i < to; i++) {
    if ((i - from) % 1024 === 0 && i > from) {
      if (control.shouldStop?.()) break;
      control.onProgress?.(i - from);
    }
    addOutcome(t, plan, run(randomFor(seed, i), false));
  }
  control.onProgress?.(t.runs);
  return t;
}

/** One run's outcome as a tally (for a single run shown as a timeline). */
export function tallyOf(plan: Plan, o: RunOutcome): Tally {
  const t = emptyTally(plan.rungs.length, plan.members.length);
  addOutcome(t, plan, o);
  return t;
}

function addOutcome(t: Tally, plan: Plan, o: RunOutcome): void {
  const n = plan.members.length;
  const R = plan.rungs.length;
  t.runs++;
  let mask = 0;
  for (let r = 0; r < R; r++) {
    t.reached[r]! += o.reached[r]!;
    t.adopted[r]! += o.adopted[r]!;
    if (o.adopted[r]) countDay(t.adoptedDays[r]!, o.adoptedDay[r]!);
    if (o.adopted[r] && plan.rungs[r]!.decision) mask |= 1 << RUNG_KINDS.indexOf(plan.rungs[r]!.kind);
  }
  for (let k = 0; k < RUNG_KINDS.length; k++) if (mask & (1 << k)) t.kinds[k]!++;
  if (o.firstResponseDay >= 0) {
    t.responded++;
    countDay(t.responseDays, o.firstResponseDay);
  }
  if (o.firstMeasureDay >= 0) {
    t.measured++;
    countDay(t.measureDays, o.firstMeasureDay);
  }
  for (let m = 0; m < n; m++) {
    t.deciding[m]! += o.deciding[m]!;
    t.blocking[m]! += o.blocking[m]!;
    t.obliged[m]! += o.obliged[m]!;
  }
  for (let k = 0; k < R * n; k++) t.rungBlocking[k]! += o.rungBlocking[k]!;
}

function countDay(days: Record<string, number>, day: number): void {
  const key = String(Math.ceil(day));
  days[key] = (days[key] ?? 0) + 1;
}

export function emptyTally(rungs: number, members: number): Tally {
  return {
    runs: 0,
    reached: new Array(rungs).fill(0),
    adopted: new Array(rungs).fill(0),
    responded: 0,
    responseDays: {},
    measured: 0,
    measureDays: {},
    adoptedDays: Array.from({ length: rungs }, () => ({})),
    deciding: new Array(members).fill(0),
    blocking: new Array(members).fill(0),
    obliged: new Array(members).fill(0),
    rungBlocking: new Array(rungs * members).fill(0),
    kinds: new Array(RUNG_KINDS.length).fill(0),
  };
}

export function mergeTallies(a: Tally, b: Tally): Tally {
  const add = (x: number[], y: number[]) => x.map((v, i) => v + y[i]!);
  const addDays = (x: Record<string, number>, y: Record<string, number>) => {
    const days = { ...x };
    for (const [k, v] of Object.entries(y)) days[k] = (days[k] ?? 0) + v;
    return days;
  };
  return {
    runs: a.runs + b.runs,
    reached: add(a.reached, b.reached),
    adopted: add(a.adopted, b.adopted),
    responded: a.responded + b.responded,
    responseDays: addDays(a.responseDays, b.responseDays),
    measured: a.measured + b.measured,
    measureDays: addDays(a.measureDays, b.measureDays),
    adoptedDays: a.adoptedDays.map((d, i) => addDays(d, b.adoptedDays[i]!)),
    deciding: add(a.deciding, b.deciding),
    blocking: add(a.blocking, b.blocking),
    obliged: add(a.obliged, b.obliged),
    rungBlocking: add(a.rungBlocking, b.rungBlocking),
    kinds: add(a.kinds, b.kinds),
  };
}

export interface MemberShare {
  id: string;
  share: number;
}

export interface RungSummary {
  id: string;
  guarantee: string;
  kind: string;
  title: string;
  cite: string;
  /** Fractions of runs. */
  reached: number;
  adopted: number;
  /** Body, category, the rule in words and the category's citation; absent when the rung needs no decision. */
  decidedBy?: { body: string; category: string; rule: string; cite: string };
  recused: string[];
  deadlineDays: number;
  obligations: { who: string; text: string };
  /** Members whose no most often blocked this rung alone. */
  blockers: MemberShare[];
  /** The day the rung was adopted, over the runs in which it was (`share` equals `adopted`). */
  timeToAdoption: TimeToResponse;
}

export interface EnsembleSummary {
  id: string;
  name: string;
  date: string;
  members: number;
  parties: { id: string; role: string }[];
  recusalIgnored: boolean;
  runs: number;
  rungs: RungSummary[];
  /** Time to the first collective response (a rung adopted by a body, consultations included). */
  firstResponse: TimeToResponse;
  /** Time to the first collective measure beyond consultations. */
  firstMeasure: TimeToResponse;
  /** Per kind of rung: fraction of runs in which a body adopted at least one rung of that kind. */
  kinds: Record<string, number>;
  deciding: MemberShare[];
  blocking: MemberShare[];
  obliged: MemberShare[];
}

export interface TimeToResponse {
  /** Fraction of runs with such a response. */
  share: number;
  /** Days from the first incident, over the runs that had one; null when none did. */
  median: number | null;
  p10: number | null;
  p90: number | null;
  mean: number | null;
  histogram: { day: number; runs: number }[];
}

function timeTo(count: number, days: Record<string, number>, runs: number): TimeToResponse {
  const histogram = Object.entries(days)
    .map(([day, n]) => ({ day: Number(day), runs: n }))
    .sort((a, b) => a.day - b.day);
  const quantile = (q: number): number | null => {
    if (count === 0) return null;
    let seen = 0;
    for (const h of histogram) {
      seen += h.runs;
      if (seen >= q * count) return h.day;
    }
    return histogram[histogram.length - 1]!.day;
  };
  return {
    share: runs === 0 ? 0 : round(count / runs),
    median: quantile(0.5),
    p10: quantile(0.1),
    p90: quantile(0.9),
    mean: count === 0 ? null : round(histogram.reduce((s, h) => s + h.day * h.runs, 0) / count),
    histogram,
  };
}

/** Fractions of runs, members ranked; `top` bounds the member lists (obliged members are listed in full). */
export function summarise(plan: Plan, t: Tally, top = 10): EnsembleSummary {
  const frac = (x: number) => (t.runs === 0 ? 0 : round(x / t.runs));
  const ranked = (counts: number[], limit: number): MemberShare[] =>
    plan.members
      .map((id, i) => ({ id, share: frac(counts[i]!) }))
      .filter((m) => m.share >= 0.001)
      .sort((a, b) => b.share - a.share || a.id.localeCompare(b.id))
      .slice(0, limit);
  const n = plan.members.length;
  return {
    id: plan.charter.id,
    name: plan.charter.name,
    date: plan.date,
    members: n,
    parties: plan.memberParties,
    recusalIgnored: plan.recusalIgnored,
    runs: t.runs,
    rungs: plan.rungs.map((r, i) => ({
      id: r.id,
      guarantee: r.guarantee,
      kind: r.kind,
      title: r.title,
      cite: r.cite,
      reached: frac(t.reached[i]!),
      adopted: frac(t.adopted[i]!),
      ...(r.decision
        ? {
            decidedBy: {
              body: r.decision.body,
              category: r.decision.category,
              rule: r.decision.ruleText,
              cite: r.decision.cite,
            },
          }
        : {}),
      recused: r.decision?.recused ?? [],
      deadlineDays: r.deadlineDays,
      obligations: { who: r.obligations.who, text: r.obligations.text },
      blockers: ranked(t.rungBlocking.slice(i * n, (i + 1) * n), 5),
      timeToAdoption: timeTo(t.adopted[i]!, t.adoptedDays[i]!, t.runs),
    })),
    firstResponse: timeTo(t.responded, t.responseDays, t.runs),
    firstMeasure: timeTo(t.measured, t.measureDays, t.runs),
    kinds: Object.fromEntries(
      RUNG_KINDS.filter((k) => plan.rungs.some((r) => r.kind === k && r.decision)).map((k) => [
        k,
        frac(t.kinds[RUNG_KINDS.indexOf(k)]!),
      ]),
    ),
    deciding: ranked(t.deciding, top),
    blocking: ranked(t.blocking, top),
    obliged: ranked(t.obliged, n),
  };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** The whole ensemble on this thread: plan, runs, summary. */
export function simulateEnsemble(
  scenario: Scenario,
  plan: Plan,
  runs: number,
  seed: number,
  control: EnsembleControl = {},
): EnsembleSummary {
  return summarise(plan, tallyRuns(scenario, plan, seed, 0, runs, control));
}
