// The comparison of one scenario under several charters, as one plain document: what `concert simulate --json`
// prints, and what a server job or the web view can compute in-thread with `compareOnScenario`.
import type { Charter } from '../charter/schema.ts';
import { charterHash, ENGINE_VERSION } from '../manifest/index.ts';
import { world } from '../world/index.ts';
import { type EnsembleSummary, summarise, type Tally, tallyOf, tallyRuns } from './ensemble.ts';
import { scenarioHash } from './hash.ts';
import { type Plan, planFor } from './plan.ts';
import { randomFor } from './random.ts';
import type { Scenario } from './scenario.ts';
import { runnerFor, type TimelineStep } from './simulate.ts';

export interface CrisisReport {
  scenario: Pick<Scenario, 'id' | 'title' | 'kind' | 'date' | 'parties' | 'assumptions' | 'sources'>;
  seed: number;
  runs: number;
  recusal: string;
  charters: (EnsembleSummary & { timeline?: TimelineStep[] })[];
  manifest: {
    engine: string;
    dataset: string;
    scenario: { id: string; hash: string };
    charters: { id: string; hash: string }[];
    seed: number;
    runs: number;
  };
}

export interface CompareOptions {
  runs: number;
  seed: number;
  ignoreRecusal?: boolean;
}

/** The report for tallies already computed (e.g. merged from worker threads); timelines for a single run. */
export function crisisReport(
  scenario: Scenario,
  charters: Charter[],
  plans: Plan[],
  tallies: Tally[],
  options: CompareOptions & { timelines?: TimelineStep[][] },
): CrisisReport {
  const { timelines } = options;
  return {
    scenario: {
      id: scenario.id,
      title: scenario.title,
      kind: scenario.kind,
      date: scenario.date,
      parties: scenario.parties,
      assumptions: scenario.assumptions,
      sources: scenario.sources,
    },
    seed: options.seed,
    runs: options.runs,
    recusal: options.ignoreRecusal ? 'ignored (counterfactual: parties vote)' : 'as each charter says',
    charters: plans.map((plan, i) => ({
      ...summarise(plan, tallies[i]!),
      ...(timelines ? { timeline: timelines[i]! } : {}),
    })),
    manifest: {
      engine: ENGINE_VERSION,
      dataset: `${world.dataset.id}@${world.dataset.version}`,
      scenario: { id: scenario.id, hash: scenarioHash(scenario) },
      charters: charters.map((c) => ({ id: c.id, hash: charterHash(c) })),
      seed: options.seed,
      runs: options.runs,
    },
  };
}

/** One scenario under several charters, on this thread: a timeline for one run, an ensemble for more. */
export function compareOnScenario(
  scenario: Scenario,
  charters: Charter[],
  options: CompareOptions,
): CrisisReport {
  const plans = charters.map((c) => planFor(scenario, c, { ignoreRecusal: options.ignoreRecusal === true }));
  if (options.runs === 1) {
    const outcomes = plans.map((plan) => runnerFor(scenario, plan)(randomFor(options.seed, 0), true));
    return crisisReport(
      scenario,
      charters,
      plans,
      plans.map((plan, i) => tallyOf(plan, outcomes[i]!)),
      { ...options, timelines: outcomes.map((o) => o.timeline ?? []) },
    );
  }
  const tallies = plans.map((plan) => tallyRuns(scenario, plan, options.seed, 0, options.runs));
  return crisisReport(scenario, charters, plans, tallies, options);
}
