// Messages between the crisis view and its worker: plain data only (summaries are JSON-shaped).
import type { Charter, EnsembleSummary, Scenario } from '@concert/engine';

export interface EnsembleRequest {
  scenario: string;
  charters: string[];
  runs: number;
  seed: number;
}

/** What the worker is sent: the request with its scenario and charters already parsed on the page. */
export interface WorkerRequest {
  scenario: Scenario;
  charters: Charter[];
  runs: number;
  seed: number;
}

export type EnsembleReply =
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'done'; summaries: EnsembleSummary[] }
  | { type: 'failed'; message: string };
