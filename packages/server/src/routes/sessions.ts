import type { FastifyInstance } from 'fastify';
import type { Platform } from '../app.ts';
import { authorizeChair, bodyOf } from '../auth/chair.ts';
import { authorize } from '../auth/policy.ts';
import { describeMotion, getMotion, type MotionRow, tableMotion } from '../domain/motions.ts';
import type { PollRow } from '../domain/polls.ts';
import {
  addAgendaItem,
  agendaOf,
  closeSession,
  getSession,
  openSession,
  type SessionRow,
  setAttendance,
} from '../domain/sessions.ts';
import { standingOf } from '../domain/standing.ts';
import { anyObject, delegationRef, errors, idParam, memberRef } from './schemas.ts';

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;

export async function sessionRoutes(app: FastifyInstance, p: Platform) {
  app.get<{ Querystring: { institution?: string } }>(
    '/api/sessions',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Sessions',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { institution: { type: 'string' } },
        },
        response: errors,
      },
    },
    async (request) => {
      p.actor(request);
      const rows = request.query.institution
        ? await p.db.query<SessionRow>(
            'SELECT * FROM council_sessions WHERE institution_id = $1 ORDER BY id',
            [request.query.institution],
          )
        : await p.db.query<SessionRow>('SELECT * FROM council_sessions ORDER BY id');
      return rows.map(describeSession);
    },
  );

  app.post<{ Body: { institution: string; body: string; title: string; agenda?: string[] } }>(
    '/api/sessions',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Open a session of a body (presidency, secretariat)',
        body: {
          type: 'object',
          required: ['institution', 'body', 'title'],
          additionalProperties: false,
          properties: {
            institution: text(64),
            body: text(64),
            title: text(300),
            agenda: { type: 'array', maxItems: 100, items: text(500) },
          },
        },
        response: { 201: anyObject, ...errors },
      },
    },
    async (request, reply) => {
      const actor = p.actor(request);
      const b = request.body;
      const chair = await authorizeChair(
        p.db,
        actor,
        'session.open',
        async () => ({ institutionId: b.institution, bodyId: b.body }),
        p.now(),
      );
      const session = await p.act(
        (tx, at) =>
          openSession(
            tx,
            chair,
            {
              institutionId: b.institution,
              bodyId: b.body,
              title: b.title,
              ...(b.agenda ? { agenda: b.agenda } : {}),
            },
            at,
          ),
        (s) => s.id,
      );
      return reply.status(201).send(describeSession(session));
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/sessions/:id',
    {
      schema: {
        tags: ['sessions'],
        summary: 'A session: agenda, attendance, motions, polls',
        params: idParam,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      p.actor(request);
      const session = await getSession(p.db, request.params.id);
      const attendance = await p.db.query<{ delegation_id: string; present: boolean; updated_at: string }>(
        'SELECT delegation_id, present, updated_at FROM attendance WHERE session_id = $1 ORDER BY delegation_id',
        [session.id],
      );
      const motions = await p.db.query<MotionRow>('SELECT * FROM motions WHERE session_id = $1 ORDER BY id', [
        session.id,
      ]);
      const polls = await p.db.query<PollRow>(
        'SELECT p.id, p.motion_id, p.ballot, p.status, p.opened_at, p.closed_at, p.adopted FROM polls p JOIN motions m ON m.id = p.motion_id WHERE m.session_id = $1 ORDER BY p.id',
        [session.id],
      );
      return {
        ...describeSession(session),
        agenda: await agendaOf(p.db, session.id),
        attendance: attendance.map((a) => ({
          delegation: a.delegation_id,
          present: a.present,
          since: a.updated_at,
        })),
        motions: motions.map(describeMotion),
        polls: polls.map((x) => ({
          id: x.id,
          motion: x.motion_id,
          ballot: x.ballot,
          status: x.status,
          openedAt: x.opened_at,
          closedAt: x.closed_at,
          adopted: x.adopted,
        })),
      };
    },
  );

  app.post<{ Params: { id: number } }>(
    '/api/sessions/:id/close',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Close the session (presidency)',
        params: idParam,
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (request, reply) => {
      const actor = p.actor(request);
      const chair = await authorizeChair(
        p.db,
        actor,
        'session.close',
        () => bodyOf(p, request.params.id),
        p.now(),
      );
      await p.act(
        (tx, at) => closeSession(tx, chair, request.params.id, at),
        () => request.params.id,
      );
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: number }; Body: { title: string } }>(
    '/api/sessions/:id/agenda',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Add an agenda item (presidency, secretariat)',
        params: idParam,
        body: {
          type: 'object',
          required: ['title'],
          additionalProperties: false,
          properties: { title: text(500) },
        },
        response: { 201: anyObject, ...errors },
      },
    },
    async (request, reply) => {
      const actor = p.actor(request);
      const chair = await authorizeChair(
        p.db,
        actor,
        'agenda.add',
        () => bodyOf(p, request.params.id),
        p.now(),
      );
      const item = await p.act(
        async (tx, at) =>
          addAgendaItem(tx, chair, await getSession(tx, request.params.id), request.body.title, at),
        () => request.params.id,
      );
      return reply.status(201).send(item);
    },
  );

  app.post<{ Params: { id: number }; Body: { delegation?: string; present: boolean } }>(
    '/api/sessions/:id/attendance',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Check a delegation in or out (a delegate for its own; the secretariat for any)',
        params: idParam,
        body: {
          type: 'object',
          required: ['present'],
          additionalProperties: false,
          properties: { delegation: delegationRef, present: { type: 'boolean' } },
        },
        response: errors,
      },
    },
    async (request, reply) => {
      const actor = p.actor(request);
      const delegation = request.body.delegation ?? actor.delegationId;
      authorize(actor, 'attendance.set', { delegation });
      if (!delegation)
        return reply
          .status(400)
          .send({ error: 'Bad Request', message: 'name the delegation', field: 'delegation' });
      await p.act(
        (tx, at) => setAttendance(tx, actor, request.params.id, delegation, request.body.present, at),
        () => request.params.id,
      );
      return reply.status(204).send();
    },
  );

  app.post<{
    Params: { id: number };
    Body: { category: string; text: string; sponsor?: string; agendaItem?: number; parties?: string[] };
  }>(
    '/api/sessions/:id/motions',
    {
      schema: {
        tags: ['motions'],
        summary: 'Table a motion under a decision category (a delegate for its delegation; the presidency)',
        params: idParam,
        body: {
          type: 'object',
          required: ['category', 'text'],
          additionalProperties: false,
          properties: {
            category: text(64),
            text: text(10_000),
            sponsor: delegationRef,
            agendaItem: { type: 'integer', minimum: 1 },
            parties: { type: 'array', maxItems: 100, items: memberRef },
          },
        },
        response: { 201: anyObject, ...errors },
      },
    },
    async (request, reply) => {
      const actor = p.actor(request);
      const b = request.body;
      const sponsor = actor.role === 'delegate' ? (b.sponsor ?? actor.delegationId!) : b.sponsor;
      const session = await getSession(p.db, request.params.id);
      authorize(actor, 'motion.table', {
        delegation: actor.role === 'delegate' ? sponsor : undefined,
        institution: session.institution_id,
      });
      const motion = await p.act(
        (tx, at) =>
          tableMotion(
            tx,
            actor,
            {
              sessionId: request.params.id,
              categoryId: b.category,
              text: b.text,
              ...(sponsor ? { sponsor } : {}),
              ...(b.agendaItem !== undefined ? { agendaItem: b.agendaItem } : {}),
              ...(b.parties ? { parties: b.parties } : {}),
            },
            at,
          ),
        (m) => m.session_id,
      );
      return reply.status(201).send(describeMotion(motion));
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/motions/:id',
    {
      schema: {
        tags: ['motions'],
        summary: 'A motion',
        params: idParam,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      p.actor(request);
      return describeMotion(await getMotion(p.db, request.params.id));
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/motions/:id/standing',
    {
      schema: {
        tags: ['motions'],
        summary:
          'Presence, quorum and distance to each threshold; who has not voted (never how, for secret polls)',
        params: idParam,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      p.actor(request);
      return standingOf(p.db, request.params.id, p.now().toISOString());
    },
  );
}

function describeSession(s: SessionRow) {
  return {
    id: s.id,
    institution: s.institution_id,
    body: s.body_id,
    title: s.title,
    status: s.status,
    createdAt: s.created_at,
  };
}
