import {
  type Charter,
  type CrisisReport,
  crisisReport,
  planFor,
  randomFor,
  runnerFor,
  type Scenario,
  tallyOf,
  tallyRuns,
} from '@concert/engine';

/** What a simulation job computes; plain data, so it crosses the thread boundary. */
export interface SimulatePayload {
  scenario: Scenario;
  charters: Charter[];
  runs: number;
  seed: number;
  ignoreRecusal: boolean;
}

export type SimulateResult = CrisisReport & { timings: { ms: number } };

/**
 * The report `concert simulate --json` prints for the same inputs: one run gives timelines, more an ensemble.
 * Run i draws from randomFor(seed, i) alone, so the counts do not depend on how the work is split.
 */
export function simulateReport(
  p: SimulatePayload,
  onProgress: (fraction: number, stage: string) => void,
): SimulateResult {
  const started = performance.now();
  const plans = p.charters.map((c) => planFor(p.scenario, c, { ignoreRecusal: p.ignoreRecusal }));
  const options = { runs: p.runs, seed: p.seed, ignoreRecusal: p.ignoreRecusal };
  let report: CrisisReport;
  if (p.runs === 1) {
    const outcomes = plans.map((plan) => runnerFor(p.scenario, plan)(randomFor(p.seed, 0), true));
    report = crisisReport(
      p.scenario,
      p.charters,
      plans,
      plans.map((plan, i) => tallyOf(plan, outcomes[i]!)),
      { ...options, timelines: outcomes.map((o) => o.timeline ?? []) },
    );
  } else {
    const total = p.runs * plans.length;
    const tallies = plans.map((plan, i) =>
      tallyRuns(p.scenario, plan, p.seed, 0, p.runs, {
        onProgress: (done) => onProgress((p.runs * i + done) / total, `${plan.charter.id}: runs`),
      }),
    );
    report = crisisReport(p.scenario, p.charters, plans, tallies, options);
  }
  return { ...report, timings: { ms: Math.round(performance.now() - started) } };
}
