import { existsSync, writeFileSync } from 'node:fs';
import {
  AUDIT_EXPORT_LIMITS,
  bytesToHex,
  type Checkpoint,
  checkpointNote,
  EMPTY_ROOT,
  GENESIS_HASH,
  keyIdFor,
  type LogReport,
  parsePublicKey,
  RecordError,
  readAuditExport,
  readCheckpoints,
  verifyLog,
} from '@concert/engine';
import { UsageError, VerificationFailed } from '../errors.ts';
import { readFileCapped } from '../inputs.ts';
import type { Output } from '../output.ts';

export interface AuditVerifyOptions {
  checkpoint?: string[];
  key?: string;
  keep?: string;
}

/** Largest checkpoint file a client keeps: a few checkpoints, or a signed note. */
const MAX_CHECKPOINT_BYTES = 1024 * 1024;

export function auditVerify(path: string, opts: AuditVerifyOptions, out: Output): void {
  const file = inFile(path, () =>
    readAuditExport(readFileCapped(path, AUDIT_EXPORT_LIMITS.maxBytes, 'audit exports'), path),
  );
  const kept = dedupe(
    (opts.checkpoint ?? []).flatMap((p) =>
      inFile(p, () => readCheckpoints(readFileCapped(p, MAX_CHECKPOINT_BYTES, 'checkpoint files'), p)),
    ),
  );
  const keySource = opts.key !== undefined ? 'option' : 'export';
  const key = opts.key !== undefined ? readKey(opts.key) : parsePublicKey(file.publicKey);
  // Checkpoints the client kept come first: they are checked before the export's own at the same size.
  const checkpoints = dedupe([...kept, ...file.checkpoints]);
  const report =
    (keySource === 'export' ? reSigned(file.origin, key, kept) : undefined) ??
    verifyLog(file.entries, checkpoints, key, { origin: file.origin });
  const at = report.problem?.checkpoint?.index;
  const checkpointSource = at === undefined ? undefined : at < kept.length ? 'kept' : 'export';
  const result = {
    file: path,
    origin: file.origin,
    keySource,
    keptCheckpoints: kept.length,
    ...report,
    ...(checkpointSource ? { checkpointSource } : {}),
  };
  const text = describe(report, file.entries.length, keySource, kept.length, checkpointSource);
  if (!report.ok) throw new VerificationFailed(text, { error: report.problem!.kind, ...result });
  const keptNow = opts.keep !== undefined ? keepLatest(opts.keep, checkpoints, report) : undefined;
  out.data({ ...result, ...(keptNow ? { kept: opts.keep } : {}) });
  out.print(text);
  if (keptNow)
    out.print(
      `  kept the checkpoint of size ${n(keptNow.size)} in ${opts.keep}; pass it with --checkpoint next time`,
    );
}

/** Writes the largest checkpoint that matched as a signed note, for the client to pass with --checkpoint later. */
function keepLatest(path: string, checkpoints: Checkpoint[], report: LogReport): Checkpoint {
  const latest =
    report.checkpoints > 0 ? checkpoints.find((cp) => cp.size === report.anchoredSize) : undefined;
  if (!latest) throw new UsageError('--keep: the export has no checkpoint to keep');
  try {
    writeFileSync(path, checkpointNote(latest));
  } catch (e) {
    throw new UsageError(`--keep: cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return latest;
}

/** Without --key, the export's own key is only as good as the export: a checkpoint the client kept must agree. */
function reSigned(origin: string, key: Uint8Array, kept: Checkpoint[]): LogReport | undefined {
  const expected = keyIdFor(origin, key);
  const mine = kept.find((cp) => cp.origin === origin && cp.keyId !== expected);
  if (!mine) return undefined;
  return {
    ok: false,
    count: 0,
    headHash: GENESIS_HASH,
    rootHash: bytesToHex(EMPTY_ROOT),
    checkpoints: 0,
    anchoredSize: 0,
    problem: {
      seq: mine.size,
      index: Math.max(0, mine.size - 1),
      kind: 'forged',
      message: `the export's public key (key ID ${expected}) is not the key that signed your checkpoint of ${mine.timestamp} (key ID ${mine.keyId}) — the export was re-signed by someone else`,
      checkpoint: { index: kept.indexOf(mine), size: mine.size },
    },
  };
}

function describe(
  report: LogReport,
  total: number,
  keySource: string,
  kept: number,
  checkpointSource: string | undefined,
): string {
  const lines: string[] = [];
  if (report.ok) {
    lines.push(`OK: ${n(report.count)} entries intact; head ${report.headHash}`);
    lines.push(`  Merkle root ${report.rootHash}`);
    if (report.checkpoints === 0) {
      lines.push('  no checkpoints: a truncation or a rewrite of the whole log would go unnoticed');
    } else {
      const mine = kept > 0 ? ` (${kept} you kept)` : '';
      const one = report.checkpoints === 1;
      lines.push(
        `  ${n(report.checkpoints)} signed checkpoint${one ? '' : 's'}${mine} match${one ? 'es; it anchors' : '; they anchor'} entries 1–${n(report.anchoredSize)}`,
      );
      const after = report.count - report.anchoredSize;
      if (after > 0)
        lines.push(`  ${n(after)} later entries are checked by the chain only (no checkpoint yet)`);
    }
  } else {
    const p = report.problem!;
    lines.push(`TAMPERED (${p.kind}): ${p.message}`);
    if (checkpointSource)
      lines.push(
        `  that checkpoint came from ${checkpointSource === 'kept' ? 'your --checkpoint file' : 'the export'}`,
      );
    if (report.count > 0)
      lines.push(`  entries 1–${n(report.count)} (of ${n(total)} in the export) check out before that`);
  }
  if (keySource === 'export')
    lines.push(
      "  key: taken from the export itself — pass --key with the log's published key to rule out a forged export",
    );
  return lines.join('\n');
}

function readKey(value: string): Uint8Array {
  try {
    return parsePublicKey(value);
  } catch (e) {
    if (!(e instanceof RecordError) || !existsSync(value)) {
      throw new UsageError(
        `--key: "${value}" is not an Ed25519 public key nor a file`,
        'give 64 hex digits, 44 characters of base64, or a file holding one',
      );
    }
  }
  return inFile(value, () => parsePublicKey(readFileCapped(value, 4096, 'key files')));
}

/** Puts the file's name on an error about its contents. */
function inFile<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof RecordError) throw new UsageError(`${path}: ${e.message}`, e.hint);
    throw e;
  }
}

function dedupe(checkpoints: Checkpoint[]): Checkpoint[] {
  const seen = new Set<string>();
  return checkpoints.filter((cp) => {
    const id = `${cp.size} ${cp.rootHash} ${cp.headHash} ${cp.timestamp} ${cp.signature}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function n(x: number): string {
  return x.toLocaleString('en-US');
}
