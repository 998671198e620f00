import { parentPort } from 'node:worker_threads';
import { describeError } from '../errors.ts';
import { type PowerJob, runPowerJob } from './power-job.ts';

export type WorkerMessage =
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'result'; result: unknown }
  | { type: 'error'; text: string; json: Record<string, unknown> };

parentPort?.once('message', (job: { kind: 'power'; payload: PowerJob }) => {
  let last = 0;
  try {
    const result = runPowerJob(job.payload, {
      onProgress: (fraction, stage) => {
        const now = Date.now();
        if (now - last < 100 && fraction < 1) return;
        last = now;
        post({ type: 'progress', fraction, stage });
      },
    });
    post({ type: 'result', result });
  } catch (e) {
    post({ type: 'error', ...describeError(e) });
  }
});

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}
