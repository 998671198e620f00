import type { FastifyInstance } from 'fastify';
import type { Platform } from '../app.ts';
import { type DisputeChange, followDisputes } from '../domain/dispute-feed.ts';
import { getInstitution } from '../domain/institutions.ts';
import { openEventStream } from './event-stream.ts';
import { errors } from './schemas.ts';

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
      const stream = openEventStream(request, reply, { signals: p.signals, retryMs: 2000 });
      let count = 0;
      stream.onClose(
        followDisputes(p.signals, institution.id, (change: DisputeChange) => {
          count += 1;
          stream.send(count, 'dispute.event', change);
        }),
      );
    },
  );
}
