import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DataDirectoryInUse, MIGRATIONS, openDatabase } from './index.ts';
import { writeTogether } from './postgres.ts';
import { describeEachDatabase } from './test-support.ts';

describeEachDatabase('database', (t) => {
  it('applies every migration once and records it', async () => {
    const rows = await t.db.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('rolls a transaction back entirely when any statement fails', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query('INSERT INTO server_settings (key, value) VALUES ($1, $2)', ['rollback-probe', '1']);
        await tx.query('INSERT INTO server_settings (key, value) VALUES ($1, $2)', ['rollback-probe', '2']);
      }),
    ).rejects.toThrow();
    expect(await t.db.query('SELECT * FROM server_settings WHERE key = $1', ['rollback-probe'])).toEqual([]);
  });

  it.runIf(t.kind === 'postgresql')(
    "sends a transaction's statements issued together in one write to the socket (PostgreSQL)",
    async () => {
      const client = new pg.Client({ connectionString: t.url, pipeline: true } as pg.ClientConfig);
      await client.connect();
      try {
        // Count the socket's writes: each is one system call (one `writev` for many buffers).
        const stream = (client as unknown as { connection: { stream: Writable } }).connection.stream;
        let writes = 0;
        const s = stream as unknown as Record<'_write' | '_writev', (...a: unknown[]) => void>;
        for (const m of ['_write', '_writev'] as const) {
          const original = s[m]!.bind(stream);
          s[m] = (...a: unknown[]) => {
            writes++;
            original(...a);
          };
        }
        const three = async (together: boolean) => {
          writes = 0;
          if (together) writeTogether(client);
          const rows = await Promise.all([
            client.query('SELECT 1 AS n'),
            client.query({ name: 'together', text: 'SELECT $1::int AS n', values: [2] }),
            client.query('SELECT 3 AS n'),
          ]);
          expect(rows.map((r) => r.rows[0].n)).toEqual([1, 2, 3]);
          return writes;
        };
        expect(await three(false)).toBe(3);
        expect(await three(true)).toBe(1);
      } finally {
        await client.end();
      }
    },
  );

  it('reads jsonb back as plain data', async () => {
    await t.db.query('INSERT INTO server_settings (key, value) VALUES ($1, $2)', [
      'json-probe',
      { a: [1, 'x'] },
    ]);
    const [row] = await t.db.query<{ value: unknown }>('SELECT value FROM server_settings WHERE key = $1', [
      'json-probe',
    ]);
    expect(row?.value).toEqual({ a: [1, 'x'] });
  });
});

describe('PGlite data directory', () => {
  it('is created and migrated on first open, keeps data across restarts, and admits one process at a time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concert-data-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await first.query('INSERT INTO server_settings (key, value) VALUES ($1, $2)', ['kept', '"yes"']);
      expect(readFileSync(join(dir, 'concert.lock'), 'utf8').trim()).toBe(String(process.pid));
      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirectoryInUse);
      await first.close();
      expect(existsSync(join(dir, 'concert.lock'))).toBe(false);
      const second = await openDatabase({ dataDir: dir });
      expect(await second.query('SELECT value FROM server_settings WHERE key = $1', ['kept'])).toEqual([
        { value: 'yes' },
      ]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PGlite on its own thread (the server)', () => {
  it('keeps data in the data directory, rolls back a failed transaction and reports the error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concert-thread-'));
    try {
      const db = await openDatabase({ dataDir: dir, pgliteThread: true });
      await db.query('INSERT INTO server_settings (key, value) VALUES ($1, $2)', ['kept', '"yes"']);
      const failed = db.transaction(async (tx) => {
        await tx.query('INSERT INTO server_settings (key, value) VALUES ($1, $2)', ['lost', '"no"']);
        await tx.query('INSERT INTO server_settings (key, value) VALUES ($1, $2)', ['kept', '"twice"']);
      });
      await expect(failed).rejects.toMatchObject({
        message: expect.stringMatching(/duplicate key/),
        code: '23505',
      });
      expect(
        await db.query('SELECT key FROM server_settings WHERE key = ANY($1) ORDER BY key', [
          ['kept', 'lost'],
        ]),
      ).toEqual([{ key: 'kept' }]);
      await expect(openDatabase({ dataDir: dir, pgliteThread: true })).rejects.toBeInstanceOf(
        DataDirectoryInUse,
      );
      await db.close();
      const again = await openDatabase({ dataDir: dir, pgliteThread: true });
      expect(await again.query('SELECT value FROM server_settings WHERE key = $1', ['kept'])).toEqual([
        { value: 'yes' },
      ]);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs transactions one after another in the order asked, and keeps other queries out of an open one', async () => {
    const db = await openDatabase({ pgliteThread: true });
    try {
      await db.query("INSERT INTO server_settings (key, value) VALUES ('n', '0')");
      const order: string[] = [];
      let inside!: () => void;
      const begun = new Promise<void>((r) => {
        inside = r;
      });
      let finish!: () => void;
      const held = new Promise<void>((r) => {
        finish = r;
      });
      const first = db.transaction(async (tx) => {
        await tx.query("UPDATE server_settings SET value = '1' WHERE key = 'n'");
        inside();
        await held; // the transaction stays open: nothing else may run inside it
        order.push('first');
      });
      await begun;
      const second = db.transaction(async (tx) => {
        order.push('second');
        return tx.query<{ value: number }>("SELECT value FROM server_settings WHERE key = 'n'");
      });
      const outside = db
        .query<{ value: number }>("SELECT value FROM server_settings WHERE key = 'n'")
        .then((r) => {
          order.push('outside');
          return r;
        });
      await new Promise((r) => setTimeout(r, 50));
      expect(order).toEqual([]); // both wait for the open transaction
      finish();
      await first;
      expect(await second).toEqual([{ value: 1 }]);
      expect(await outside).toEqual([{ value: 1 }]); // it saw the committed change, not a half of it
      expect(order[0]).toBe('first');
    } finally {
      await db.close();
    }
  });
});
