/// <reference lib="webworker" />
// A crisis ensemble off the UI thread. The page cancels by terminating this worker, so nothing here polls.
//
// Imported through the engine's crisis and builtin modules by relative path, not the package root, so the worker
// carries only what an ensemble needs (see power.worker.ts for the same choice).
import { builtinCharter } from '../../../engine/src/builtin/index.ts';
import { builtinScenario, planFor, simulateEnsemble } from '../../../engine/src/crisis/index.ts';
import type { EnsembleReply, EnsembleRequest } from './protocol.ts';

const post = (reply: EnsembleReply) => postMessage(reply);

function run({ scenario: id, charters, runs, seed }: EnsembleRequest): EnsembleReply {
  const scenario = builtinScenario(id);
  let last = 0;
  const summaries = charters.map((charterId, k) => {
    const plan = planFor(scenario, builtinCharter(charterId));
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

self.onmessage = (event: MessageEvent<EnsembleRequest>) => {
  try {
    post(run(event.data));
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};
