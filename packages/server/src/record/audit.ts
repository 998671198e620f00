import type { Queryable } from '../database/index.ts';
import { type AuditEntry, appendEntry, GENESIS_HASH } from './chain.ts';

export interface AuditInput {
  at: string;
  actor: string;
  action: string;
  subject: string;
  content: Record<string, unknown>;
}

/**
 * Appends one entry to the hash-chained audit log, inside the caller's transaction (so the entry and the
 * change it records commit or roll back together). The head row is locked FOR UPDATE first: concurrent
 * appends queue on it and cannot fork the chain.
 */
export async function appendAudit(tx: Queryable, input: AuditInput): Promise<AuditEntry> {
  const [head] = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE',
  );
  if (!head) throw new Error('audit_head missing: ensureAuditHead() runs at start');
  const body = {
    seq: Number(head.seq) + 1,
    at: input.at,
    actor: input.actor,
    action: input.action,
    subject: input.subject,
    content: input.content,
  };
  const entry = appendEntry(Number(head.seq) === 0 ? undefined : ({ hash: head.hash } as AuditEntry), body);
  await tx.query(
    'INSERT INTO audit_log (seq, at, actor, action, subject, content, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
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
  await tx.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1', [entry.seq, entry.hash]);
  return entry;
}

export async function auditEntries(db: Queryable, afterSeq: number, limit: number): Promise<AuditEntry[]> {
  const rows = await db.query<{
    seq: number;
    at: string;
    actor: string;
    action: string;
    subject: string;
    content: unknown;
    prev_hash: string;
    hash: string;
  }>('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit]);
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    content: r.content,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

/** Creates the chain's head row (seq 0, the genesis hash) if missing; idempotent. */
export async function ensureAuditHead(db: Queryable): Promise<void> {
  await db.query('INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, $1) ON CONFLICT (id) DO NOTHING', [
    GENESIS_HASH,
  ]);
}
