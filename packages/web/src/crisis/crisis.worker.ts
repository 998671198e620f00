/// <reference lib="webworker" />
// A crisis ensemble off the UI thread. The page cancels by terminating this worker, so nothing here polls.
//
// The page sends the scenario and the plans it bound (job.ts), and the engine's ensemble module is imported by
// relative path, so the worker carries neither the YAML parser, nor the schemas (zod), nor the built-in texts,
// nor the world data the binding reads (see power.worker.ts for the same choice).
import { simulateEnsemble } from '../../../engine/src/crisis/ensemble.ts';
import { throttleProgress } from '../../../engine/src/progress.ts';
import type { EnsembleReply, WorkerRequest } from './protocol.ts';

const post = (reply: EnsembleReply) => postMessage(reply);

function run({ scenario, plans, runs, seed }: WorkerRequest): EnsembleReply {
  // The engine reports every 1,024 runs, far more often than a bar can show.
  const report = throttleProgress((fraction, stage) => post({ type: 'progress', fraction, stage }));
  const summaries = plans.map((plan, k) => {
    const onProgress = (done: number) => report((k * runs + done) / (plans.length * runs), plan.charter.name);
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
