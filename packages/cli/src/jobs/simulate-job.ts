import { existsSync } from 'node:fs';
import {
  builtinScenario,
  builtinScenarioIds,
  type Charter,
  closestIds,
  isBuiltinScenario,
  type Plan,
  parseScenario,
  planFor,
  type Scenario,
  type Tally,
  tallyRuns,
} from '@concert/engine';
import { UsageError } from '../errors.ts';
import { loadCharter, readSmallFile } from '../inputs.ts';

/** A part of an ensemble (runs `from` … `to - 1`); plain data, so it crosses the thread boundary. */
export interface SimulateJob {
  scenario: string;
  charters: string[];
  seed: number;
  from: number;
  to: number;
  ignoreRecusal: boolean;
}

/** A built-in scenario id or a scenario file (YAML or JSON). */
export function loadScenario(arg: string): Scenario {
  if (isBuiltinScenario(arg)) return builtinScenario(arg);
  if (!existsSync(arg)) {
    const near = closestIds(arg, builtinScenarioIds());
    throw new UsageError(
      `no built-in scenario or file named "${arg}"`,
      `built-in scenarios: ${builtinScenarioIds().join(', ')}${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}`,
    );
  }
  return parseScenario(readSmallFile(arg), { source: arg });
}

/** The scenario, the charters and their plans a job names; throws a clear error for bad inputs. */
export function loadSimulation(job: Pick<SimulateJob, 'scenario' | 'charters' | 'ignoreRecusal'>): {
  scenario: Scenario;
  charters: Charter[];
  plans: Plan[];
} {
  const scenario = loadScenario(job.scenario);
  const charters = job.charters.map((c) => loadCharter(c));
  const plans = charters.map((c) => planFor(scenario, c, { ignoreRecusal: job.ignoreRecusal }));
  return { scenario, charters, plans };
}

export function runSimulateJob(
  job: SimulateJob,
  control: { onProgress?: (fraction: number, stage: string) => void },
): Tally[] {
  const { scenario, plans } = loadSimulation(job);
  const total = (job.to - job.from) * plans.length;
  return plans.map((plan, p) =>
    tallyRuns(scenario, plan, job.seed, job.from, job.to, {
      onProgress: (done) =>
        control.onProgress?.(((job.to - job.from) * p + done) / total, `${plan.charter.id}: runs`),
    }),
  );
}
