import { PGlite, parse, protocol } from '@electric-sql/pglite';
import { TransactionRolledBack } from './types.ts';

// PGlite's query() parses, plans and describes every statement anew (an unnamed statement each time); in its
// WebAssembly that costs more than running most of ours (a vote's poll context: 1.2 ms, 0.4 ms once
// prepared). So a statement with parameters is prepared once under a name, as node-postgres does for named
// queries, and then only bound and executed: one call into PGlite for bind, describe, execute and sync. A
// statement of transaction control (BEGIN, COMMIT, SAVEPOINT …), DDL or a script of several statements goes by
// the simple protocol, which is cheaper still for what need not be planned. Rows come back through PGlite's own parsers, so they are what query() would have returned.

/**
 * PGlite's start parameters, with one change: a new WAL segment is not first filled with 16 MB of zeros
 * (PostgreSQL's wal_init_zero), which stalled the database's thread for tens of milliseconds every 16 MB of
 * WAL (some 15,000 votes). Files on the data directory's file system read as zeros where never written.
 */
export const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'wal_init_zero=off'];

/** Transaction control, and DDL and scripts (several statements): by the simple protocol. */
const CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|CREATE|ALTER|DROP|SET|LOCK)\b|;\s*\S/i;

/** Most statements kept prepared; the least recently used one is closed beyond it. */
const MAX_STATEMENTS = 200;

interface Prepared {
  name: string;
  /** The parameters' type oids, as the server inferred them. */
  types: number[];
}

export interface CheckpointPolicy {
  /** How long the connection must have been idle. */
  idleMs: number;
  /** How much WAL since the last checkpoint makes one due. */
  walBytes: number;
}

/**
 * PGlite runs PostgreSQL in single-user mode, where nothing checkpoints until it closes: the WAL grows with
 * every vote (about 1 KB each) and a restart replays all of it. So a checkpoint is taken when the
 * connection has been idle a while and enough WAL has gathered, never inside a transaction; it blocks the
 * database for a few tens of milliseconds, which idle it can afford.
 */
export const CHECKPOINTS: CheckpointPolicy = { idleMs: 2000, walBytes: 64 * 1024 * 1024 };

export class PgliteConnection {
  private readonly prepared = new Map<string, Prepared>();
  private serial = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private stopped = false;
  private idle: ReturnType<typeof setTimeout> | undefined;
  /** Checkpoints taken while idle. */
  checkpoints = 0;

  constructor(
    readonly pg: PGlite,
    private readonly policy: CheckpointPolicy = CHECKPOINTS,
  ) {}

  /** Runs one statement; statements run one at a time, in the order asked. */
  query<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
    this.pending++;
    clearTimeout(this.idle);
    return this.enqueue(() => this.run<Row>(sql, params)).finally(() => {
      if (--this.pending === 0) this.whenIdle();
    });
  }

  /** Stops the idle timer (before closing the database). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.idle);
  }

  /** Runs `task` after everything queued so far. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => {});
    return run;
  }

  private whenIdle(): void {
    if (this.stopped) return;
    this.idle = setTimeout(() => void this.checkpointIfDue().catch(() => {}), this.policy.idleMs);
    this.idle.unref?.();
  }

  /** Queued like a statement, so that it runs between statements and sees whether a transaction is open. */
  private checkpointIfDue(): Promise<void> {
    return this.enqueue(async () => {
      if (this.pending > 0 || this.pg.isInTransaction()) return;
      const { rows } = await this.pg.query<{ wal: number }>(
        'SELECT (pg_current_wal_lsn() - checkpoint_lsn)::float8 AS wal FROM pg_control_checkpoint()',
      );
      if ((rows[0]?.wal ?? 0) < this.policy.walBytes) return;
      await this.pg.exec('CHECKPOINT');
      this.checkpoints++;
    });
  }

  /** One call into PGlite; its error names the statement (and parameters) it came from. */
  private async call(message: Uint8Array, sql: string, params?: unknown[]) {
    try {
      return (await this.pg.execProtocol(message, { syncToFs: false })).messages;
    } catch (e) {
      throw Object.assign(e as Error, { query: sql, ...(params ? { params } : {}) });
    }
  }

  private async run<Row>(sql: string, params: unknown[]): Promise<Row[]> {
    if (params.length === 0 && CONTROL.test(sql)) {
      // By execProtocol rather than exec(): exec's wrapping (its lock, blob and sync steps) costs more than
      // BEGIN itself, and this connection already runs one statement at a time.
      const messages = await this.call(protocol.serialize.query(sql), sql);
      const last = parse.parseResults(messages, this.pg.parsers).at(-1);
      // COMMIT in a transaction that an error aborted answers ROLLBACK: say so rather than seem to commit.
      if (last?.command === 'ROLLBACK' && /^\s*COMMIT\s*;?\s*$/i.test(sql)) throw new TransactionRolledBack();
      return (last?.rows ?? []) as Row[];
    }
    const statement = await this.statement(sql);
    const values = params.map((v, i) => this.serialise(v, statement.types[i]!));
    const message = join(
      protocol.serialize.bind({ statement: statement.name, values }),
      protocol.serialize.describe({ type: 'P' }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    );
    try {
      return parse.parseResults(await this.call(message, sql, params), this.pg.parsers)[0]!.rows as Row[];
    } catch (e) {
      // A table changed under a prepared statement's result: prepare it anew next time.
      if (/cached plan must not change result type/.test(String((e as Error).message))) this.forget(sql);
      throw e;
    }
  }

  private async statement(sql: string): Promise<Prepared> {
    const known = this.prepared.get(sql);
    if (known) {
      this.prepared.delete(sql); // most recently used last
      this.prepared.set(sql, known);
      return known;
    }
    const name = `concert_${++this.serial}`;
    const messages = await this.call(
      join(
        protocol.serialize.parse({ name, text: sql, types: [] }),
        protocol.serialize.describe({ type: 'S', name }),
        protocol.serialize.sync(),
      ),
      sql,
    );
    const prepared = { name, types: parse.parseDescribeStatementResults(messages) };
    this.prepared.set(sql, prepared);
    if (this.prepared.size > MAX_STATEMENTS) this.forget(this.prepared.keys().next().value!);
    return prepared;
  }

  private forget(sql: string): void {
    const p = this.prepared.get(sql);
    if (!p) return;
    this.prepared.delete(sql);
    // Closing is not transactional and cannot fail on a live statement; run it behind whatever is queued.
    const close = join(protocol.serialize.close({ type: 'S', name: p.name }), protocol.serialize.sync());
    void this.enqueue(() => this.call(close, sql)).catch(() => {});
  }

  /** A parameter as text, as PGlite's query() would send it (arrays by its array serialiser). */
  private serialise(value: unknown, type: number): string | null {
    if (value === null || value === undefined) return null;
    const serialiser = this.pg.serializers[type];
    return serialiser ? serialiser(value) : String(value);
  }
}

function join(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
