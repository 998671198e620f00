import type { FastifyInstance } from 'fastify';
import type { Platform } from '../app.ts';
import { type DisputeChange, followDisputes } from '../domain/dispute-feed.ts';
import { getInstitution } from '../domain/institutions.ts';
import { errors } from './schemas.ts';

const HEARTBEAT_MS = 15_000;

// The live registry: one server-sent event per case event stored in the institution (a filing, a procedure
// action). Events carry which case changed, not the case: a client refetches what it shows, and refetches
// everything when the stream (re)opens, since it may have missed changes while disconnected. So the stream keeps
// no history and needs no Last-Event-ID.
export async function disputeEventRoutes(app: FastifyInstance, p: Platform) {
  app.get<{ Querystring: { institution: string } }>(
    '/api/disputes/stream',
    {
      schema: {
        tags: ['live', 'disputes'],
        summary:
          'Server-sent events of an institution’s dispute registry: `dispute.event` for each event stored in any of its cases (which case, type, date, new status). Refetch on (re)open.',
        querystring: {
          type: 'object',
          required: ['institution'],
          additionalProperties: false,
          properties: { institution: { type: 'string', minLength: 1, maxLength: 64 } },
        },
        response: errors,
      },
    },
    async (request, reply) => {
      p.actor(request);
      const institution = await getInstitution(p.db, request.query.institution);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 2000\n\n');
      let count = 0;
      const leave = followDisputes(p.signals, institution.id, (change: DisputeChange) => {
        count += 1;
        res.write(`id: ${count}\nevent: dispute.event\ndata: ${JSON.stringify(change)}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const stop = () => {
        clearInterval(heartbeat);
        leave();
        p.signals.off('shutdown', onShutdown);
      };
      const onShutdown = () => {
        stop();
        res.end();
      };
      request.raw.on('close', stop);
      p.signals.on('shutdown', onShutdown);
    },
  );
}
