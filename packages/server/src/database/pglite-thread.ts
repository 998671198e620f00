// The PGlite thread: the embedded database runs here, so its queries (WebAssembly, the in-memory file system,
// the writes to the data directory) never run on the server's event loop. Messages in order, answers in order.
import { parentPort } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PgliteConnection, START_PARAMS } from './pglite-connection.ts';

export type ThreadRequest =
  | { id: number; open: { dataDir?: string } }
  | { id: number; sql: string; params: unknown[] }
  | { id: number; close: true };

export type ThreadAnswer =
  | { id: number; rows: unknown[] }
  | { id: number; error: { message: string } & Record<string, unknown> };

let pg: PGlite | undefined;
let connection: PgliteConnection | undefined;
let work = Promise.resolve();

parentPort?.on('message', (m: ThreadRequest) => {
  // One at a time, in the order sent: a transaction is BEGIN, its queries and COMMIT, sent in that order.
  work = work.then(() => answer(m));
});

async function answer(m: ThreadRequest): Promise<void> {
  try {
    if ('open' in m) {
      pg = await PGlite.create({
        ...(m.open.dataDir ? { dataDir: m.open.dataDir } : {}),
        startParams: START_PARAMS,
      });
      connection = new PgliteConnection(pg);
      parentPort?.postMessage({ id: m.id, rows: [] } satisfies ThreadAnswer);
    } else if ('close' in m) {
      connection?.stop();
      await pg?.close();
      parentPort?.postMessage({ id: m.id, rows: [] } satisfies ThreadAnswer);
    } else {
      const rows = await connection!.query(m.sql, m.params);
      parentPort?.postMessage({ id: m.id, rows } satisfies ThreadAnswer);
    }
  } catch (e) {
    const error = e as Error & Record<string, unknown>;
    // The database's error as plain data (message, code, detail …): an Error's own fields survive the copy.
    const fields = Object.fromEntries(
      Object.entries(error).filter(([, v]) => ['string', 'number'].includes(typeof v)),
    );
    parentPort?.postMessage({ id: m.id, error: { ...fields, message: String(error.message ?? e) } });
  }
}
