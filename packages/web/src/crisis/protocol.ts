// Messages between the crisis view and its worker: plain data only (structured clones: plans hold Sets and typed
// arrays; summaries are JSON-shaped).
import type { Charter, EnsembleSummary, Plan, Scenario } from '@concert/engine';

export interface EnsembleRequest {
  scenario: Scenario;
  charters: Charter[];
  runs: number;
  seed: number;
  ignoreRecusal: boolean;
}

/**
 * What the worker is sent: the scenario and one plan per charter, bound on the page. The page holds the world
 * data (members, populations) the binding needs anyway; the worker then carries only the simulation, not a
 * second copy of that data.
 */
export interface WorkerRequest {
  scenario: Scenario;
  plans: Plan[];
  runs: number;
  seed: number;
}

export type EnsembleReply =
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'done'; summaries: EnsembleSummary[] }
  | { type: 'failed'; message: string };
