import type { EventEmitter } from 'node:events';
import type { CaseState, DisputeEvent } from '@concert/engine';
import type { SessionSignals } from './events.ts';

// "Institution X's dispute registry changed": raised in-process after the transaction that stored a case's event
// has committed, so a listener that then reads the case sees the event. It rides on the platform's signal
// emitter under a name of its own; the session feeds (domain/events.ts) never listen to it. Like the session
// signals, it reaches the other server processes sharing a PostgreSQL database through the relay
// (domain/relay.ts).

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

export const disputeChannel = (institution: string) => `disputes:${institution}`;
const channel = disputeChannel;

export function announceDispute(signals: SessionSignals, change: DisputeChange): void {
  signals.emit(channel(change.institution), change);
  signals.outbound?.({ dispute: change });
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
