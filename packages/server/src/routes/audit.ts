import type { FastifyInstance } from 'fastify';
import type { Platform } from '../app.ts';
import { auditEntries } from '../record/audit.ts';
import { errors } from './schemas.ts';

export async function auditRoutes(app: FastifyInstance, p: Platform) {
  app.get<{ Querystring: { after?: number; limit?: number } }>(
    '/api/audit',
    {
      schema: {
        tags: ['record'],
        summary: 'Audit log entries, in order (secret votes appear as commitments)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            after: { type: 'integer', minimum: 0, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          },
        },
        response: errors,
      },
    },
    async (request) => {
      p.actor(request);
      const after = request.query.after ?? 0;
      const limit = request.query.limit ?? 100;
      const entries = await auditEntries(p.db, after, limit);
      const last = entries.at(-1);
      return { entries, next: entries.length === limit && last ? last.seq : null };
    },
  );
}
