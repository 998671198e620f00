import type { FastifyInstance } from 'fastify';
import type { Platform } from '../app.ts';
import { type SessionEvent, SessionFeeds, sessionEventsAfter } from '../domain/events.ts';
import { getSession } from '../domain/sessions.ts';
import { openEventStream } from './event-stream.ts';
import { errors, idParam } from './schemas.ts';

export async function eventRoutes(app: FastifyInstance, p: Platform) {
  const feeds = new SessionFeeds(p.db, p.signals, (err) => app.log.warn({ err }, 'session feed read failed'));
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
      const stream = openEventStream(request, reply, { signals: p.signals, retryMs: 2000 });
      const write = (events: SessionEvent[]) => {
        for (const e of events) {
          if (e.id <= last) continue; // already sent (the catch-up and the feed overlap)
          stream.send(e.id, e.type, { at: e.at, ...e.data });
          last = e.id;
        }
      };
      // Join the session's shared feed first (holding its deliveries), then catch up from the rows: the rows
      // are the truth, so nothing is missed or doubled.
      let catchingUp = true;
      const held: SessionEvent[] = [];
      try {
        const leave = await feeds.join(session.id, (events) => {
          if (stream.closed) return;
          if (catchingUp) held.push(...events);
          else write(events);
        });
        stream.onClose(leave); // at once if the client left during the join
        while (!stream.closed) {
          const events = await sessionEventsAfter(p.db, session.id, last, 500);
          write(events);
          if (events.length < 500) break;
        }
        catchingUp = false;
        write(held.splice(0));
      } catch (err) {
        request.log.warn({ err }, 'event stream read failed');
        stream.end();
      }
    },
  );
}
