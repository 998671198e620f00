import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../api.ts';

export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return `Could not reach the server: ${e.message}`;
  return String(e);
}

/**
 * A state-changing call with its pending flag and its error, shown next to the control that started it. A
 * second press while one is pending is ignored.
 */
export function useAction<A extends unknown[], R>(perform: (...args: A) => Promise<R>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      if (busy.current) return undefined;
      busy.current = true;
      setPending(true);
      setError(null);
      try {
        return await perform(...args);
      } catch (e) {
        setError(messageOf(e));
        return undefined;
      } finally {
        busy.current = false;
        setPending(false);
      }
    },
    [perform],
  );
  return { run, pending, error, setError };
}

/** GETs `path` whenever it or `version` changes; keeps the last good value while a refetch is in flight. */
export function useResource<T>(path: string | null, version = 0) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version and tick are refetch triggers
  useEffect(() => {
    if (!path) {
      setData(null);
      return;
    }
    let current = true;
    api.get<T>(path).then(
      (d) => {
        if (!current) return;
        setData(d);
        setError(null);
      },
      (e) => current && setError(messageOf(e)),
    );
    return () => {
      current = false;
    };
  }, [path, version, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, reload };
}

const EVENT_TYPES = [
  'session.opened',
  'session.closed',
  'agenda.added',
  'attendance.changed',
  'motion.tabled',
  'poll.opened',
  'vote.cast',
  'poll.closed',
] as const;

export type Connection = 'connecting' | 'live' | 'reconnecting';

/**
 * Follows a session's server-sent events. Each event bumps `version`, which the room's resources refetch on.
 * The browser reconnects by itself with Last-Event-ID; if it gives up (the stream answered with an error),
 * a new EventSource is made after a growing pause, and the room refetches on reopening since events may have
 * been missed in between.
 */
export function useSessionEvents(sessionId: number | null) {
  const [version, setVersion] = useState(0);
  const [connection, setConnection] = useState<Connection>('connecting');
  useEffect(() => {
    if (sessionId === null) return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let stopped = false;
    let lastId = '';
    // A (re)connection replays what was missed in one burst: one refetch per burst, not per event.
    let coalesce: ReturnType<typeof setTimeout> | undefined;
    const bump = () => {
      clearTimeout(coalesce);
      coalesce = setTimeout(() => setVersion((v) => v + 1), 80);
    };
    const onEvent = (e: MessageEvent) => {
      if (e.lastEventId) lastId = e.lastEventId;
      bump();
    };
    const connect = () => {
      source = new EventSource(`/api/sessions/${sessionId}/events${lastId ? `?after=${lastId}` : ''}`);
      source.onopen = () => {
        attempts = 0;
        setConnection('live');
        bump();
      };
      source.onerror = () => {
        if (stopped || !source) return;
        setConnection('reconnecting');
        if (source.readyState === EventSource.CLOSED) {
          source = null;
          retry = setTimeout(connect, Math.min(30_000, 1000 * 2 ** attempts++));
        }
      };
      for (const type of EVENT_TYPES) source.addEventListener(type, onEvent);
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearTimeout(coalesce);
      source?.close();
    };
  }, [sessionId]);
  return { version, connection };
}
