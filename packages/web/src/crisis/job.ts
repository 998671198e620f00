import { type EnsembleSummary, type Plan, planFor } from '@concert/engine';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EnsembleReply, EnsembleRequest, WorkerRequest } from './protocol.ts';

export type EnsembleState =
  | { status: 'idle' }
  | { status: 'running'; fraction: number; stage: string }
  | { status: 'done'; summaries: EnsembleSummary[]; request: EnsembleRequest }
  | { status: 'failed'; message: string }
  | { status: 'cancelled' };

/** One ensemble at a time in a fresh worker; cancelling terminates it, which stops the engine at once. */
export function useEnsembleJob() {
  const [state, setState] = useState<EnsembleState>({ status: 'idle' });
  const worker = useRef<Worker | null>(null);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);

  const start = useCallback(
    (request: EnsembleRequest) => {
      stop();
      // Bound here, where the world data already is; a charter that cannot be bound fails before any worker starts.
      let plans: Plan[];
      try {
        plans = request.charters.map((c) =>
          planFor(request.scenario, c, { ignoreRecusal: request.ignoreRecusal }),
        );
      } catch (e) {
        setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) });
        return;
      }
      const w = new Worker(new URL('./crisis.worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      setState({ status: 'running', fraction: 0, stage: 'starting' });
      w.onmessage = (event: MessageEvent<EnsembleReply>) => {
        if (worker.current !== w) return;
        const reply = event.data;
        if (reply.type === 'progress') {
          setState({ status: 'running', fraction: reply.fraction, stage: reply.stage });
          return;
        }
        stop();
        if (reply.type === 'failed') setState({ status: 'failed', message: reply.message });
        else setState({ status: 'done', summaries: reply.summaries, request });
      };
      w.onerror = (event) => {
        if (worker.current !== w) return;
        stop();
        event.preventDefault();
        setState({ status: 'failed', message: event.message || 'the ensemble stopped unexpectedly' });
      };
      const { scenario, runs, seed } = request;
      w.postMessage({ scenario, plans, runs, seed } satisfies WorkerRequest);
    },
    [stop],
  );

  const cancel = useCallback(() => {
    if (!worker.current) return;
    stop();
    setState({ status: 'cancelled' });
  }, [stop]);

  const reset = useCallback(() => {
    stop();
    setState({ status: 'idle' });
  }, [stop]);

  useEffect(() => stop, [stop]);
  return { state, start, cancel, reset };
}
