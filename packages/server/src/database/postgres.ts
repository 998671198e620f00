import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import pg from 'pg';
import { type Database, type Queryable, TransactionRolledBack } from './types.ts';

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

// A statement with parameters is prepared once per connection under a name derived from its text (node-postgres
// keeps the names it has prepared), then only bound and executed: the server parses and plans it once, not on
// every vote. Statements are a fixed set, bar a few built with a varying number of placeholders; past
// MAX_NAMED distinct texts, new ones go unnamed.
const MAX_NAMED = 500;
const named = new Map<string, string>();

function statementName(sql: string): string | undefined {
  let name = named.get(sql);
  if (!name && named.size < MAX_NAMED) {
    name = `concert_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    named.set(sql, name);
  }
  return name;
}

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    ...connectionOf(options),
    max: options.max ?? 10,
    // Pipeline mode: a query is written to the connection without waiting for the answer to the one before,
    // so statements issued together (BEGIN and a transaction's first reads, say) cost one round trip. They
    // still run in the order written, each with its own Sync (an error does not swallow the next).
    pipeline: true,
  });
  pool.on('error', () => {}); // an idle client's error is reported on its next use
  // Notification channels are per database, not per schema: each schema (each test file, each bench run)
  // gets its own. Asked once, on first use.
  let schemaChannel: Promise<string> | undefined;
  const channel = () =>
    (schemaChannel ??= pool
      .query<{ schema: string }>('SELECT current_schema() AS schema')
      .then(({ rows }) => `concert_${rows[0]!.schema}`.slice(0, 63))
      .catch((e: unknown) => {
        schemaChannel = undefined; // ask again next time
        throw e;
      }));
  if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
  const on = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: unknown[] = []) {
      if (c instanceof pg.Client) writeTogether(c);
      const r = await c.query(
        params.length > 0 ? { name: statementName(sql), text: sql, values: params } : sql,
      );
      return r.rows as Row[];
    },
  });
  return {
    kind: 'postgresql',
    ...on(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        // BEGIN travels with the transaction's first statements (pipeline mode) rather than a round trip of
        // its own; it is awaited before COMMIT, and fails only with the connection, which fails them too.
        const begun = client.query('BEGIN');
        begun.catch(() => {});
        const result = await work(on(client));
        await begun;
        const committed = await client.query('COMMIT');
        // COMMIT in a transaction that an error aborted answers ROLLBACK: say so rather than seem to commit.
        if (committed.command === 'ROLLBACK') throw new TransactionRolledBack();
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
    listen: async (onMessage, onReconnect) => listen(options, await channel(), onMessage, onReconnect),
    notify: async (payload) => {
      await pool.query('SELECT pg_notify($1, $2)', [await channel(), payload]);
    },
  };
}

/**
 * Holds a connection's writes until the current tick's work is done, so that statements issued together (a
 * batch's reads, say) leave in one write to the socket rather than one each: node-postgres writes every
 * statement on its own, and on loopback each write is a system call that also runs the receiving side's
 * network stack — a fifth of the server's time under load.
 */
export function writeTogether(client: pg.Client): void {
  const stream = (client as unknown as { connection?: { stream?: Partial<Writable> } }).connection?.stream;
  if (!stream?.cork || !stream.uncork || (stream.writableCorked ?? 0) > 0) return;
  stream.cork();
  process.nextTick(() => stream.uncork!());
}

const connectionOf = (options: PostgresOptions) => ({
  connectionString: options.connectionString,
  ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
});

/**
 * LISTEN on a connection of its own (a pooled one would be handed to others), reconnecting a second after
 * it is lost, until stopped.
 */
async function listen(
  options: PostgresOptions,
  channel: string,
  onMessage: (payload: string) => void,
  onReconnect?: () => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connect = async (first: boolean): Promise<void> => {
    const c = new pg.Client(connectionOf(options));
    const lost = () => {
      if (client !== c) return;
      client = undefined;
      c.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect(false), 1000);
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (n) => {
      if (n.channel === channel && n.payload !== undefined) onMessage(n.payload);
    });
    client = c;
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (!first) onReconnect?.();
    } catch (e) {
      if (!first) return lost();
      client = undefined;
      await c.end().catch(() => {});
      throw e;
    }
  };
  await connect(true);
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = client;
    client = undefined;
    await c?.end().catch(() => {});
  };
}
