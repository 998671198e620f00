import type { Database } from '../database/index.ts';
import type { Job, JobStatus } from './runner.ts';
import type { JobKind } from './worker.ts';

// The jobs' record in the database (table `jobs`): every job, its progress as last reported, its outcome, and
// which server process (`runner`) runs it, with that process's last heartbeat. A running job whose runner
// stopped (shut down, killed) is taken over and run again from its payload by the next process to look.

interface JobRow {
  id: string;
  kind: JobKind;
  owner_id: number;
  status: JobStatus;
  input: Record<string, unknown>;
  payload?: unknown;
  progress: Job['progress'];
  created_at: string;
  finished_at: string | null;
  result?: unknown;
  error: string | null;
  attempts: number;
}

const COLUMNS = 'id, kind, owner_id, status, input, progress, created_at, finished_at, error, attempts';

function jobOf(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    owner: Number(row.owner_id),
    status: row.status,
    input: row.input,
    progress: row.progress,
    createdAt: row.created_at,
    attempts: Number(row.attempts),
    ...(row.finished_at ? { finishedAt: row.finished_at } : {}),
    ...(row.error ? { error: row.error } : {}),
    ...(row.result !== undefined && row.result !== null ? { result: row.result } : {}),
  };
}

/** A taken-over job (its `attempts` counting this start) and what its worker needs. */
export interface Adopted {
  job: Job;
  payload: unknown;
}

export class JobStore {
  constructor(private readonly db: Database) {}

  /**
   * Records a new running job of `runner`, unless its owner already has `perUser` running (in any process):
   * then returns how many. Counted and inserted under a lock on the owner, so two at once cannot both pass.
   */
  async insert(job: Job, payload: unknown, runner: string, perUser: number): Promise<number | undefined> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(4242002, $1)', [job.owner]);
      const [{ n }] = (await tx.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM jobs WHERE owner_id = $1 AND status = 'running'",
        [job.owner],
      )) as [{ n: number }];
      if (n >= perUser) return n;
      await tx.query(
        `INSERT INTO jobs (id, kind, owner_id, status, input, payload, progress, created_at, runner, heartbeat_at)
         VALUES ($1, $2, $3, 'running', $4::json, $5::json, $6::json, $7, $8, $9)`,
        [
          job.id,
          job.kind,
          job.owner,
          JSON.stringify(job.input),
          JSON.stringify(payload),
          JSON.stringify(job.progress),
          job.createdAt,
          runner,
          new Date().toISOString(),
        ],
      );
      return undefined;
    });
  }

  async get(id: string): Promise<Job | undefined> {
    const [row] = await this.db.query<JobRow>(`SELECT ${COLUMNS}, result FROM jobs WHERE id = $1`, [id]);
    return row ? jobOf(row) : undefined;
  }

  /** The owner's jobs, newest first, without their results. */
  async of(owner: number, limit: number): Promise<Job[]> {
    const rows = await this.db.query<JobRow>(
      `SELECT ${COLUMNS} FROM jobs WHERE owner_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [owner, limit],
    );
    return rows.map(jobOf);
  }

  /**
   * The runner's heartbeat for its jobs, with their progress; returns the ids still its own and running (a job
   * missing from the answer was cancelled, or taken over, elsewhere).
   */
  async heartbeat(runner: string, jobs: Job[]): Promise<Set<string>> {
    if (jobs.length === 0) return new Set();
    const rows = await this.db.query<{ id: string }>(
      `UPDATE jobs SET heartbeat_at = $2, progress = p.progress::json
         FROM unnest($3::uuid[], $4::text[]) AS p(id, progress)
        WHERE jobs.id = p.id AND runner = $1 AND status = 'running'
        RETURNING jobs.id`,
      [runner, new Date().toISOString(), jobs.map((j) => j.id), jobs.map((j) => JSON.stringify(j.progress))],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Records the outcome, if the job is still this runner's and running; says whether it was. */
  async finish(runner: string, job: Job): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE jobs SET status = $3, finished_at = $4, result = $5::json, error = $6, progress = $7::json,
              payload = NULL, runner = NULL
        WHERE id = $1 AND runner = $2 AND status = 'running'
        RETURNING id`,
      [
        job.id,
        runner,
        job.status,
        job.finishedAt,
        job.result === undefined ? null : JSON.stringify(job.result),
        job.error ?? null,
        JSON.stringify(job.progress),
      ],
    );
    return rows.length > 0;
  }

  /** Cancels a running job whichever process runs it; false if it was not running. */
  async cancel(id: string, at: string, error: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE jobs SET status = 'cancelled', finished_at = $2, error = $3, payload = NULL, runner = NULL
        WHERE id = $1 AND status = 'running' RETURNING id`,
      [id, at, error],
    );
    return rows.length > 0;
  }

  /** Leaves the runner's running jobs for another process to take over at once (a shutdown). */
  async release(runner: string): Promise<void> {
    await this.db.query(
      "UPDATE jobs SET runner = NULL, heartbeat_at = NULL WHERE runner = $1 AND status = 'running'",
      [runner],
    );
  }

  /**
   * Takes over at most `limit` running jobs whose runner is gone: released, silent since `staleBefore`, or
   * (`everyOther`) any runner but this one — PGlite, where one process alone opens the database. Oldest first.
   */
  async adopt(runner: string, limit: number, staleBefore: string, everyOther: boolean): Promise<Adopted[]> {
    if (limit <= 0) return [];
    const rows = await this.db.query<JobRow>(
      `UPDATE jobs SET runner = $1, heartbeat_at = $2, attempts = attempts + 1,
              progress = '{"fraction":0,"stage":"resumed"}'::json
        WHERE id IN (SELECT id FROM jobs
                      WHERE status = 'running' AND runner IS DISTINCT FROM $1
                        AND (runner IS NULL OR heartbeat_at IS NULL OR heartbeat_at < $3 OR $4)
                      ORDER BY created_at LIMIT $5 FOR UPDATE SKIP LOCKED)
        RETURNING ${COLUMNS}, payload`,
      [runner, new Date().toISOString(), staleBefore, everyOther, limit],
    );
    return rows
      .map((r) => ({ job: jobOf(r), payload: r.payload }))
      .sort((a, b) => a.job.createdAt.localeCompare(b.job.createdAt));
  }

  /** Forgets all but the newest `keep` finished jobs. */
  async prune(keep: number): Promise<void> {
    await this.db.query(
      `DELETE FROM jobs WHERE status <> 'running' AND id NOT IN
         (SELECT id FROM jobs WHERE status <> 'running' ORDER BY finished_at DESC NULLS LAST LIMIT $1)`,
      [keep],
    );
  }
}
