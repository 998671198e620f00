import { EventEmitter } from 'node:events';
import type { Queryable } from '../database/index.ts';
import { appendAudit } from '../record/audit.ts';

// A session's events, in order, in the database: the server-sent-event stream replays them by id after a
// reconnect, and the session's event log (exports, replay) is read from the same rows. `data` is what every
// reader of the session may see; `sealed` is what only the server reads (a secret vote's choice).
export type SessionEventType =
  | 'session.opened'
  | 'session.closed'
  | 'agenda.added'
  | 'attendance.changed'
  | 'motion.tabled'
  | 'poll.opened'
  | 'vote.cast'
  | 'poll.closed'
  | 'proxy.granted'
  | 'proxy.revoked'
  | 'proxy.ended';

export interface SessionEvent {
  id: number;
  sessionId: number;
  type: SessionEventType;
  at: string;
  data: Record<string, unknown>;
}

export async function appendSessionEvent(
  tx: Queryable,
  sessionId: number,
  type: SessionEventType,
  at: string,
  data: Record<string, unknown>,
  sealed?: Record<string, unknown>,
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    'INSERT INTO session_events (session_id, type, at, data, sealed) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [sessionId, type, at, JSON.stringify(data), sealed ? JSON.stringify(sealed) : null],
  );
  return Number(row!.id);
}

export async function sessionEventsAfter(
  db: Queryable,
  sessionId: number,
  afterId: number,
  limit = 1000,
): Promise<SessionEvent[]> {
  const rows = await db.query<{
    id: number;
    type: SessionEventType;
    at: string;
    data: Record<string, unknown>;
  }>('SELECT id, type, at, data FROM session_events WHERE session_id = $1 AND id > $2 ORDER BY id LIMIT $3', [
    sessionId,
    afterId,
    limit,
  ]);
  return rows.map((r) => ({ id: Number(r.id), sessionId, type: r.type, at: r.at, data: r.data }));
}

/** In-process signal "session N has new events", raised after a commit; listeners then read the rows. */
export class SessionSignals extends EventEmitter {
  constructor() {
    super();
    this.setMaxListeners(0);
  }
  changed(sessionId: number): void {
    this.emit(`session:${sessionId}`);
  }
}

/** A change to a session, as the audit chain and the session's event log both record it. */
export interface SessionChange {
  at: string;
  actor: string;
  /** The audit entry's action, e.g. 'poll.open'. */
  action: string;
  sessionId: number;
  /** The audit entry's content. */
  audit: Record<string, unknown>;
  event: SessionEventType;
  /** What readers of the session see; the audit content unless it differs. */
  data?: Record<string, unknown>;
}

/** Appends the change to the audit chain and to the session's events, inside the caller's transaction. */
export async function recordSessionChange(tx: Queryable, change: SessionChange): Promise<void> {
  await appendAudit(tx, {
    at: change.at,
    actor: change.actor,
    action: change.action,
    subject: `session:${change.sessionId}`,
    content: change.audit,
  });
  await appendSessionEvent(tx, change.sessionId, change.event, change.at, change.data ?? change.audit);
}
