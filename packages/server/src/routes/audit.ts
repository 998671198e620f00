import { bytesToHex, type Checkpoint, checkpointNote } from '@concert/engine';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../app.ts';
import { badRequest } from '../errors.ts';
import { auditEntries, auditPages } from '../record/audit.ts';
import { issueCheckpoint, storedCheckpoints, verifyRecord } from '../record/checkpoints.ts';
import { anyObject, errors } from './schemas.ts';

const hash = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;
const checkpointSchema = {
  type: 'object',
  required: ['origin', 'size', 'rootHash', 'headHash', 'timestamp', 'keyId', 'signature'],
  additionalProperties: false,
  properties: {
    origin: { type: 'string', minLength: 1, maxLength: 200 },
    size: { type: 'integer', minimum: 0 },
    rootHash: hash,
    headHash: hash,
    timestamp: { type: 'string', maxLength: 40 },
    keyId: { type: 'string', pattern: '^[0-9a-f]{8}$' },
    signature: { type: 'string', maxLength: 100 },
  },
} as const;

export async function auditRoutes(app: FastifyInstance, p: Platform) {
  app.get<{ Querystring: { after?: number; limit?: number } }>(
    '/api/audit',
    {
      schema: {
        tags: ['record'],
        summary: 'Audit log entries in order, paged by seq (secret votes appear as commitments)',
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

  app.get(
    '/api/audit/checkpoint',
    {
      schema: {
        tags: ['record'],
        summary: 'A signed checkpoint (tree head) of the log as it stands; keep it to verify later',
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      p.actor(request);
      const checkpoint = await issueCheckpoint(p.db, p.record, p.now(), p.analyses);
      return { checkpoint, note: checkpointNote(checkpoint), publicKey: bytesToHex(p.record.key.publicKey) };
    },
  );

  app.get<{ Querystring: { seq: number; size?: number } }>(
    '/api/audit/proof/inclusion',
    {
      schema: {
        tags: ['record'],
        summary: 'RFC 9162 inclusion proof of entry `seq` in the tree of the first `size` entries',
        querystring: {
          type: 'object',
          required: ['seq'],
          additionalProperties: false,
          properties: { seq: { type: 'integer', minimum: 1 }, size: { type: 'integer', minimum: 1 } },
        },
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      p.actor(request);
      return proof(p, { proof: 'inclusion', seq: request.query.seq, size: request.query.size });
    },
  );

  app.get<{ Querystring: { from: number; to?: number } }>(
    '/api/audit/proof/consistency',
    {
      schema: {
        tags: ['record'],
        summary:
          'RFC 9162 consistency proof: the tree of the first `from` entries is a prefix of the first `to`',
        querystring: {
          type: 'object',
          required: ['from'],
          additionalProperties: false,
          properties: { from: { type: 'integer', minimum: 0 }, to: { type: 'integer', minimum: 0 } },
        },
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      p.actor(request);
      return proof(p, { proof: 'consistency', from: request.query.from, to: request.query.to });
    },
  );

  app.get(
    '/api/audit/export',
    {
      schema: {
        tags: ['record'],
        summary:
          'The whole log with its checkpoints and public key (concert-audit-export/1), for `concert audit verify`',
        response: { 200: anyObject, ...errors },
      },
    },
    async (request, reply) => {
      p.actor(request);
      const checkpoints = await storedCheckpoints(p.db, p.record);
      const pages = await auditPages(p.db);
      const body = await p.analyses.run({
        kind: 'export',
        input: { pages, checkpoints, publicKey: p.record.key.publicKey, origin: p.record.origin },
      });
      reply.header('content-disposition', 'attachment; filename="concert-audit-export.json"');
      return reply
        .type('application/json; charset=utf-8')
        .send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    },
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['record'],
        summary:
          'Recompute the chain and check it against every checkpoint issued; the first problem, if any',
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      p.actor(request);
      return verifyRecord(p.db, p.record, [], p.analyses);
    },
  );

  app.post<{ Body: { checkpoints: Checkpoint[] } }>(
    '/api/audit/verify',
    {
      schema: {
        tags: ['record'],
        summary: 'Verify against checkpoints you kept (besides those the server stored)',
        body: {
          type: 'object',
          required: ['checkpoints'],
          additionalProperties: false,
          properties: { checkpoints: { type: 'array', maxItems: 1000, items: checkpointSchema } },
        },
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      p.actor(request);
      return verifyRecord(p.db, p.record, request.body.checkpoints, p.analyses);
    },
  );
}

/** A proof computed on the analysis thread from the log read in pages; a 400 when the request does not fit. */
async function proof(
  p: Platform,
  request:
    | { proof: 'inclusion'; seq: number; size?: number }
    | { proof: 'consistency'; from: number; to?: number },
) {
  const pages = await auditPages(p.db);
  const out = await p.analyses.run({ kind: 'proof', input: { pages, ...request } });
  if ('bad' in out) throw badRequest(out.bad.message, out.bad.field);
  return out.proof;
}
