import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirectoryInUse, MIGRATIONS, openDatabase } from './index.ts';
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
