// Messages between the crisis view and its worker: plain data only (summaries are JSON-shaped).
import type { Charter, EnsembleSummary, Scenario } from '@concert/engine';

export interface EnsembleRequest {
  scenario: Scenario;
  charters: Charter[];
  runs: number;
  seed: number;
  ignoreRecusal: boolean;
}

/** What the worker is sent: the scenario and charters already parsed on the page (built-in or uploaded). */
export type WorkerRequest = EnsembleRequest;

export type EnsembleReply =
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'done'; summaries: EnsembleSummary[] }
  | { type: 'failed'; message: string };
