import { EventEmitter } from 'node:events';
import type { Queryable } from '../database/index.ts';
import { appendAudit } from '../record/audit.ts';
import type { DisputeChange } from './dispute-feed.ts';

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
  /** Set by the relay (domain/relay.ts): what this process announces, for the other server processes. */
  outbound?: (message: { session: number } | { dispute: DisputeChange }) => void;

  constructor() {
    super();
    this.setMaxListeners(0);
  }
  /** The session's events changed: here (relayed to the other processes), or in another process (`relayed`). */
  changed(sessionId: number, { relayed = false }: { relayed?: boolean } = {}): void {
    this.emit(`session:${sessionId}`);
    this.emit('changed', sessionId);
    if (!relayed) this.outbound?.({ session: sessionId });
  }

  /** Wake-ups may have been missed (the relay's connection was lost): every session's streams read again. */
  resync(): void {
    this.emit('resync');
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

type Delivery = (events: SessionEvent[]) => void;

interface Feed {
  last: number;
  listeners: Set<Delivery>;
  reading: boolean;
  again: boolean;
}

/**
 * One database read per session per wake-up, shared by every stream of the session (200 connected
 * delegations would otherwise be 200 reads per vote). Reading by id is gap-free because a session's events are
 * written under the audit head's lock (they commit in id order). A stream joins the feed before it catches up
 * from the database itself, so nothing committed between its catch-up and its first delivery is lost; the
 * stream drops what it already has by id.
 */
export class SessionFeeds {
  private readonly feeds = new Map<number, Feed>();
  private readonly opening = new Map<number, Promise<Feed>>();

  constructor(
    private readonly db: Queryable,
    signals: SessionSignals,
    private readonly onError: (err: unknown) => void,
  ) {
    signals.on('changed', (sessionId: number) => {
      const feed = this.feeds.get(sessionId);
      if (feed) this.read(sessionId, feed);
    });
    signals.on('resync', () => {
      for (const [sessionId, feed] of this.feeds) this.read(sessionId, feed);
    });
  }

  async join(sessionId: number, deliver: Delivery): Promise<() => void> {
    const feed = await this.feed(sessionId);
    feed.listeners.add(deliver);
    return () => {
      feed.listeners.delete(deliver);
      if (feed.listeners.size === 0 && this.feeds.get(sessionId) === feed) this.feeds.delete(sessionId);
    };
  }

  private feed(sessionId: number): Promise<Feed> {
    const open = this.feeds.get(sessionId);
    if (open) return Promise.resolve(open);
    let opening = this.opening.get(sessionId);
    if (!opening) {
      opening = this.db
        .query<{ last: number | null }>('SELECT max(id) AS last FROM session_events WHERE session_id = $1', [
          sessionId,
        ])
        .then(([row]) => {
          const feed: Feed = {
            last: Number(row?.last ?? 0),
            listeners: new Set(),
            reading: false,
            again: false,
          };
          this.feeds.set(sessionId, feed);
          return feed;
        })
        .finally(() => this.opening.delete(sessionId));
      this.opening.set(sessionId, opening);
    }
    return opening;
  }

  private read(sessionId: number, feed: Feed): void {
    if (feed.reading) {
      feed.again = true; // one more read once this one ends: coalesces a burst of commits into few reads
      return;
    }
    feed.reading = true;
    void (async () => {
      try {
        do {
          feed.again = false;
          for (;;) {
            const events = await sessionEventsAfter(this.db, sessionId, feed.last, 500);
            if (events.length === 0) break;
            feed.last = events.at(-1)!.id;
            for (const deliver of feed.listeners) deliver(events);
            if (events.length < 500) break;
          }
        } while (feed.again);
      } catch (err) {
        this.onError(err);
      } finally {
        feed.reading = false;
      }
    })();
  }
}
