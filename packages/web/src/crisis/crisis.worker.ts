/// <reference lib="webworker" />
// A crisis ensemble off the UI thread. The page cancels by terminating this worker, so nothing here polls.
//
// The page sends the scenario and the plans it bound (job.ts), and the engine's ensemble module is imported by
// relative path, so the worker carries neither the YAML parser, nor the schemas (zod), nor the built-in texts,
// nor the world data the binding reads (see power.worker.ts for the same choice).
import { simulateEnsemble } from '../../../engine/src/crisis/ensemble.ts';
import type { EnsembleReply, WorkerRequest } from './protocol.ts';

const post = (reply: EnsembleReply) => postMessage(reply);

function run({ scenario, plans, runs, seed }: WorkerRequest): EnsembleReply {
  let last = 0;
  const summaries = plans.map((plan, k) => {
    // At most one message per 100 ms: the engine reports every 1,024 runs, far more often than a bar can show.
    const onProgress = (done: number) => {
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      post({
        type: 'progress',
        fraction: (k * runs + done) / (plans.length * runs),
        stage: plan.charter.name,
      });
    };
    return simulateEnsemble(scenario, plan, runs, seed, { onProgress });
  });
  return { type: 'done', summaries };
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  try {
    post(run(event.data));
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};
