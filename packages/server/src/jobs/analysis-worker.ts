// The analysis worker thread: requests in (with an id), one answer out per request, for as long as it lives.
import { parentPort } from 'node:worker_threads';
import { type Analysis, runAnalysis } from './analysis.ts';

export type AnalysisAnswer =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; message: string };

// A text result (a response body) goes back as UTF-8 bytes, transferred rather than copied: the server's
// loop then neither copies nor encodes a body of megabytes.
parentPort?.on('message', ({ id, analysis }: { id: number; analysis: Analysis }) => {
  let answer: AnalysisAnswer;
  const transfer: ArrayBuffer[] = [];
  try {
    const result = runAnalysis(analysis);
    if (typeof result === 'string') {
      const bytes = new TextEncoder().encode(result);
      transfer.push(bytes.buffer as ArrayBuffer);
      answer = { id, ok: true, result: bytes };
    } else answer = { id, ok: true, result };
  } catch (e) {
    answer = { id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(answer, transfer);
});
