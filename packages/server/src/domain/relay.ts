import { randomUUID } from 'node:crypto';
import type { Database } from '../database/index.ts';
import { type DisputeChange, disputeChannel } from './dispute-feed.ts';
import type { SessionSignals } from './events.ts';

// Several server processes may share one PostgreSQL database; each wakes its own event streams when it
// commits, and the relay tells the others, by PostgreSQL's LISTEN/NOTIFY: the sessions whose events
// changed and the dispute changes, gathered for a few milliseconds into one notification (a batch of votes
// is one message, not one per vote). A process ignores its own messages. The message is only a wake-up:
// streams read what changed from the database, by id, so a late or repeated message loses or doubles
// nothing. A process that loses its listening connection reconnects, and then wakes every session stream it
// has, which reads what was committed meanwhile; a dispute change sent meanwhile is not heard (the case views
// it would have refreshed show the change at the next one, or on reload). PGlite is one process: nothing to
// relay.

/** How long messages gather before they go as one notification. */
const GATHER_MS = 5;
/** PostgreSQL's limit on a notification's payload is 8,000 bytes. */
const MAX_PAYLOAD = 7_500;

export interface RelayMessage {
  origin: string;
  sessions: number[];
  disputes: DisputeChange[];
}

/** Starts relaying `signals` through `db` (PostgreSQL only); resolves to a function that stops it. */
export async function relaySignals(db: Database, signals: SessionSignals): Promise<() => Promise<void>> {
  if (!db.listen || !db.notify) return async () => {};
  const notify = db.notify.bind(db);
  const origin = randomUUID();
  const stopListening = await db.listen(
    (payload) => {
      const message = parse(payload);
      if (!message || message.origin === origin) return;
      for (const s of message.sessions) signals.changed(s, { relayed: true });
      for (const d of message.disputes) signals.emit(disputeChannel(d.institution), d);
    },
    () => signals.resync(),
  );
  let sessions = new Set<number>();
  let disputes: DisputeChange[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    for (const payload of payloads(origin, [...sessions], disputes)) notify(payload).catch(() => {});
    sessions = new Set();
    disputes = [];
  };
  signals.outbound = (m) => {
    if ('session' in m) sessions.add(m.session);
    else disputes.push(m.dispute);
    timer ??= setTimeout(flush, GATHER_MS);
  };
  return async () => {
    signals.outbound = undefined;
    if (timer) {
      clearTimeout(timer);
      flush();
    }
    await stopListening();
  };
}

/** The messages as notifications no larger than PostgreSQL allows. */
export function payloads(origin: string, sessions: number[], disputes: DisputeChange[]): string[] {
  const out: string[] = [];
  let current: RelayMessage = { origin, sessions, disputes: [] };
  for (const d of disputes) {
    const next = { ...current, disputes: [...current.disputes, d] };
    if (JSON.stringify(next).length > MAX_PAYLOAD && current.disputes.length + current.sessions.length > 0) {
      out.push(JSON.stringify(current));
      current = { origin, sessions: [], disputes: [d] };
    } else current = next;
  }
  if (current.sessions.length + current.disputes.length > 0) out.push(JSON.stringify(current));
  return out;
}

function parse(payload: string): RelayMessage | undefined {
  try {
    const m = JSON.parse(payload) as RelayMessage;
    return typeof m.origin === 'string' && Array.isArray(m.sessions) && Array.isArray(m.disputes)
      ? m
      : undefined;
  } catch {
    return undefined; // not ours
  }
}
