// The analysis worker thread: requests in (with an id), one answer out per request, for as long as it lives.
import { parentPort } from 'node:worker_threads';
import { type Analysis, runAnalysis } from './analysis.ts';

export type AnalysisAnswer =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; message: string };

parentPort?.on('message', ({ id, analysis }: { id: number; analysis: Analysis }) => {
  let answer: AnalysisAnswer;
  try {
    answer = { id, ok: true, result: runAnalysis(analysis) };
  } catch (e) {
    answer = { id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(answer);
});
