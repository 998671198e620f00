// A job's worker thread: one message in (the job), progress messages out, then the result or an error.
import { parentPort } from 'node:worker_threads';
import { type SimulatePayload, simulateReport } from './simulate.ts';

export type JobKind = 'simulate';

export type WorkerMessage =
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'result'; result: unknown }
  | { type: 'error'; message: string };

parentPort?.once('message', (job: { kind: JobKind; payload: SimulatePayload }) => {
  let last = 0;
  const onProgress = (fraction: number, stage: string) => {
    const now = Date.now();
    if (now - last < 100 && fraction < 1) return;
    last = now;
    post({ type: 'progress', fraction, stage });
  };
  try {
    post({ type: 'result', result: simulateReport(job.payload, onProgress) });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
});

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}
