import type { FastifyInstance } from 'fastify';
import type { Platform } from '../app.ts';
import { sessionEventsAfter } from '../domain/events.ts';
import { getSession } from '../domain/sessions.ts';
import { errors, idParam } from './schemas.ts';

const HEARTBEAT_MS = 15_000;

export async function eventRoutes(app: FastifyInstance, p: Platform) {
  app.get<{ Params: { id: number }; Querystring: { after?: number } }>(
    '/api/sessions/:id/events',
    {
      schema: {
        tags: ['live'],
        summary:
          'Server-sent events of a session (tally, who has voted — not how, for secret polls —, results). Reconnect with Last-Event-ID.',
        params: idParam,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { after: { type: 'integer', minimum: 0 } },
        },
        response: errors,
      },
    },
    async (request, reply) => {
      p.actor(request);
      const session = await getSession(p.db, request.params.id);
      const header = request.headers['last-event-id'];
      let last = Number(
        typeof header === 'string' && /^\d+$/.test(header) ? header : (request.query.after ?? 0),
      );
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 2000\n\n');
      let closed = false;
      let pending: Promise<void> = Promise.resolve();
      // Reads from the database, not from the signal: the rows are the truth, so nothing is missed or doubled.
      const flush = () => {
        pending = pending
          .then(async () => {
            while (!closed) {
              const events = await sessionEventsAfter(p.db, session.id, last, 500);
              for (const e of events) {
                res.write(
                  `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify({ at: e.at, ...e.data })}\n\n`,
                );
                last = e.id;
              }
              if (events.length < 500) break;
            }
          })
          .catch((err) => {
            request.log.warn({ err }, 'event stream read failed');
          });
      };
      const channel = `session:${session.id}`;
      p.signals.on(channel, flush);
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const onShutdown = () => {
        stop();
        res.end();
      };
      const stop = () => {
        closed = true;
        clearInterval(heartbeat);
        p.signals.off(channel, flush);
        p.signals.off('shutdown', onShutdown);
      };
      request.raw.on('close', stop);
      p.signals.on('shutdown', onShutdown);
      flush();
    },
  );
}
