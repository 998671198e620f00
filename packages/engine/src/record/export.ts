// The file a client downloads to check the record on its own machine: the entries, the checkpoints the server
// signed, and the public key to check them with (which a careful client replaces with one it already trusts).
import { z } from 'zod';
import { readDocument } from '../document/index.ts';
import { bytesToHex } from './bytes.ts';
import type { AuditEntry } from './chain.ts';
import { type Checkpoint, parseCheckpointNote } from './checkpoint.ts';
import { RecordError } from './errors.ts';

export const AUDIT_EXPORT_FORMAT = 'concert-audit-export/1';

export interface AuditExport {
  format: typeof AUDIT_EXPORT_FORMAT;
  /** The log's name, as in its checkpoints. */
  origin: string;
  /** The log's Ed25519 public key, 64 lowercase hex digits. */
  publicKey: string;
  entries: AuditEntry[];
  checkpoints: Checkpoint[];
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');

const entrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  content: z.unknown().refine((v) => v !== undefined, 'missing required field (expected any JSON value)'),
  prevHash: hex64,
  hash: hex64,
});

const checkpointSchema = z.object({
  origin: z.string().min(1),
  size: z.number().int().nonnegative(),
  rootHash: hex64,
  headHash: hex64,
  timestamp: z.string(),
  keyId: z.string().regex(/^[0-9a-f]{8}$/, 'must be 8 lowercase hex digits'),
  signature: z.string(),
});

export const auditExportSchema = z.object({
  format: z.literal(AUDIT_EXPORT_FORMAT),
  origin: z.string().min(1),
  publicKey: hex64.describe('Ed25519 public key, hex'),
  entries: z.array(entrySchema),
  checkpoints: z.array(checkpointSchema),
});

export const checkpointListSchema = z.array(checkpointSchema);

/** JSON Schema (2020-12) of the export, for API documentation and response schemas. */
export function auditExportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(auditExportSchema, { io: 'input', unrepresentable: 'any', reused: 'inline' }),
    $id: 'https://concert.invalid/schema/audit-export.json',
    title: 'Concert audit export',
  };
}

/** JSON Schema of one checkpoint. */
export function checkpointJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(checkpointSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

export function makeAuditExport(
  origin: string,
  publicKey: Uint8Array,
  entries: AuditEntry[],
  checkpoints: Checkpoint[],
): AuditExport {
  return { format: AUDIT_EXPORT_FORMAT, origin, publicKey: bytesToHex(publicKey), entries, checkpoints };
}

/** Checks a parsed value against the export format; a bad one throws one RecordError naming the path. */
export function parseAuditExport(value: unknown): AuditExport {
  return parseWith(auditExportSchema, value) as AuditExport;
}

/** One checkpoint or a list of them, as a client keeps them in a JSON file. */
export function parseCheckpoints(value: unknown): Checkpoint[] {
  if (Array.isArray(value)) return parseWith(checkpointListSchema, value) as Checkpoint[];
  return [parseWith(checkpointSchema, value) as Checkpoint];
}

/**
 * Limits for reading an export: larger than a charter's, still bounded. The depth leaves room for any content
 * canonicalJson accepts (MAX_JSON_DEPTH) inside the export's own three levels.
 */
export const AUDIT_EXPORT_LIMITS = { maxBytes: 64 * 1024 * 1024, maxNodes: 4_000_000, maxDepth: 256 };

/** Reads an export from JSON text; syntax errors and bad fields alike throw one RecordError. */
export function readAuditExport(text: string, source = 'export'): AuditExport {
  return parseAuditExport(readJson(text, source));
}

/** Checkpoints a client kept: a JSON checkpoint or list of them, or one C2SP signed note (checkpointNote). */
export function readCheckpoints(text: string, source = 'checkpoints'): Checkpoint[] {
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') return parseCheckpoints(readJson(text, source));
  return [parseCheckpointNote(text)];
}

function readJson(text: string, source: string): unknown {
  const read = readDocument(text, { source, format: 'json', expect: 'any', ...AUDIT_EXPORT_LIMITS });
  if (!read.ok) {
    const e = read.error;
    const where = e.line !== undefined ? ` (line ${e.line}, column ${e.column})` : '';
    throw new RecordError(`${e.message}${where}`, e.path ?? [], e.hint);
  }
  return read.value;
}

function parseWith(schema: z.ZodType, value: unknown): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = [...parsed.error.issues].sort((a, b) => b.path.length - a.path.length)[0]!;
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const message =
    issue.code === 'invalid_type' && issue.input === undefined
      ? `missing required field (expected ${issue.expected})`
      : issue.message;
  throw new RecordError(message, path, path.length === 0 ? `expected a ${AUDIT_EXPORT_FORMAT} file` : '');
}
