/// <reference lib="webworker" />
// Voting power off the UI thread, for the power lab (analysis, design search) and the map's power colouring: one
// worker module, so the browser downloads the counting code once. A page cancels a run by terminating this
// worker, so nothing here needs to poll for cancellation.
//
// Imported through the engine's power and rules modules rather than the package root: the root also pulls the
// charter schema (zod) and YAML parser, which a bundler cannot drop from a worker (their schemas are built at
// module load), and this worker needs neither. It stays about 20 KB gzip instead of 80 KB.
import {
  analysePower,
  designSearch,
  PowerError,
  powerGameFromPlayers,
  verdict,
} from '../../../engine/src/power/index.ts';
import { throttleProgress } from '../../../engine/src/progress.ts';
import { compileRule, RuleError } from '../../../engine/src/rules/index.ts';
import type { PowerReply, PowerRequest } from './protocol.ts';

const post = (reply: PowerReply) => postMessage(reply);

function run(request: PowerRequest): PowerReply {
  const control = {
    onProgress: throttleProgress((fraction, stage) => post({ type: 'progress', fraction, stage })),
  };
  if (request.type === 'design') return { type: 'designed', result: designSearch(request.input, control) };
  const game = powerGameFromPlayers(
    request.players,
    compileRule(request.rule, request.players),
    request.label,
  );
  const result = analysePower(game, {
    ...control,
    ...(request.indices ? { indices: request.indices } : {}),
    ...(request.minimalWinning !== undefined ? { minimalWinning: request.minimalWinning } : {}),
    now: () => performance.now(),
  });
  return { type: 'analysed', result, verdict: verdict(result) };
}

self.onmessage = (event: MessageEvent<PowerRequest>) => {
  try {
    post(run(event.data));
  } catch (e) {
    if (e instanceof PowerError || e instanceof RuleError)
      post({ type: 'failed', message: e.message, hint: e.hint });
    else post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};
