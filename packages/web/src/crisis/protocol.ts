// Messages between the crisis view and its worker: plain data only (summaries are JSON-shaped).
import type { EnsembleSummary } from '@concert/engine';

export interface EnsembleRequest {
  scenario: string;
  charters: string[];
  runs: number;
  seed: number;
}

export type EnsembleReply =
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'done'; summaries: EnsembleSummary[] }
  | { type: 'failed'; message: string };
