// One small interface over both databases. PGlite and PostgreSQL speak the same SQL (PGlite *is* PostgreSQL
// compiled to WebAssembly), so every query and migration is written once, with $1-style parameters.

export type DatabaseKind = 'pglite' | 'postgresql';

/** Statements sent without awaiting the one before run in the order sent (a transaction may pipeline them). */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/** COMMIT answered ROLLBACK: a statement of the transaction had failed and the error was not undone. */
export class TransactionRolledBack extends Error {
  constructor() {
    super('the transaction was rolled back at COMMIT: a statement in it had failed');
  }
}

export interface Database extends Queryable {
  kind: DatabaseKind;
  /** Runs `work` in one transaction (BEGIN … COMMIT, ROLLBACK on any error); the callback's queries run inside it. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Calls `onMessage` with each notification another connection sends with `notify` (PostgreSQL's LISTEN/NOTIFY,
   * on a channel of this schema); resolves to a function that stops listening. PostgreSQL only.
   */
  listen?(
    onMessage: (payload: string) => void,
    /** After the listening connection was lost and is back: what was sent meanwhile was not heard. */
    onReconnect?: () => void,
  ): Promise<() => Promise<void>>;
  notify?(payload: string): Promise<void>;
}

/** What `/api/health` says about the durability of each kind of database. */
export const DURABILITY: Record<DatabaseKind, string> = {
  pglite:
    'Embedded PGlite: one connection, data kept in the data directory; safe against a process crash, not against a power loss or OS crash (it does not flush to disk on every commit). Use PostgreSQL (DATABASE_URL) for real exercises.',
  postgresql: 'PostgreSQL: durable commits (as configured on the server); the choice for real exercises.',
};
