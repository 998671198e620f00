// Crisis simulation: scenarios, the stance model, one run's timeline and ensembles of runs, under any charter's
// response ladder. Pure and deterministic for a given seed.
export * from './builtin.ts';
export {
  type EnsembleControl,
  type EnsembleSummary,
  emptyTally,
  type MemberShare,
  mergeTallies,
  type RungSummary,
  simulateEnsemble,
  summarise,
  type Tally,
  type TimeToResponse,
  tallyOf,
  tallyRuns,
} from './ensemble.ts';
export { scenarioHash } from './hash.ts';
export { activates, type Plan, type PlanOptions, planFor, type RungPlan } from './plan.ts';
export { type Random, randomFor } from './random.ts';
export { type CompareOptions, type CrisisReport, compareOnScenario, crisisReport } from './report.ts';
export {
  INCIDENT_TYPES,
  type Incident,
  parseScenario,
  type Scenario,
  ScenarioError,
  scenarioJsonSchema,
  scenarioSchema,
  validateScenario,
} from './scenario.ts';
export { type RunOutcome, runnerFor, type TimelineStep } from './simulate.ts';
export { profileOf, STANCE_PROFILES, supportProbability } from './stance.ts';
