import type { FastifyInstance } from 'fastify';
import type { Platform } from '../app.ts';
import { DURABILITY } from '../database/index.ts';
import { VERSION } from '../version.ts';

export async function healthRoutes(app: FastifyInstance, p: Platform) {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Version, database kind and its durability, and how votes have been batched',
        security: [],
        response: {
          200: {
            type: 'object',
            properties: {
              status: { type: 'string' },
              version: { type: 'string' },
              database: { type: 'string', enum: ['pglite', 'postgresql'] },
              durability: { type: 'string' },
              votes: {
                type: 'object',
                description:
                  'Group commit since the server started: batches committed, votes in them, the largest',
                properties: {
                  batches: { type: 'integer' },
                  votes: { type: 'integer' },
                  largest: { type: 'integer' },
                },
              },
            },
          },
        },
      },
    },
    async () => {
      await p.db.query('SELECT 1');
      return {
        status: 'ok',
        version: VERSION,
        database: p.db.kind,
        durability: DURABILITY[p.db.kind],
        votes: p.votes.stats,
      };
    },
  );
}
