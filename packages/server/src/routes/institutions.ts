import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../app.ts';
import { authorize } from '../auth/policy.ts';
import { caucusesOfInstitution } from '../domain/caucuses.ts';
import {
  charterOf,
  createInstitution,
  delegationsOf,
  describeInstitution,
  engineInstitution,
  getInstitution,
  type InstitutionRow,
  isCalendarDate,
} from '../domain/institutions.ts';
import { presidencyOn } from '../domain/presidency.ts';
import { actorName } from '../domain/sessions.ts';
import { badRequest } from '../errors.ts';
import { appendAudit } from '../record/audit.ts';
import { anyObject, errors, institutionCaucuses, isoDate, slugParam } from './schemas.ts';

export async function institutionRoutes(app: FastifyInstance, p: Platform) {
  const today = () => p.now().toISOString().slice(0, 10);

  app.get(
    '/api/institutions',
    { schema: { tags: ['institutions'], summary: 'Institutions', response: errors } },
    async (request) => {
      p.actor(request);
      const rows = await p.db.query<InstitutionRow>('SELECT * FROM institutions ORDER BY id');
      return rows.map((r) => ({ id: r.id, charterId: r.charter_id, name: r.name, adoptedOn: r.adopted_on }));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/institutions/:id',
    {
      schema: {
        tags: ['institutions'],
        summary: 'An institution: bodies, categories, current presidencies',
        params: slugParam,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      p.actor(request);
      return describeInstitution(await getInstitution(p.db, request.params.id), today());
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/institutions/:id/delegations',
    {
      schema: {
        tags: ['institutions'],
        summary: 'One delegation per member state',
        params: slugParam,
        response: errors,
      },
    },
    async (request) => {
      p.actor(request);
      await getInstitution(p.db, request.params.id);
      return delegationsOf(p.db, request.params.id);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/institutions/:id/caucuses',
    {
      schema: {
        tags: ['institutions'],
        summary:
          "Caucuses: the members grouped by each attribute the charter's rules group by (e.g. subregion)",
        params: slugParam,
        response: { 200: institutionCaucuses, ...errors },
      },
    },
    async (request) => {
      p.actor(request);
      return caucusesOfInstitution(await getInstitution(p.db, request.params.id));
    },
  );

  app.get<{ Params: { id: string }; Querystring: { body?: string; date?: string } }>(
    '/api/institutions/:id/presidency',
    {
      schema: {
        tags: ['institutions'],
        summary: "The presidency on a date, computed from the charter's rotation",
        params: slugParam,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { body: { type: 'string' }, date: isoDate },
        },
        response: errors,
      },
    },
    async (request) => {
      p.actor(request);
      const row = await getInstitution(p.db, request.params.id);
      const charter = charterOf(row);
      const bodyId = request.query.body ?? charter.bodies[0]!.id;
      if (!charter.bodies.some((b) => b.id === bodyId))
        throw badRequest(`no body "${bodyId}" in ${charter.id}`, 'body');
      const date = request.query.date ?? today();
      if (!isCalendarDate(date)) throw badRequest(`${date} is not a calendar date`, 'date');
      const term = presidencyOn(charter, bodyId, engineInstitution(row).members, row.adopted_on, date);
      return { body: bodyId, date, presidency: term ?? null };
    },
  );

  app.post<{
    Body: { id: string; charterId?: string; charterSource?: string; adoptedOn: string; name?: string };
  }>(
    '/api/institutions',
    {
      schema: {
        tags: ['institutions'],
        summary: 'Instantiate a charter (built-in, or YAML of your own) on a date (secretariat)',
        body: {
          type: 'object',
          required: ['id', 'adoptedOn'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
            charterId: { type: 'string', minLength: 1, maxLength: 64 },
            charterSource: { type: 'string', minLength: 1, maxLength: 200_000 },
            adoptedOn: isoDate,
            name: { type: 'string', minLength: 1, maxLength: 200 },
          },
        },
        response: { 201: anyObject, ...errors },
      },
    },
    async (request, reply) => {
      const actor = p.actor(request);
      authorize(actor, 'institution.create');
      const created = await p.act(async (tx, at) => {
        const result = await createInstitution(tx, request.body, at);
        await appendAudit(tx, {
          at,
          actor: actorName(actor),
          action: 'institution.create',
          subject: `institution:${result.institution.id}`,
          content: {
            charter: result.institution.charter_id,
            ...(result.institution.charter_source
              ? { charterSha256: sha256(result.institution.charter_source) }
              : {}),
            adoptedOn: result.institution.adopted_on,
            delegations: result.delegations.length,
          },
        });
        return result;
      });
      return reply.status(201).send(describeInstitution(created.institution, today()));
    },
  );
}

const sha256 = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
