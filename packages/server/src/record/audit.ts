import { type AuditEntry, appendEntry, GENESIS_HASH } from '@concert/engine';
import type { Queryable } from '../database/index.ts';
import { jsonPages } from '../database/pages.ts';

// The audit log: every state change appends one entry, hash-chained by the engine's record module
// (packages/engine/src/record), in the same transaction as the change.

export interface AuditInput {
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  content: Record<string, unknown>;
}

/**
 * Appends one entry inside the caller's transaction (the entry and the change it records commit or roll back
 * together). The head row is locked FOR UPDATE first, so concurrent appends queue on it and cannot fork the
 * chain: each sees the head the previous one committed.
 */
export async function appendAudit(tx: Queryable, input: AuditInput): Promise<AuditEntry> {
  const [head] = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE',
  );
  if (!head) throw new Error('audit_head is missing: ensureAuditHead() runs when the app starts');
  const seq = Number(head.seq);
  const prev = seq === 0 ? null : ({ seq, hash: head.hash } as AuditEntry);
  const entry = appendEntry(prev, { seq: seq + 1, ...input });
  // The entry and the new head in one statement (one round trip: every vote appends).
  await tx.query(
    `WITH entry AS (
       INSERT INTO audit_log (seq, at, actor, action, subject, content, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING seq, hash)
     UPDATE audit_head SET seq = entry.seq, hash = entry.hash FROM entry WHERE audit_head.id = 1`,
    [
      entry.seq,
      entry.at,
      entry.actor,
      entry.action,
      entry.subject,
      JSON.stringify(entry.content),
      entry.prevHash,
      entry.hash,
    ],
  );
  return entry;
}

/** Creates the chain's head row (seq 0, the genesis hash) if missing; idempotent. */
export async function ensureAuditHead(db: Queryable): Promise<void> {
  await db.query('INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, $1) ON CONFLICT (id) DO NOTHING', [
    GENESIS_HASH,
  ]);
}

/** A row of audit_log as the database returns it. */
export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  content: unknown;
  prev_hash: string;
  hash: string;
}

export const fromRow = (r: AuditRow): AuditEntry => ({
  seq: Number(r.seq),
  at: r.at,
  actor: r.actor,
  action: r.action,
  subject: r.subject,
  content: r.content,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export async function auditEntries(db: Queryable, afterSeq: number, limit: number): Promise<AuditEntry[]> {
  const rows = await db.query<AuditRow>('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [
    afterSeq,
    limit,
  ]);
  return rows.map(fromRow);
}

/**
 * Every entry in storage order (by seq). Verification reads the rows as they are — a reordering shows as
 * swapped contents under the seq numbers, a deletion as a gap — and lets the engine say what is wrong.
 */
export async function allAuditEntries(db: Queryable): Promise<AuditEntry[]> {
  return (await db.query<AuditRow>('SELECT * FROM audit_log ORDER BY seq')).map(fromRow);
}

/** The whole log as pages of JSON text (audit_log rows in seq order, as stored), for the analysis thread. */
export function auditPages(db: Queryable): Promise<string[]> {
  return jsonPages(
    db,
    'SELECT seq, at, actor, action, subject, content, prev_hash, hash FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2',
    'seq',
  );
}
