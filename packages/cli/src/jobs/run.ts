import { Worker } from 'node:worker_threads';
import cliProgress from 'cli-progress';
import { JobError, UsageError } from '../errors.ts';
import type { WorkerMessage } from './worker.ts';

export interface RunOptions {
  /** Stop after this many seconds with a clear message. */
  timeLimitSeconds: number;
  /** Heap limit of the worker in MiB (typed arrays are budgeted separately by the engine's estimates). */
  heapMb: number;
  /** Show a progress bar on stderr. */
  progress: boolean;
}

/**
 * Runs a job on a worker thread: progress on a bar, Ctrl-C or the time limit stop it at once (the worker is
 * terminated, so even a tight loop cannot hang the command), and errors come back as described messages.
 */
export async function runJob<T>(kind: string, payload: unknown, options: RunOptions): Promise<T> {
  const [result] = await runJobs<T>(kind, [payload], options);
  return result!;
}

/**
 * Runs several parts of one job, each on its own worker thread, behind one progress bar (the mean of the parts'
 * progress). The first error, Ctrl-C or the time limit terminates every worker.
 */
export function runJobs<T>(kind: string, payloads: unknown[], options: RunOptions): Promise<T[]> {
  const workers = payloads.map(
    () =>
      new Worker(new URL('../../bin/worker.js', import.meta.url), {
        resourceLimits: { maxOldGenerationSizeMb: options.heapMb },
      }),
  );
  const bar = options.progress
    ? new cliProgress.SingleBar(
        {
          format: ' {bar} {percentage}% | {stage} | {duration}s',
          stream: process.stderr,
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(100, 0, { stage: 'starting' });
  const fractions = payloads.map(() => 0);
  const results: T[] = new Array(payloads.length);
  let pending = payloads.length;
  return new Promise<T[]>((resolve, reject) => {
    const terminateAll = () => {
      for (const w of workers) void w.terminate();
    };
    const stop = (error: Error) => {
      cleanup();
      terminateAll();
      reject(error);
    };
    const timer = setTimeout(
      () =>
        stop(
          new UsageError(
            `stopped after ${options.timeLimitSeconds} s (--time-limit)`,
            kind === 'simulate'
              ? 'raise --time-limit, or ask for fewer --runs'
              : 'raise --time-limit, or use --method monte-carlo for an estimate with a stated error',
          ),
        ),
      options.timeLimitSeconds * 1000,
    );
    const onSigint = () => stop(new UsageError('cancelled', 'nothing was written'));
    process.once('SIGINT', onSigint);
    const cleanup = () => {
      clearTimeout(timer);
      process.off('SIGINT', onSigint);
      bar?.stop();
    };
    workers.forEach((worker, i) => {
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') {
          fractions[i] = m.fraction;
          const mean = fractions.reduce((a, b) => a + b, 0) / fractions.length;
          bar?.update(Math.round(mean * 100), { stage: m.stage });
        } else if (m.type === 'result') {
          results[i] = m.result as T;
          void worker.terminate();
          if (--pending === 0) {
            cleanup();
            resolve(results);
          }
        } else stop(new JobError(m.text, m.json));
      });
      worker.on('error', (e) => {
        const oom = /heap|memory/i.test(e.message);
        stop(
          oom
            ? new UsageError(
                `the computation ran out of memory (${options.heapMb} MiB heap)`,
                kind === 'simulate' ? 'raise --max-memory' : 'raise --max-memory or use --method monte-carlo',
              )
            : e,
        );
      });
      worker.postMessage({ kind, payload: payloads[i] });
    });
  });
}
