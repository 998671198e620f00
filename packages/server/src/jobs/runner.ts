import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { Database } from '../database/index.ts';
import { badRequest, HttpError } from '../errors.ts';
import { JobStore } from './store.ts';
import type { JobKind, WorkerMessage } from './worker.ts';

// Jobs run on worker threads, one thread per job, so a long simulation never blocks the server's event loop;
// cancelling or the time limit terminates the thread at once (even inside a tight loop). Every job is recorded
// in the database (jobs/store.ts): a finished job can be read after a restart, and from every server process
// sharing a PostgreSQL database. A job still running when its process stops — shut down, or killed — is taken
// over by the next process to look (at its start, then every heartbeat) and run again from what was asked:
// jobs are deterministic (a seed, 1 unless given), so the result is the one the first attempt would have given.

export interface JobLimits {
  /** Most runs one simulation may ask for. */
  maxRuns: number;
  /** Jobs one user may have running at once (in all the server's processes). */
  perUser: number;
  /** Jobs running at once in this server process. */
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

/** How often a process records that its jobs still run (with their progress) and looks for jobs to take over. */
export const HEARTBEAT_MS = 2_000;
/** A running job whose process has been silent this long is taken over. */
export const STALE_MS = 15_000;
/** Starts a job may have: past them, a job its processes keep stopping under fails. */
export const MAX_ATTEMPTS = 3;

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
  /** How many times it has been started: more than one after its server stopped while it ran. */
  attempts: number;
  finishedAt?: string;
  result?: unknown;
  error?: string;
}

/**
 * What a job's listeners hear: progress, then exactly one final event — or `interrupted` when this process
 * stops while the job runs (it goes on in the next process; a client reconnects to follow it there).
 */
export type JobEvent =
  | { type: 'progress'; fraction: number; stage: string }
  | { type: JobStatus; job: Job }
  | { type: 'interrupted' };

/** What to ask for instead when a job of this kind runs out of time. */
const LESS: Record<JobKind, string> = {
  simulate: 'ask for fewer runs',
  power: 'ask for a faster method (e.g. monte-carlo)',
  design: 'try fewer rules (a coarser quota step, fewer α or member quotas)',
};

const WORKER = new URL('../../bin/worker.js', import.meta.url);

/** A job this process runs: its worker once recorded; `recorded` settles when its outcome is in the database. */
interface Live {
  job: Job;
  worker?: Worker;
  timer?: NodeJS.Timeout;
  recorded?: Promise<void>;
}

export class JobRunner {
  readonly limits: JobLimits;
  private readonly live = new Map<string, Live>();
  private readonly events = new EventEmitter().setMaxListeners(0);
  private readonly store: JobStore;
  /** This process, as the `runner` of its jobs' rows. */
  private readonly me = randomUUID();
  private ticker: NodeJS.Timeout | undefined;
  private ticking = false;
  private closed = false;

  constructor(
    private readonly db: Database,
    limits: Partial<JobLimits> = {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.limits = { ...DEFAULT_JOB_LIMITS, ...limits };
    this.store = new JobStore(db);
  }

  /**
   * Takes over the jobs a stopped process left running; then, on PostgreSQL, beats and looks again every
   * HEARTBEAT_MS. On PGlite one process opens the database, so no other can leave jobs behind while it runs
   * (and a query every 2 s would keep PGlite from its idle checkpoint).
   */
  async open(): Promise<void> {
    await this.adopt();
    if (this.db.kind !== 'postgresql') return;
    this.ticker = setInterval(() => void this.tick(), HEARTBEAT_MS);
    this.ticker.unref();
  }

  /** Starts a job on a new worker thread; refuses (429) when the user or the server is at its limit. */
  async start(kind: JobKind, payload: unknown, owner: number, input: Record<string, unknown>): Promise<Job> {
    if (this.live.size >= this.limits.total)
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
      attempts: 1,
    };
    const live: Live = { job };
    this.live.set(job.id, live); // the slot is taken while the row is written
    let running: number | undefined;
    try {
      running = await this.store.insert(job, payload, this.me, this.limits.perUser);
    } catch (e) {
      this.live.delete(job.id);
      throw e;
    }
    if (running !== undefined) {
      this.live.delete(job.id);
      throw new HttpError(
        429,
        `you already have ${running} jobs running (the limit per user); wait for one to finish or cancel it (POST /api/jobs/:id/cancel)`,
      );
    }
    if (this.closed) {
      // Shut down while the row was written: the next process takes the job over (it was accepted).
      this.live.delete(job.id);
      return job;
    }
    this.run(live, payload);
    this.store.prune(this.limits.keepFinished).catch(() => {});
    return job;
  }

  /** The job as it stands: this process's own if it runs it, otherwise as recorded. */
  async get(id: string): Promise<Job | undefined> {
    return this.live.get(id)?.job ?? (await this.store.get(id));
  }

  /** The user's jobs, newest first, without results. */
  async of(owner: number): Promise<Job[]> {
    const jobs = await this.store.of(owner, this.limits.keepFinished);
    return jobs.map((j) => {
      const own = this.live.get(j.id)?.job;
      if (!own) return j;
      const { result: _r, ...rest } = own;
      return rest;
    });
  }

  /** Cancels a running job, here or in whichever process runs it (409 if it has finished). */
  async cancel(job: Job): Promise<Job> {
    const why = 'cancelled by its owner';
    const own = this.live.get(job.id);
    if (own) {
      // This process's own: cancelled here, or already finished (its outcome perhaps not yet recorded).
      if (own.job.status !== 'running')
        throw new HttpError(409, `job ${job.id} has already ${own.job.status}`);
      this.finish(own, 'cancelled', { error: why });
      await own.recorded;
      return (await this.store.get(job.id)) ?? own.job;
    }
    if (!(await this.store.cancel(job.id, this.now().toISOString(), why))) {
      const now = await this.get(job.id);
      throw new HttpError(409, `job ${job.id} has already ${now?.status ?? job.status}`);
    }
    return (await this.store.get(job.id)) ?? job;
  }

  /**
   * Calls `listener` with each event of the job until its final one; returns the unsubscribe function. A job
   * another process runs is followed through the database, once a heartbeat.
   */
  listen(id: string, listener: (e: JobEvent) => void): () => void {
    if (this.live.has(id)) {
      this.events.on(id, listener);
      return () => this.events.off(id, listener);
    }
    let last = '';
    const poll = setInterval(async () => {
      const job = await this.store.get(id).catch(() => undefined);
      if (!job) return;
      if (job.status !== 'running') {
        clearInterval(poll);
        listener({ type: job.status, job });
        return;
      }
      const seen = JSON.stringify(job.progress);
      if (seen !== last) listener({ type: 'progress', ...job.progress });
      last = seen;
    }, HEARTBEAT_MS / 2);
    return () => clearInterval(poll);
  }

  /** Running workers' count (tests check that a cancelled job's thread is gone). */
  get activeWorkers(): number {
    return [...this.live.values()].filter((l) => l.worker).length;
  }

  /**
   * Stops this process's jobs (server shutdown) and leaves them to the next process, which runs them again;
   * their listeners hear `interrupted`.
   */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.ticker);
    await Promise.allSettled([...this.live.values()].map((l) => l.recorded));
    for (const l of this.live.values()) {
      if (!l.worker) continue;
      this.stopWorker(l);
      this.events.emit(l.job.id, { type: 'interrupted' } satisfies JobEvent);
    }
    this.live.clear();
    await this.store.release(this.me).catch(() => {});
  }

  /** The heartbeat: records progress, drops what was cancelled elsewhere, takes over abandoned jobs. */
  private async tick(): Promise<void> {
    if (this.closed || this.ticking) return;
    this.ticking = true;
    try {
      const mine = [...this.live.values()].filter((l) => l.worker && l.job.status === 'running');
      const still = await this.store.heartbeat(
        this.me,
        mine.map((l) => l.job),
      );
      for (const l of mine) {
        if (still.has(l.job.id) || l.job.status !== 'running') continue;
        this.stopWorker(l);
        this.live.delete(l.job.id);
        await this.tellRecorded(l.job.id);
      }
      if (!this.closed) await this.adopt();
    } catch {
      // The database is unreachable for now: the next heartbeat tries again.
    } finally {
      this.ticking = false;
    }
  }

  /** Takes over running jobs whose process stopped, as many as there are free slots, and runs them again. */
  private async adopt(): Promise<void> {
    const adopted = await this.store.adopt(
      this.me,
      this.limits.total - this.live.size,
      new Date(Date.now() - STALE_MS).toISOString(),
      // PGlite: one process opens the database (its lock file), so any other runner has stopped.
      this.db.kind === 'pglite',
    );
    for (const a of adopted) {
      const live: Live = { job: a.job };
      this.live.set(a.job.id, live);
      if (a.job.attempts > MAX_ATTEMPTS) {
        this.finish(live, 'failed', {
          error: `its server stopped while it ran, ${MAX_ATTEMPTS} times; start it again (perhaps asking for less)`,
        });
      } else this.run(live, a.payload);
    }
  }

  private run(live: Live, payload: unknown): void {
    const { job } = live;
    if (job.status !== 'running') return;
    const worker = new Worker(WORKER, {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb },
    });
    live.worker = worker;
    live.timer = setTimeout(
      () =>
        this.finish(live, 'failed', {
          error: `stopped after ${this.limits.timeLimitSeconds} s (the server's time limit for a job); ${LESS[job.kind]}`,
        }),
      this.limits.timeLimitSeconds * 1000,
    );
    worker.on('message', (m: WorkerMessage) => {
      if (job.status !== 'running' || live.worker !== worker) return;
      if (m.type === 'progress') {
        job.progress = { fraction: m.fraction, stage: m.stage };
        this.events.emit(job.id, { type: 'progress', ...job.progress } satisfies JobEvent);
      } else if (m.type === 'result') this.finish(live, 'succeeded', { result: m.result });
      else this.finish(live, 'failed', { error: m.message });
    });
    worker.on('error', (e) => {
      if (live.worker !== worker) return;
      const oom = /heap|memory/i.test(e.message);
      this.finish(live, 'failed', {
        error: oom
          ? `the job ran out of memory (${this.limits.heapMb} MiB heap); ask for less`
          : `the job failed: ${e.message}`,
      });
    });
    worker.on('exit', () => {
      if (live.worker === worker && job.status === 'running')
        this.finish(live, 'failed', { error: 'the worker thread ended early' });
    });
    worker.postMessage({ kind: job.kind, payload });
  }

  /**
   * Ends the job: its thread at once, its outcome once recorded. Should the record show the job no longer this
   * process's (cancelled, or taken over, through another process), the record's state stands, and the job's
   * listeners hear that instead.
   */
  private finish(live: Live, status: JobStatus, outcome: { result?: unknown; error?: string }): void {
    const { job } = live;
    if (job.status !== 'running' || live.recorded) return;
    this.stopWorker(live);
    const done: Job = {
      ...job,
      status,
      finishedAt: this.now().toISOString(),
      ...(outcome.result !== undefined
        ? { result: outcome.result, progress: { fraction: 1, stage: 'done' } }
        : {}),
      ...(outcome.error !== undefined ? { error: outcome.error } : {}),
    };
    const settle = () => {
      Object.assign(job, done);
      this.events.emit(job.id, { type: status, job } satisfies JobEvent);
    };
    live.recorded = this.store
      .finish(this.me, done)
      .then(
        (mine) => (mine ? settle() : this.tellRecorded(job.id)),
        // The database is unreachable: the outcome is told, though not recorded (the record still shows the
        // job running, and a process taking it over will run it again).
        settle,
      )
      .finally(() => {
        if (this.live.get(job.id) === live) this.live.delete(job.id);
      });
  }

  /**
   * Tells a job's listeners what the record says of a job that is no longer this process's: its outcome if it
   * was cancelled through another process, `interrupted` if one that thought this process gone took it over.
   */
  private async tellRecorded(id: string): Promise<void> {
    const recorded = await this.store.get(id);
    this.events.emit(
      id,
      (recorded && recorded.status !== 'running'
        ? { type: recorded.status, job: recorded }
        : { type: 'interrupted' }) satisfies JobEvent,
    );
  }

  private stopWorker(live: Live): void {
    if (live.timer) clearTimeout(live.timer);
    const worker = live.worker;
    live.worker = undefined;
    if (worker) void worker.terminate();
  }
}

/** A whole number within bounds, or a 400 naming the field. */
export function wholeNumber(value: number, field: string, min: number, max: number, why = ''): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badRequest(`${field} must be a whole number from ${min} to ${max}${why}`, field);
  return value;
}
