// The record must run where the web client runs: bundled for the browser (no Node built-ins) and executed in a
// bare context with only what browsers provide (TextEncoder, crypto.getRandomValues), it verifies an export.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the record in a browser-like context', () => {
  it('bundles for the browser and verifies the example export, and signs and verifies a checkpoint', async () => {
    const bundle = await build({
      entryPoints: [join(import.meta.dirname, 'index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'record',
      write: false,
      logLevel: 'silent',
    });
    const code = bundle.outputFiles[0]!.text;
    const example = readFileSync(
      join(import.meta.dirname, '..', '..', '..', '..', 'docs', 'examples', 'audit-export.json'),
      'utf8',
    );
    const context = {
      TextEncoder,
      crypto: { getRandomValues: (a: Uint8Array) => globalThis.crypto.getRandomValues(a) },
      exportText: example,
      result: undefined as unknown,
    };
    runInNewContext(
      `${code}
      const file = record.readAuditExport(exportText);
      const report = record.verifyLog(file.entries, file.checkpoints, file.publicKey);
      const key = record.generateSigningKey();
      const cp = record.signCheckpoint({ origin: 'o', size: 0, rootHash: record.bytesToHex(record.EMPTY_ROOT),
        headHash: record.GENESIS_HASH, timestamp: '2030-01-01T00:00:00Z' }, key.privateKey);
      result = { ok: report.ok, count: report.count, signed: record.verifyCheckpoint(cp, key.publicKey),
        hasProcess: typeof process !== 'undefined', hasBuffer: typeof Buffer !== 'undefined' };`,
      context,
    );
    expect(context.result).toEqual({
      ok: true,
      count: 12,
      signed: true,
      hasProcess: false,
      hasBuffer: false,
    });
  });
});
