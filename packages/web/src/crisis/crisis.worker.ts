/// <reference lib="webworker" />
// A crisis ensemble off the UI thread. The page cancels by terminating this worker, so nothing here polls.
//
// The page sends the parsed scenario and charters, and the engine's plan and ensemble modules are imported by
// relative path, so the worker carries neither the YAML parser, nor the schemas (zod), nor the built-in texts
// (see power.worker.ts for the same choice).
import { simulateEnsemble } from '../../../engine/src/crisis/ensemble.ts';
import { planFor } from '../../../engine/src/crisis/plan.ts';
import type { EnsembleReply, WorkerRequest } from './protocol.ts';

const post = (reply: EnsembleReply) => postMessage(reply);

function run({ scenario, charters, runs, seed, ignoreRecusal }: WorkerRequest): EnsembleReply {
  let last = 0;
  const summaries = charters.map((charter, k) => {
    const plan = planFor(scenario, charter, { ignoreRecusal });
    // At most one message per 100 ms: the engine reports every 1,024 runs, far more often than a bar can show.
    const onProgress = (done: number) => {
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      post({
        type: 'progress',
        fraction: (k * runs + done) / (charters.length * runs),
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
