import { parentPort } from 'node:worker_threads';
import { throttleProgress } from '@concert/engine';
import { describeError } from '../errors.ts';
import { type DesignJob, runDesignJob } from './design-job.ts';
import { type PowerJob, runPowerJob } from './power-job.ts';
import { runSimulateJob, type SimulateJob } from './simulate-job.ts';

export type WorkerMessage =
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'result'; result: unknown }
  | { type: 'error'; text: string; json: Record<string, unknown> };

parentPort?.once(
  'message',
  (
    job:
      | { kind: 'power'; payload: PowerJob }
      | { kind: 'design'; payload: DesignJob }
      | { kind: 'simulate'; payload: SimulateJob },
  ) => {
    const control = {
      onProgress: throttleProgress((fraction, stage) => post({ type: 'progress', fraction, stage })),
    };
    try {
      const result =
        job.kind === 'power'
          ? runPowerJob(job.payload, control)
          : job.kind === 'design'
            ? runDesignJob(job.payload, control)
            : runSimulateJob(job.payload, control);
      post({ type: 'result', result });
    } catch (e) {
      post({ type: 'error', ...describeError(e) });
    }
  },
);

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}
