import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import { badRequest, HttpError } from '../errors.ts';
import type { JobKind, WorkerMessage } from './worker.ts';

// Jobs run on worker threads, one thread per job, so a long simulation never blocks the server's event loop;
// cancelling or the time limit terminates the thread at once (even inside a tight loop). Jobs live in this
// process: a restart forgets them (a Postgres-backed queue is the step for several processes, DESIGN.md).

export interface JobLimits {
  /** Most runs one simulation may ask for. */
  maxRuns: number;
  /** Jobs one user may have running at once. */
  perUser: number;
  /** Jobs running at once on this server. */
  total: number;
  /** A job still running after this many seconds is stopped and fails. */
  timeLimitSeconds: number;
  /** The worker's heap limit, MiB. */
  heapMb: number;
  /** Finished jobs kept for reading (the oldest are forgotten first). */
  keepFinished: number;
}

export const DEFAULT_JOB_LIMITS: JobLimits = {
  maxRuns: 1_000_000,
  perUser: 2,
  total: 4,
  timeLimitSeconds: 300,
  heapMb: 512,
  keepFinished: 200,
};

export type JobStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface Job {
  id: string;
  kind: JobKind;
  owner: number;
  status: JobStatus;
  /** What was asked, as the client may see it again (no charter sources). */
  input: Record<string, unknown>;
  progress: { fraction: number; stage: string };
  createdAt: string;
  finishedAt?: string;
  result?: unknown;
  error?: string;
}

/** What a job's listeners hear: progress, then exactly one final event. */
export type JobEvent = { type: 'progress'; fraction: number; stage: string } | { type: JobStatus; job: Job };

/** What to ask for instead when a job of this kind runs out of time. */
const LESS: Record<JobKind, string> = {
  simulate: 'ask for fewer runs',
  power: 'ask for a faster method (e.g. monte-carlo)',
  design: 'try fewer rules (a coarser quota step, fewer α or member quotas)',
};

const WORKER = new URL('../../bin/worker.js', import.meta.url);

export class JobRunner {
  readonly limits: JobLimits;
  private readonly jobs = new Map<string, Job>();
  private readonly workers = new Map<string, { worker: Worker; timer: NodeJS.Timeout }>();
  private readonly events = new EventEmitter().setMaxListeners(0);

  constructor(
    limits: Partial<JobLimits> = {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.limits = { ...DEFAULT_JOB_LIMITS, ...limits };
  }

  /** Starts a job on a new worker thread; refuses (429) when the user or the server is at its limit. */
  start(kind: JobKind, payload: unknown, owner: number, input: Record<string, unknown>): Job {
    const running = [...this.jobs.values()].filter((j) => j.status === 'running');
    if (running.filter((j) => j.owner === owner).length >= this.limits.perUser)
      throw new HttpError(
        429,
        `you already have ${this.limits.perUser} jobs running (the limit per user); wait for one to finish or cancel it (POST /api/jobs/:id/cancel)`,
      );
    if (running.length >= this.limits.total)
      throw new HttpError(
        429,
        `the server is running ${this.limits.total} jobs (its limit); try again when one has finished`,
      );
    const job: Job = {
      id: randomUUID(),
      kind,
      owner,
      status: 'running',
      input,
      progress: { fraction: 0, stage: 'starting' },
      createdAt: this.now().toISOString(),
    };
    this.jobs.set(job.id, job);
    this.forgetOld();
    const worker = new Worker(WORKER, {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb },
    });
    const timer = setTimeout(
      () =>
        this.finish(job, 'failed', {
          error: `stopped after ${this.limits.timeLimitSeconds} s (the server's time limit for a job); ${LESS[kind]}`,
        }),
      this.limits.timeLimitSeconds * 1000,
    );
    this.workers.set(job.id, { worker, timer });
    worker.on('message', (m: WorkerMessage) => {
      if (job.status !== 'running') return;
      if (m.type === 'progress') {
        job.progress = { fraction: m.fraction, stage: m.stage };
        this.events.emit(job.id, { type: 'progress', ...job.progress } satisfies JobEvent);
      } else if (m.type === 'result') this.finish(job, 'succeeded', { result: m.result });
      else this.finish(job, 'failed', { error: m.message });
    });
    worker.on('error', (e) => {
      const oom = /heap|memory/i.test(e.message);
      this.finish(job, 'failed', {
        error: oom
          ? `the job ran out of memory (${this.limits.heapMb} MiB heap); ask for less`
          : `the job failed: ${e.message}`,
      });
    });
    worker.on('exit', () => {
      if (job.status === 'running') this.finish(job, 'failed', { error: 'the worker thread ended early' });
    });
    worker.postMessage({ kind, payload });
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** The user's jobs, newest first. */
  of(owner: number): Job[] {
    return [...this.jobs.values()].filter((j) => j.owner === owner).reverse();
  }

  cancel(job: Job): void {
    if (job.status !== 'running') throw new HttpError(409, `job ${job.id} has already ${job.status}`);
    this.finish(job, 'cancelled', { error: 'cancelled by its owner' });
  }

  /** Calls `listener` with each event of the job until its final one; returns the unsubscribe function. */
  listen(id: string, listener: (e: JobEvent) => void): () => void {
    this.events.on(id, listener);
    return () => this.events.off(id, listener);
  }

  /** Running workers' count (tests check that a cancelled job's thread is gone). */
  get activeWorkers(): number {
    return this.workers.size;
  }

  /** Stops every running job (server shutdown). */
  async close(): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.status === 'running');
    for (const job of running) this.finish(job, 'cancelled', { error: 'the server shut down' });
  }

  private finish(job: Job, status: JobStatus, outcome: { result?: unknown; error?: string }): void {
    if (job.status !== 'running') return;
    job.status = status;
    job.finishedAt = this.now().toISOString();
    if (outcome.result !== undefined) {
      job.result = outcome.result;
      job.progress = { fraction: 1, stage: 'done' };
    }
    if (outcome.error !== undefined) job.error = outcome.error;
    const w = this.workers.get(job.id);
    if (w) {
      clearTimeout(w.timer);
      this.workers.delete(job.id);
      void w.worker.terminate();
    }
    this.events.emit(job.id, { type: status, job } satisfies JobEvent);
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - this.limits.keepFinished)))
      this.jobs.delete(j.id);
  }
}

/** A whole number within bounds, or a 400 naming the field. */
export function wholeNumber(value: number, field: string, min: number, max: number, why = ''): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badRequest(`${field} must be a whole number from ${min} to ${max}${why}`, field);
  return value;
}
