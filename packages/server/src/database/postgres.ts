import pg from 'pg';
import type { Database, Queryable } from './types.ts';

// Dates and timestamps come back as strings in both databases (PGlite returns Date for timestamptz; we read
// them as ISO text by casting in SQL where it matters), and int8 as a JS number: sequence numbers stay far
// below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export interface PostgresOptions {
  connectionString: string;
  /** Schema to use (created if missing); tests isolate each file in its own. */
  schema?: string;
  max?: number;
}

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  pool.on('error', () => {}); // an idle client's error is reported on its next use
  if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
  const on = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: unknown[] = []) {
      const r = await c.query(sql, params);
      return r.rows as Row[];
    },
  });
  return {
    kind: 'postgresql',
    ...on(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
