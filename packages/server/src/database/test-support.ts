// Runs a test suite against both databases: an in-memory PGlite, and PostgreSQL in a schema of its own (so
// vitest's parallel files never collide). PostgreSQL unreachable: skipped locally, a failure when CI is set.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openDatabase } from './index.ts';
import type { Database, DatabaseKind } from './types.ts';

export const TEST_DATABASE_URL =
  process.env.CONCERT_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

const unreachable = await postgresReachable();

export interface TestDatabase {
  kind: DatabaseKind;
  /** The open database (valid inside tests). */
  db: Database;
  /** Opens another connection to the same database (PostgreSQL only: PGlite is one connection). */
  url?: string;
  schema?: string;
}

/** `describe` once per database; `body` receives a handle whose `db` is open during the tests. */
export function describeEachDatabase(name: string, body: (t: TestDatabase) => void): void {
  for (const kind of ['pglite', 'postgresql'] as const) {
    const handle = { kind } as TestDatabase;
    if (kind === 'postgresql' && unreachable) {
      if (process.env.CI) {
        describe(`${name} [postgresql]`, () => {
          it('needs PostgreSQL in CI', () => {
            throw new Error(`PostgreSQL at ${TEST_DATABASE_URL} is unreachable in CI: ${unreachable}`);
          });
        });
      } else {
        describe.skip(`${name} [postgresql: unreachable, ${unreachable}]`, () => body(handle));
      }
      continue;
    }
    describe(`${name} [${kind}]`, () => {
      beforeAll(async () => {
        if (kind === 'pglite') {
          // CONCERT_TEST_PGLITE_THREAD=1: the whole suite against PGlite on its own thread (as the server runs it).
          handle.db = await openDatabase({ pgliteThread: process.env.CONCERT_TEST_PGLITE_THREAD === '1' });
        } else {
          handle.schema = `test_${randomBytes(6).toString('hex')}`;
          handle.url = TEST_DATABASE_URL;
          handle.db = await openDatabase({ databaseUrl: TEST_DATABASE_URL, schema: handle.schema });
        }
      }, 60_000);
      afterAll(async () => {
        if (handle.schema && handle.db) await handle.db.query(`DROP SCHEMA ${handle.schema} CASCADE`);
        await handle.db?.close();
      });
      body(handle);
    });
  }
}
