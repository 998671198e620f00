import { useCallback, useEffect, useRef, useState } from 'react';
import type { Outcome, PowerReply, PowerRequest } from './protocol.ts';

export type JobState<T extends Outcome> =
  | { status: 'idle' }
  | { status: 'running'; fraction: number; stage: string; label: string }
  | { status: 'done'; outcome: T; label: string }
  | { status: 'failed'; message: string; hint?: string; label: string }
  | { status: 'cancelled'; label: string };

/**
 * One computation at a time in a fresh worker. Starting a new one or cancelling terminates the worker, which
 * stops the engine at once wherever it is (it runs synchronously, so a message could not reach it).
 */
export function usePowerJob<T extends Outcome>() {
  const [state, setState] = useState<JobState<T>>({ status: 'idle' });
  const worker = useRef<Worker | null>(null);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);

  const start = useCallback(
    (request: PowerRequest, label: string) => {
      stop();
      const w = new Worker(new URL('./power.worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      setState({ status: 'running', fraction: 0, stage: 'starting', label });
      w.onmessage = (event: MessageEvent<PowerReply>) => {
        if (worker.current !== w) return;
        const reply = event.data;
        if (reply.type === 'progress') {
          setState({ status: 'running', fraction: reply.fraction, stage: reply.stage, label });
          return;
        }
        stop();
        if (reply.type === 'failed')
          setState({
            status: 'failed',
            message: reply.message,
            ...(reply.hint ? { hint: reply.hint } : {}),
            label,
          });
        else setState({ status: 'done', outcome: reply as T, label });
      };
      w.onerror = (event) => {
        if (worker.current !== w) return;
        stop();
        event.preventDefault();
        setState({
          status: 'failed',
          message: event.message || 'the computation stopped unexpectedly',
          label,
        });
      };
      w.postMessage(request);
    },
    [stop],
  );

  const cancel = useCallback(() => {
    if (!worker.current) return;
    stop();
    setState((s) => ({ status: 'cancelled', label: 'label' in s ? s.label : '' }));
  }, [stop]);

  /** Back to nothing shown: a new question that cannot be asked should not leave the last answer up. */
  const reset = useCallback(() => {
    stop();
    setState({ status: 'idle' });
  }, [stop]);

  useEffect(() => stop, [stop]);
  return { state, start, cancel, reset };
}
