import { type Charter, decisionGame, institutionOn } from '@concert/engine';
import { useEffect, useState } from 'react';
import type { PowerJob, PowerReply, PowerRequest } from './power-types.ts';

export type PowerState = { status: 'idle' } | { status: 'computing' } | ({ status: 'done' } & PowerReply);

/**
 * Voting power for a decision, computed in a Web Worker. A new request ends the worker of the previous one, so a
 * user moving the date slider never waits for answers to questions they no longer ask.
 */
export function usePower(request: PowerRequest | undefined, charter: Charter | undefined): PowerState {
  const [state, setState] = useState<PowerState>({ status: 'idle' });
  const key = request ? `${request.charter}|${request.body}|${request.category}|${request.date}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the request's contents
  useEffect(() => {
    if (!request || !charter || !request.category) {
      setState({ status: 'idle' });
      return;
    }
    let job: PowerJob;
    try {
      // Cheap on the page (members on the date, the category's rule); the counting is what needs the worker.
      const game = decisionGame(institutionOn(charter, request.date), request.body, request.category);
      const label = `${charter.id} ${game.body.id}/${game.category.id} on ${request.date}`;
      job = { players: game.players, rule: game.category.rule, label };
    } catch (e) {
      setState({ status: 'done', ok: false, message: e instanceof Error ? e.message : String(e) });
      return;
    }
    setState({ status: 'computing' });
    const worker = new Worker(new URL('./power.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<PowerReply>) => {
      setState({ status: 'done', ...event.data });
      worker.terminate();
    };
    worker.onerror = (event) => {
      setState({ status: 'done', ok: false, message: event.message || 'the power computation failed' });
      worker.terminate();
    };
    worker.postMessage(job);
    return () => worker.terminate();
  }, [key]);
  return state;
}
