import { PGlite } from '@electric-sql/pglite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PgliteConnection, START_PARAMS } from './pglite-connection.ts';
import { TransactionRolledBack } from './types.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PGlite connection', () => {
  let pg: PGlite;
  let c: PgliteConnection;
  beforeEach(async () => {
    pg = await PGlite.create({ startParams: START_PARAMS });
    c = new PgliteConnection(pg, { idleMs: 50, walBytes: 1 });
  });
  afterEach(async () => {
    c.stop();
    await pg.close();
  });

  it('gives the rows PGlite query() gives, for every kind of value we store, with statements prepared once', async () => {
    await c.query(
      `CREATE TABLE t (id bigint, tags text[], ids int[], doc jsonb, at timestamptz, ok boolean, note text)`,
    );
    const values = [
      7,
      ['a', 'b "c"', null],
      [1, 2],
      JSON.stringify({ k: [1, 'x'] }),
      '2030-01-01T00:00:00Z',
      true,
      null,
    ];
    for (let i = 0; i < 3; i++)
      await c.query('INSERT INTO t VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)', values);
    const sql = 'SELECT * FROM t WHERE id = $1 AND $2::text[] && tags';
    const mine = await c.query(sql, [7, ['b "c"']]);
    expect(mine).toHaveLength(3);
    expect(mine).toEqual((await pg.query(sql, [7, ['b "c"']])).rows);
    expect(mine[0]).toMatchObject({
      id: 7,
      tags: ['a', 'b "c"', null],
      ids: [1, 2],
      doc: { k: [1, 'x'] },
      ok: true,
      note: null,
    });
    // One prepared statement per text, however often it runs.
    const names = await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_prepared_statements');
    expect(names.rows[0]!.n).toBe(2);
  });

  it('reports a bad statement with the database error and the query, and keeps working', async () => {
    await expect(c.query('SELECT * FROM nowhere WHERE id = $1', [1])).rejects.toMatchObject({
      code: '42P01',
      query: 'SELECT * FROM nowhere WHERE id = $1',
    });
    await expect(c.query('SELECT $1::int + 1 AS n', [1])).resolves.toEqual([{ n: 2 }]);
  });

  it('refuses to report a COMMIT that rolled back as a commit', async () => {
    await c.query('BEGIN');
    await expect(c.query('SELECT 1/0')).rejects.toMatchObject({ code: '22012' });
    await expect(c.query('COMMIT')).rejects.toBeInstanceOf(TransactionRolledBack);
  });

  it('starts without zero-filling WAL segments', async () => {
    expect(await c.query('SHOW wal_init_zero')).toEqual([{ wal_init_zero: 'off' }]);
  });

  it('takes a checkpoint once idle after enough WAL, and never inside an open transaction', async () => {
    const checkpointed = async () =>
      (await pg.query<{ lsn: string }>('SELECT checkpoint_lsn::text AS lsn FROM pg_control_checkpoint()'))
        .rows[0]!.lsn;
    await c.query('CREATE TABLE w (a text)');
    const before = await checkpointed();
    await c.query('BEGIN');
    await c.query('INSERT INTO w SELECT repeat($1, 200) FROM generate_series(1, 500)', ['x']);
    await sleep(250);
    expect(c.checkpoints).toBe(0);
    await c.query('COMMIT');
    await sleep(250);
    expect(c.checkpoints).toBe(1);
    expect(await checkpointed()).not.toBe(before);
  });
});
