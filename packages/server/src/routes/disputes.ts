import type { FastifyInstance } from 'fastify';
import type { Platform } from '../app.ts';
import { announceDispute } from '../domain/dispute-feed.ts';
import {
  caseView,
  describeCase,
  fileCase,
  listCases,
  mediatorsFor,
  recordAction,
} from '../domain/disputes.ts';
import { actorName } from '../domain/sessions.ts';
import { anyObject, errors, idParam, isoDate } from './schemas.ts';

const withUnprocessable = { ...errors, 422: errors[400] };

export async function disputeRoutes(app: FastifyInstance, p: Platform) {
  app.get<{ Querystring: { institution?: string } }>(
    '/api/disputes',
    {
      schema: {
        tags: ['disputes'],
        summary:
          'Dispute cases: each with its stage and next deadline (the engine’s replay on its last event’s date)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { institution: { type: 'string', maxLength: 64 } },
        },
        response: errors,
      },
    },
    async (request) => {
      p.actor(request);
      return listCases(p.db, request.query.institution);
    },
  );

  app.post<{ Body: { institution: string } & Record<string, unknown> }>(
    '/api/disputes',
    {
      schema: {
        tags: ['disputes'],
        summary:
          "File a case: { institution, date, by, parties, subject, title?, note? } (a party's delegation, or the secretariat)",
        body: {
          type: 'object',
          required: ['institution'],
          properties: { institution: { type: 'string', minLength: 1, maxLength: 64 } },
          additionalProperties: true,
        },
        response: { 201: anyObject, ...withUnprocessable },
      },
    },
    async (request, reply) => {
      const actor = p.actor(request);
      const { institution, ...event } = request.body;
      const { row, state, at } = await p.act(async (tx, at) => ({
        ...(await fileCase(tx, actor, institution, event, at)),
        at,
      }));
      announceDispute(p.signals, {
        institution: row.institution_id,
        case: row.id,
        position: 0,
        type: 'file',
        date: row.filed_on,
        status: state.status,
        step: state.step?.id ?? null,
        actor: actorName(actor),
        at,
      });
      return reply
        .status(201)
        .header('location', `/api/disputes/${row.id}`)
        .send({ ...describeCase(row, state), state });
    },
  );

  app.get<{ Params: { id: number }; Querystring: { asOf?: string } }>(
    '/api/disputes/:id',
    {
      schema: {
        tags: ['disputes'],
        summary:
          'A case: its events and the engine’s state on asOf (timeline, deadlines, what is allowed next)',
        params: idParam,
        querystring: { type: 'object', additionalProperties: false, properties: { asOf: isoDate } },
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      p.actor(request);
      return caseView(p.db, request.params.id, request.query.asOf);
    },
  );

  app.post<{ Params: { id: number }; Body: Record<string, unknown> }>(
    '/api/disputes/:id/events',
    {
      schema: {
        tags: ['disputes'],
        summary:
          'Take a procedure action (open-step, propose-mediator, draw-mediator, appoint-arbitrator, report, award, comply, report-non-compliance, settle, escalate, withdraw, deadline); the engine accepts it or says why not (422)',
        params: idParam,
        body: anyObject,
        response: { 201: anyObject, ...withUnprocessable },
      },
    },
    async (request, reply) => {
      const actor = p.actor(request);
      const { row, position, event, state, at } = await p.act(async (tx, at) => ({
        ...(await recordAction(tx, actor, request.params.id, request.body, at)),
        at,
      }));
      announceDispute(p.signals, {
        institution: row.institution_id,
        case: row.id,
        position,
        type: event.type,
        date: event.date,
        status: state.status,
        step: state.step?.id ?? null,
        actor: actorName(actor),
        at,
      });
      return reply.status(201).send({ case: request.params.id, state });
    },
  );

  app.get<{ Params: { id: number }; Querystring: { seed?: number } }>(
    '/api/disputes/:id/mediators',
    {
      schema: {
        tags: ['disputes'],
        summary:
          'Neutral third states for the case on its filing date: the excluded with every reason, the eligible in the order of a seeded lot',
        params: idParam,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { seed: { type: 'integer', minimum: 0, maximum: 4294967295 } },
        },
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      p.actor(request);
      return mediatorsFor(p.db, request.params.id, request.query.seed ?? 1);
    },
  );
}
