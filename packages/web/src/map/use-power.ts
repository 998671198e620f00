import { type Charter, decisionGame, institutionOn } from '@concert/engine';
import { useEffect, useState } from 'react';
import type { PowerReply as WorkerReply, PowerRequest as WorkerRequest } from '../power/protocol.ts';
import type { PowerReply, PowerRequest } from './power-types.ts';

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
    let job: WorkerRequest;
    try {
      // Cheap on the page (members on the date, the category's rule); the counting is what needs the worker.
      const game = decisionGame(institutionOn(charter, request.date), request.body, request.category);
      const label = `${charter.id} ${game.body.id}/${game.category.id} on ${request.date}`;
      job = {
        type: 'analyse',
        players: game.players,
        rule: game.category.rule,
        label,
        indices: ['banzhaf'],
        minimalWinning: false,
      };
    } catch (e) {
      setState({ status: 'done', ok: false, message: e instanceof Error ? e.message : String(e) });
      return;
    }
    setState({ status: 'computing' });
    // The same worker module as the power lab's, so its code is one asset; the map ignores progress messages.
    const worker = new Worker(new URL('../power/power.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return;
      setState({ status: 'done', ...mapReply(reply) });
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

function mapReply(reply: Exclude<WorkerReply, { type: 'progress' }>): PowerReply {
  if (reply.type === 'failed')
    return { ok: false, message: reply.hint ? `${reply.message} (${reply.hint})` : reply.message };
  if (reply.type !== 'analysed') return { ok: false, message: 'the power worker answered another question' };
  const r = reply.result;
  return {
    ok: true,
    members: r.players.map((p) => ({ id: p.id, name: p.name ?? p.id, banzhaf: p.banzhaf })),
    method: r.method,
    exact: r.exact,
    computeMs: r.computeMs,
  };
}
