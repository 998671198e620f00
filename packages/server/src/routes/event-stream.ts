import type { EventEmitter } from 'node:events';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A server-sent-event stream that a route has opened; every method is a no-op once it is closed. */
export interface EventStream {
  /** One event frame: `id`, `event`, and the data as JSON. */
  send(id: number, event: string, data: unknown): void;
  /** A comment line, which clients ignore (heartbeats). */
  comment(text: string): void;
  /** Closes the stream and ends the response. */
  end(): void;
  /** Runs `fn` once when the stream closes (client gone, shutdown or `end`); at once if it already has. */
  onClose(fn: () => void): void;
  readonly closed: boolean;
}

export interface EventStreamOptions {
  /** The app's signals: a `shutdown` on them ends the stream (app.close() waits for open connections). */
  signals?: EventEmitter;
  /** Written as `retry:`, the client's reconnect delay; none leaves the client's default. */
  retryMs?: number;
  /** How often a comment is written, so proxies and clients do not take an idle stream for a dead one. */
  heartbeatMs?: number;
}

const HEARTBEAT_MS = 15_000;

/** Takes the reply over from Fastify and opens an event stream on it. */
export function openEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  { signals, retryMs, heartbeatMs = HEARTBEAT_MS }: EventStreamOptions = {},
): EventStream {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx would otherwise buffer the stream and deliver events late, in bursts.
    'x-accel-buffering': 'no',
  });
  if (retryMs !== undefined) res.write(`retry: ${retryMs}\n\n`);
  let closed = false;
  const closers: (() => void)[] = [];
  const heartbeat = setInterval(() => stream.comment('keep-alive'), heartbeatMs);
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    signals?.off('shutdown', end);
    for (const fn of closers.splice(0)) fn();
  };
  const end = () => {
    if (closed) return;
    close();
    res.end();
  };
  const stream: EventStream = {
    send(id, event, data) {
      if (!closed) res.write(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    comment(text) {
      if (!closed) res.write(`: ${text}\n\n`);
    },
    end,
    onClose(fn) {
      if (closed) fn();
      else closers.push(fn);
    },
    get closed() {
      return closed;
    },
  };
  request.raw.on('close', close);
  signals?.on('shutdown', end);
  // A client that left while the route was still awaiting (authorisation, the session's lookup) fired its
  // 'close' before the listener above existed; without this its heartbeat would run for ever.
  if (res.destroyed || request.raw.socket?.destroyed) close();
  return stream;
}
