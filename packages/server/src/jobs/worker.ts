// A job's worker thread: one message in (the job), progress messages out, then the result or an error.
import { parentPort } from 'node:worker_threads';
import { throttleProgress } from '@concert/engine';
import { type DesignPayload, designReport } from './design.ts';
import { type PowerPayload, powerReport } from './power.ts';
import { type SimulatePayload, simulateReport } from './simulate.ts';

export type JobKind = 'simulate' | 'power' | 'design';

type JobMessage =
  | { kind: 'simulate'; payload: SimulatePayload }
  | { kind: 'power'; payload: PowerPayload }
  | { kind: 'design'; payload: DesignPayload };

export type WorkerMessage =
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'result'; result: unknown }
  | { type: 'error'; message: string };

parentPort?.once('message', (job: JobMessage) => {
  const onProgress = throttleProgress((fraction, stage) => post({ type: 'progress', fraction, stage }));
  try {
    const result =
      job.kind === 'power'
        ? powerReport(job.payload, onProgress)
        : job.kind === 'design'
          ? designReport(job.payload, onProgress)
          : simulateReport(job.payload, onProgress);
    post({ type: 'result', result });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
});

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}
