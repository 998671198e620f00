import { EventEmitter } from 'node:events';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { type EventStream, type EventStreamOptions, openEventStream } from './event-stream.ts';

// A bare Fastify app with one stream route, so each test sees exactly what the module writes on the wire.
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function serve(
  options: EventStreamOptions,
  route: (stream: EventStream) => void,
): Promise<{ url: string; opened: Promise<EventStream> }> {
  // close() was seen waiting seconds on the socket of a client that had left mid-stream: cut them all.
  app = Fastify({ forceCloseConnections: true });
  let resolve: (s: EventStream) => void;
  const opened = new Promise<EventStream>((r) => {
    resolve = r;
  });
  app.get('/stream', async (request, reply) => {
    const stream = openEventStream(request, reply, options);
    route(stream);
    resolve(stream);
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `${base}/stream`, opened };
}

/** Everything the server writes until it ends the response (or `until` has been seen, then the client leaves). */
async function read(url: string, until?: string): Promise<{ text: string; headers: Headers }> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const timeout = setTimeout(() => controller.abort(), 5000);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (until !== undefined && text.includes(until)) break;
    }
  } finally {
    clearTimeout(timeout);
    if (until !== undefined) controller.abort();
  }
  return { text, headers: res.headers };
}

const closedOnce = (stream: EventStream) => new Promise<void>((r) => stream.onClose(r));

it('writes the stream headers, the retry delay and id/event/data frames, and ends on end()', async () => {
  const { url } = await serve({ retryMs: 2000 }, (stream) => {
    stream.send(1, 'poll.opened', { poll: 7 });
    stream.send(2, 'vote.cast', { choice: 'yes' });
    stream.end();
    stream.send(3, 'too.late', {}); // after the end: nothing
  });
  const { text, headers } = await read(url);
  expect(headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  expect(headers.get('cache-control')).toBe('no-cache, no-transform');
  expect(headers.get('x-accel-buffering')).toBe('no');
  expect(text).toBe(
    'retry: 2000\n\nid: 1\nevent: poll.opened\ndata: {"poll":7}\n\nid: 2\nevent: vote.cast\ndata: {"choice":"yes"}\n\n',
  );
});

it('leaves the retry line out when no delay is given', async () => {
  const { url } = await serve({}, (stream) => {
    stream.send(1, 'progress', { fraction: 0 });
    stream.end();
  });
  expect((await read(url)).text).toBe('id: 1\nevent: progress\ndata: {"fraction":0}\n\n');
});

it('writes a keep-alive comment every heartbeat while the stream is idle', async () => {
  const { url } = await serve({ heartbeatMs: 20 }, () => {});
  const { text } = await read(url, ': keep-alive\n\n: keep-alive\n\n');
  expect(text).toBe(': keep-alive\n\n: keep-alive\n\n');
});

it('ends the stream on the shutdown signal and runs its close callbacks', async () => {
  const signals = new EventEmitter();
  let left = 0;
  const { url, opened } = await serve({ signals, retryMs: 2000 }, (stream) => {
    stream.onClose(() => {
      left += 1;
    });
  });
  const reading = read(url);
  const stream = await opened;
  expect(signals.listenerCount('shutdown')).toBe(1);
  signals.emit('shutdown');
  expect((await reading).text).toBe('retry: 2000\n\n');
  expect(stream.closed).toBe(true);
  expect(left).toBe(1);
  expect(signals.listenerCount('shutdown')).toBe(0);
});

it('closes when the client leaves: callbacks run once, the shutdown listener is gone, later writes are dropped', async () => {
  const signals = new EventEmitter();
  let left = 0;
  const { url, opened } = await serve({ signals, heartbeatMs: 10 }, (stream) => {
    stream.onClose(() => {
      left += 1;
    });
    stream.comment('hello');
  });
  const reading = read(url, ': hello\n\n');
  const stream = await opened;
  await reading;
  await closedOnce(stream);
  expect(stream.closed).toBe(true);
  expect(signals.listenerCount('shutdown')).toBe(0);
  stream.send(9, 'after', {});
  stream.end();
  signals.emit('shutdown');
  expect(left).toBe(1);
  // A callback added after the close (e.g. a feed joined while the client was leaving) runs at once.
  let late = false;
  stream.onClose(() => {
    late = true;
  });
  expect(late).toBe(true);
});

it('is closed at once when the client left while the route was still awaiting', async () => {
  app = Fastify({ forceCloseConnections: true });
  const left = new EventEmitter();
  let resolve: (s: EventStream) => void;
  const opened = new Promise<EventStream>((r) => {
    resolve = r;
  });
  app.get('/stream', async (request, reply) => {
    await new Promise((r) => left.once('gone', r)); // e.g. authorisation and the session's lookup
    resolve(openEventStream(request, reply, { heartbeatMs: 10 }));
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const controller = new AbortController();
  const res = fetch(`${base}/stream`, { signal: controller.signal }).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 100));
  controller.abort();
  await res;
  await new Promise((r) => setTimeout(r, 100)); // the server sees the socket close
  left.emit('gone');
  const stream = await opened;
  expect(stream.closed).toBe(true);
  let ran = false;
  stream.onClose(() => {
    ran = true;
  });
  expect(ran).toBe(true);
});
