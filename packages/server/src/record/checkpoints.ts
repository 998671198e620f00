import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  bytesToHex,
  type Checkpoint,
  checkpointNote,
  generateSigningKey,
  hexToBytes,
  type LogReport,
  publicKeyOf,
  type SigningKey,
} from '@concert/engine';
import type { Queryable } from '../database/index.ts';
import { type Analyses, IN_PROCESS } from '../jobs/analyses.ts';
import { auditPages } from './audit.ts';

// Signed checkpoints anchor the log's head outside the table: a chain checked only against the database misses
// a truncation or a rewrite of the whole tail with recomputed hashes. The server signs with an Ed25519 key
// generated on first start; clients keep the checkpoints they are given and can present them to /verify.

export interface RecordKeeping {
  origin: string;
  key: SigningKey;
  /** A file outside the database where every issued checkpoint is appended as a signed note. */
  checkpointFile?: string;
}

/**
 * The signing key: in `keyFile` (hex, mode 600, created on first start) when given — outside the database, so
 * someone who can write the database cannot sign a rewritten log — else in server_settings (tests, in memory).
 */
export async function loadSigningKey(db: Queryable, keyFile?: string): Promise<SigningKey> {
  if (keyFile) {
    if (!existsSync(keyFile)) {
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, `${bytesToHex(generateSigningKey().privateKey)}\n`, { mode: 0o600, flag: 'wx' });
    }
    const privateKey = hexToBytes(readFileSync(keyFile, 'utf8').trim());
    return { privateKey, publicKey: publicKeyOf(privateKey) };
  }
  const fresh = bytesToHex(generateSigningKey().privateKey);
  await db.query(
    "INSERT INTO server_settings (key, value) VALUES ('audit-signing-key', $1) ON CONFLICT (key) DO NOTHING",
    [JSON.stringify(fresh)],
  );
  const [row] = await db.query<{ value: string }>(
    "SELECT value FROM server_settings WHERE key = 'audit-signing-key'",
  );
  const privateKey = hexToBytes(row!.value);
  return { privateKey, publicKey: publicKeyOf(privateKey) };
}

export async function storedCheckpoints(db: Queryable, rk: RecordKeeping): Promise<Checkpoint[]> {
  const rows = await db.query<{ checkpoint: Checkpoint }>(
    'SELECT checkpoint FROM audit_checkpoints ORDER BY size',
  );
  return rows
    .map((r) => ({ ...r.checkpoint, size: Number(r.checkpoint.size) }))
    .filter((c) => c.origin === rk.origin);
}

/**
 * Verifies the whole log against the given checkpoints (default: every one the server has issued). The rows
 * are read in pages and checked by `analyses` (the server's analysis thread; in-process by default).
 */
export async function verifyRecord(
  db: Queryable,
  rk: RecordKeeping,
  extra: Checkpoint[] = [],
  analyses: Analyses = IN_PROCESS,
): Promise<LogReport> {
  const checkpoints = [...(await storedCheckpoints(db, rk)), ...extra];
  const pages = await auditPages(db);
  const { report } = await analyses.run({
    kind: 'verify',
    input: { pages, checkpoints, publicKey: rk.key.publicKey, origin: rk.origin },
  });
  return report;
}

/**
 * Signs a checkpoint of the log as it stands, after verifying it against the checkpoints already issued —
 * the server never signs a log that was tampered with. Stored in audit_checkpoints and appended to the file.
 * The verification and the tree are computed by `analyses`, as for verifyRecord.
 */
export async function issueCheckpoint(
  db: Queryable,
  rk: RecordKeeping,
  now: Date,
  analyses: Analyses = IN_PROCESS,
): Promise<Checkpoint> {
  const checkpoints = await storedCheckpoints(db, rk);
  const pages = await auditPages(db);
  const { report, checkpoint } = await analyses.run({
    kind: 'verify',
    input: {
      pages,
      checkpoints,
      publicKey: rk.key.publicKey,
      origin: rk.origin,
      sign: { timestamp: now.toISOString(), privateKey: rk.key.privateKey },
    },
  });
  if (!report.ok || !checkpoint) throw new RecordTampered(report);
  const inserted = await db.query(
    'INSERT INTO audit_checkpoints (size, checkpoint) VALUES ($1, $2) ON CONFLICT (size) DO NOTHING RETURNING size',
    [checkpoint.size, JSON.stringify(checkpoint)],
  );
  if (inserted.length > 0 && rk.checkpointFile)
    appendFileSync(rk.checkpointFile, `${checkpointNote(checkpoint)}\n`, { mode: 0o600 });
  return checkpoint;
}

export class RecordTampered extends Error {
  constructor(readonly report: LogReport) {
    super(`the audit log does not verify: ${report.problem?.message}`);
  }
}
