import { migrate } from './migrations.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Database } from './types.ts';

export { MIGRATIONS, migrate } from './migrations.ts';
export { DataDirectoryInUse, openPglite } from './pglite.ts';
export { openPostgres } from './postgres.ts';
export { type Database, type DatabaseKind, DURABILITY, type Queryable } from './types.ts';

export interface OpenOptions {
  /** postgres://… — use PostgreSQL; otherwise the embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data directory; omitted: in memory. */
  dataDir?: string;
  schema?: string;
  /** PGlite on a worker thread of its own (the server), not on the caller's event loop. */
  pgliteThread?: boolean;
}

/** Opens the database the options name and brings its schema up to date. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  const db = options.databaseUrl
    ? await openPostgres({
        connectionString: options.databaseUrl,
        ...(options.schema ? { schema: options.schema } : {}),
      })
    : await openPglite(options.dataDir, { thread: options.pgliteThread ?? false });
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
