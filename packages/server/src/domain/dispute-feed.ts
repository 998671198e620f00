import type { EventEmitter } from 'node:events';
import type { CaseState, DisputeEvent } from '@concert/engine';

// "Institution X's dispute registry changed": raised in-process after the transaction that stored a case's event
// has committed, so a listener that then reads the case sees the event. It rides on the platform's signal
// emitter under a name of its own; the session feeds (domain/events.ts) never listen to it. Like the session
// streams, it does not cross server processes (docs/server.md, *Not yet built*: LISTEN/NOTIFY).

/** What the stream sends: enough for a client to know which case to refetch; the case itself is read by GET. */
export interface DisputeChange {
  institution: string;
  case: number;
  position: number;
  type: DisputeEvent['type'];
  date: string;
  status: CaseState['status'];
  step: string | null;
  actor: string;
  at: string;
}

const channel = (institution: string) => `disputes:${institution}`;

export function announceDispute(signals: EventEmitter, change: DisputeChange): void {
  signals.emit(channel(change.institution), change);
}

/** Calls `listener` for each change to the institution's cases until the returned function is called. */
export function followDisputes(
  signals: EventEmitter,
  institution: string,
  listener: (change: DisputeChange) => void,
): () => void {
  signals.on(channel(institution), listener);
  return () => signals.off(channel(institution), listener);
}
