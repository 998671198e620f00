import { Worker } from 'node:worker_threads';
import type { Analysis, AnalysisResult } from './analysis.ts';
import { runAnalysis } from './analysis.ts';
import type { AnalysisAnswer } from './analysis-worker.ts';

// Where the heavy reads compute. The server uses one long-lived worker thread, started on first use (a
// thread per request would pay the thread's start-up, a second or so with tsx, every time); requests queue
// on it in order. Code that has no server (tests of the record, the CLI) computes in-process.

export interface Analyses {
  run<A extends Analysis>(analysis: A): Promise<AnalysisResult<A['kind']>>;
  close(): Promise<void>;
}

export const IN_PROCESS: Analyses = {
  run: async (analysis) => {
    const result = runAnalysis(analysis);
    return (typeof result === 'string' ? new TextEncoder().encode(result) : result) as never;
  },
  close: async () => {},
};

const ENTRY = new URL('../../bin/analysis-worker.js', import.meta.url);

type Waiting = Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>;

export class AnalysisThread implements Analyses {
  private current: { worker: Worker; waiting: Waiting } | null = null;
  private next = 1;

  run<A extends Analysis>(analysis: A): Promise<AnalysisResult<A['kind']>> {
    const { worker, waiting } = this.thread();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: never) => void, reject });
      worker.ref(); // keeps the process alive while an answer is awaited
      worker.postMessage({ id, analysis });
    });
  }

  async close(): Promise<void> {
    const c = this.current;
    this.current = null;
    if (c) await c.worker.terminate();
  }

  private thread(): { worker: Worker; waiting: Waiting } {
    if (this.current) return this.current;
    const worker = new Worker(ENTRY);
    const waiting: Waiting = new Map();
    const current = { worker, waiting };
    worker.on('message', (m: AnalysisAnswer) => {
      const w = waiting.get(m.id);
      if (!w) return;
      waiting.delete(m.id);
      if (waiting.size === 0) worker.unref();
      if (m.ok) w.resolve(m.result as never);
      else w.reject(new Error(m.message));
    });
    const fail = (e: Error) => {
      if (this.current === current) this.current = null; // the next request starts a fresh thread
      for (const w of waiting.values()) w.reject(e);
      waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the analysis thread ended (exit code ${code})`)));
    worker.unref();
    this.current = current;
    return current;
  }
}
