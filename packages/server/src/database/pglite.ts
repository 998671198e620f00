import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
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
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  let release = () => {};
  let pg: PGlite;
  if (dataDir) {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    release = lockDataDirectory(dir);
    try {
      pg = await PGlite.create({ dataDir: join(dir, 'pglite') });
    } catch (e) {
      release();
      throw e;
    }
  } else {
    pg = await PGlite.create();
  }
  return wrap(pg, release);
}

function wrap(pg: PGlite, release: () => void): Database {
  const run = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<Row>(sql: string, params: unknown[] = []) {
      const r = await q.query<Row>(sql, params);
      return r.rows;
    },
  });
  return {
    kind: 'pglite',
    ...run(pg),
    // PGlite is one connection: its transaction() holds a mutex, so other queries wait until it ends.
    transaction: (work) => pg.transaction((tx) => work(run(tx))),
    async close() {
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
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
