import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PgliteConnection, START_PARAMS } from './pglite-connection.ts';
import type { ThreadAnswer } from './pglite-thread.ts';
import type { Database, Queryable } from './types.ts';

export class DataDirectoryInUse extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `the data directory ${dir} is in use by another Concert process (pid ${pid}); PGlite allows one process per data directory — stop that process, or set CONCERT_DATA_DIR to another directory, or use PostgreSQL via DATABASE_URL`,
    );
  }
}

/**
 * Opens the embedded database. With `dataDir`, data persists there and a lock file (`concert.lock`, holding
 * the pid) keeps a second process out: two PGlite instances on one directory would corrupt it. A lock left by
 * a process that no longer runs is taken over. Without `dataDir`, the database lives in memory (tests).
 * `thread`: run PGlite on a worker thread of its own (the server does), so that its queries never block the
 * event loop; otherwise in this thread (tests, seeding, the CLI).
 */
export async function openPglite(dataDir?: string, options: { thread?: boolean } = {}): Promise<Database> {
  let release = () => {};
  const dir = dataDir ? resolve(dataDir) : undefined;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    release = lockDataDirectory(dir);
  }
  try {
    if (options.thread) return await openThread(dir ? join(dir, 'pglite') : undefined, release);
    return inProcess(
      await PGlite.create({ ...(dir ? { dataDir: join(dir, 'pglite') } : {}), startParams: START_PARAMS }),
      release,
    );
  } catch (e) {
    release();
    throw e;
  }
}

const THREAD = new URL('../../bin/pglite-thread.js', import.meta.url);

type Send = (sql: string, params: unknown[]) => Promise<unknown[]>;

/** PGlite behind a message channel: the thread answers in the order asked (pglite-thread.ts). */
async function openThread(dataDir: string | undefined, release: () => void): Promise<Database> {
  const worker = new Worker(THREAD);
  const waiting = new Map<number, { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }>();
  let next = 1;
  let failed: Error | undefined;
  worker.on('message', (m: ThreadAnswer) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if ('rows' in m) w.resolve(m.rows);
    else w.reject(Object.assign(new Error(m.error.message), m.error));
  });
  const fail = (e: Error) => {
    failed ??= e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the PGlite thread ended (exit code ${code})`)));
  const send = (request: Record<string, unknown>): Promise<unknown[]> => {
    if (failed) return Promise.reject(failed);
    const id = next++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...request });
    });
  };
  await send({ open: dataDir ? { dataDir } : {} });
  return overConnection(
    (sql, params) => send({ sql, params }),
    async () => {
      await send({ close: true }).catch(() => {});
      await worker.terminate();
    },
    release,
  );
}

/**
 * One PGlite connection as a Database. Statements run in the order sent (so a transaction may send several
 * without awaiting each). What needs care is the transaction: PGlite is one connection, so while one is open
 * (BEGIN sent, COMMIT not yet) no other statement may be sent, or it would run inside it. Transactions
 * therefore queue on a chain, in the order they were asked for, and a statement outside them waits for the
 * open one to end; statements outside transactions go straight through.
 */
function overConnection(send: Send, shut: () => Promise<void>, release: () => void): Database {
  let chain: Promise<unknown> = Promise.resolve();
  let open: Promise<unknown> | null = null; // the transaction in progress, if any
  const direct: Queryable = {
    query: async <Row>(sql: string, params: unknown[] = []) => (await send(sql, params)) as Row[],
  };
  return {
    kind: 'pglite',
    async query<Row>(sql: string, params: unknown[] = []) {
      while (open) await open.catch(() => {});
      return direct.query<Row>(sql, params);
    },
    transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const run = async () => {
        // Statements run in the order sent, so BEGIN need not be awaited before the first query.
        const begun = direct.query('BEGIN');
        begun.catch(() => {});
        try {
          const result = await work(direct);
          await begun;
          await direct.query('COMMIT');
          return result;
        } catch (e) {
          await direct.query('ROLLBACK').catch(() => {});
          throw e;
        }
      };
      const mine = chain.then(() => {
        const t = run();
        open = t;
        return t.finally(() => {
          if (open === t) open = null;
        });
      });
      chain = mine.catch(() => {});
      return mine;
    },
    async close() {
      try {
        await chain;
        await shut();
      } finally {
        release();
      }
    },
  };
}

function inProcess(pg: PGlite, release: () => void): Database {
  const connection = new PgliteConnection(pg);
  return overConnection(
    (sql, params) => connection.query(sql, params),
    () => {
      connection.stop();
      return pg.close();
    },
    release,
  );
}

function lockDataDirectory(dir: string): () => void {
  const lock = join(dir, 'concert.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        if (existsSync(lock) && readFileSync(lock, 'utf8').trim() === String(process.pid)) rmSync(lock);
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(lock, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) throw new DataDirectoryInUse(dir, pid);
      rmSync(lock, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not lock ${lock}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
