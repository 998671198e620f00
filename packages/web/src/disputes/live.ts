// Following an institution's dispute registry live (GET /api/disputes/stream, server-sent events). Each event
// says which case changed; the views refetch what they show. On (re)opening the stream the views refetch too,
// since changes may have been missed while it was closed — so nothing is ever replayed from the stream itself.
import { useEffect, useState } from 'react';

/** One stored case event, as the stream announces it (packages/server/src/domain/dispute-feed.ts). */
export interface DisputeChange {
  institution: string;
  case: number;
  position: number;
  type: string;
  date: string;
  status: string;
  step: string | null;
  actor: string;
  at: string;
}

export type Liveness = 'connecting' | 'live' | 'reconnecting';

/** Whether a change concerns what a view shows: the registry shows every case, a case page only its own. */
export function concerns(change: DisputeChange, view: { case?: number }): boolean {
  return view.case === undefined || change.case === view.case;
}

/** "case 3: withdraw (2026-02-02) recorded by delegate:continental:SVN" — the line a page announces. */
export function describeChange(change: DisputeChange): string {
  const what = change.position === 0 ? 'filed' : change.type;
  return `case ${change.case}: ${what} (${change.date}) recorded by ${change.actor}`;
}

/**
 * `version` grows with each change that concerns the view (and on each (re)opening); `last` is the latest such
 * change. The browser's EventSource reconnects by itself; after a refused reconnect (closed) a new one is made
 * after a growing pause.
 */
export function useDisputeFeed(institution: string | null, view: { case?: number } = {}) {
  const [version, setVersion] = useState(0);
  const [last, setLast] = useState<DisputeChange | null>(null);
  const [liveness, setLiveness] = useState<Liveness>('connecting');
  const caseId = view.case;
  useEffect(() => {
    if (!institution) return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let stopped = false;
    const connect = () => {
      source = new EventSource(`/api/disputes/stream?institution=${encodeURIComponent(institution)}`);
      source.onopen = () => {
        attempts = 0;
        setLiveness('live');
        setVersion((v) => v + 1);
      };
      source.onerror = () => {
        if (stopped || !source) return;
        setLiveness('reconnecting');
        if (source.readyState === EventSource.CLOSED) {
          source = null;
          retry = setTimeout(connect, Math.min(30_000, 1000 * 2 ** attempts++));
        }
      };
      source.addEventListener('dispute.event', (e) => {
        const change = JSON.parse((e as MessageEvent<string>).data) as DisputeChange;
        if (!concerns(change, caseId === undefined ? {} : { case: caseId })) return;
        setLast(change);
        setVersion((v) => v + 1);
      });
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [institution, caseId]);
  return { version, last, liveness };
}
