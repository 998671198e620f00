// INTERIM until branch `record` lands: the engine's record module replaces this file's contents.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = `sha256:${'0'.repeat(64)}`;
export interface AuditEntryBody {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  content: unknown;
}
export interface AuditEntry extends AuditEntryBody {
  prevHash: string;
  hash: string;
}
function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}
export function entryHash(prevHash: string, body: AuditEntryBody): string {
  return `sha256:${createHash('sha256').update(prevHash).update(canonicalJson(body)).digest('hex')}`;
}
export function appendEntry(prev: AuditEntry | undefined, body: AuditEntryBody): AuditEntry {
  const prevHash = prev?.hash ?? GENESIS_HASH;
  return { ...body, prevHash, hash: entryHash(prevHash, body) };
}
