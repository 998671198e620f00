import { contestedAreas } from '@concert/engine';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../app.ts';
import {
  bordersView,
  coverageView,
  establishZone,
  listChanges,
  listZones,
  neutralityView,
  reportViolation,
  requestBorderChange,
  scenarioView,
  violationsView,
} from '../domain/territory.ts';
import { anyObject, errors } from './schemas.ts';

const withUnprocessable = { ...errors, 422: anyObject };
const institution = { type: 'string', minLength: 1, maxLength: 64, default: 'continental' } as const;
const query = (extra: Record<string, object> = {}) =>
  ({ type: 'object', additionalProperties: false, properties: { institution, ...extra } }) as const;
const body = (key: string) =>
  ({
    type: 'object',
    required: [key],
    additionalProperties: false,
    properties: { institution, [key]: { type: 'object' } },
  }) as const;

export async function territoryRoutes(app: FastifyInstance, p: Platform) {
  app.get<{ Querystring: { institution: string; date?: string; state?: string } }>(
    '/api/territory/borders',
    {
      schema: {
        tags: ['territory'],
        summary: 'Land borders the institution recognises on a date, after the accepted border changes',
        querystring: query({ date: { type: 'string' }, state: { type: 'string' } }),
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      p.actor(request);
      const q = request.query;
      return bordersView(p.db, q.institution, q.date, q.state);
    },
  );

  app.get<{ Querystring: { institution: string; date?: string; area?: string; includeBilateral?: boolean } }>(
    '/api/territory/coverage',
    {
      schema: {
        tags: ['territory'],
        summary:
          'Who holds each area an accepted border change transferred, on a date, and the guarantees that cover it then',
        querystring: query({
          date: { type: 'string' },
          area: { type: 'string', minLength: 1, maxLength: 200 },
          includeBilateral: { type: 'boolean', default: false },
        }),
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      p.actor(request);
      const { institution, ...q } = request.query;
      return coverageView(p.db, institution, q);
    },
  );

  app.get<{ Querystring: { institution: string; parties: string; date?: string; seed?: number } }>(
    '/api/territory/neutrality',
    {
      schema: {
        tags: ['territory'],
        summary:
          'Neutral third states towards the parties on a date, land neighbours after the accepted border changes; a seeded lot ranks them',
        querystring: {
          type: 'object',
          required: ['parties'],
          additionalProperties: false,
          properties: {
            institution,
            parties: { type: 'string', minLength: 1, maxLength: 400 },
            date: { type: 'string' },
            seed: { type: 'integer', minimum: 0, maximum: 4294967295 },
          },
        },
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      p.actor(request);
      const { institution, ...q } = request.query;
      return neutralityView(p.db, institution, q);
    },
  );

  app.get<{ Querystring: { institution: string } }>(
    '/api/territory/border-changes',
    {
      schema: {
        tags: ['territory'],
        summary: 'Accepted border changes, with the checks the engine made',
        querystring: query(),
        response: errors,
      },
    },
    async (request) => {
      p.actor(request);
      return listChanges(p.db, request.query.institution);
    },
  );

  app.post<{ Body: { institution: string; change: Record<string, unknown> } }>(
    '/api/territory/border-changes',
    {
      schema: {
        tags: ['territory'],
        summary:
          'Request a border change (a state concerned, or the secretariat): entered into the registry if the engine accepts it, else 422 with every check',
        body: body('change'),
        response: { 201: anyObject, ...withUnprocessable },
      },
    },
    async (request, reply) => {
      const actor = p.actor(request);
      const result = await p.act((tx, at) =>
        requestBorderChange(tx, actor, request.body.institution, request.body.change, at),
      );
      return reply
        .status(201)
        .send({ id: result.request.id, effective: result.request.effective, ...result });
    },
  );

  app.get<{ Querystring: { institution: string } }>(
    '/api/territory/zones',
    {
      schema: {
        tags: ['territory'],
        summary: 'Demilitarized zones and their monitoring missions',
        querystring: query(),
        response: errors,
      },
    },
    async (request) => {
      p.actor(request);
      return listZones(p.db, request.query.institution);
    },
  );

  app.post<{ Body: { institution: string; zone: Record<string, unknown> } }>(
    '/api/territory/zones',
    {
      schema: {
        tags: ['territory'],
        summary:
          'Establish a demilitarized zone (secretariat); its monitoring mission must pass the neutrality test',
        body: body('zone'),
        response: { 201: anyObject, ...withUnprocessable },
      },
    },
    async (request, reply) => {
      const actor = p.actor(request);
      const result = await p.act((tx, at) =>
        establishZone(tx, actor, request.body.institution, request.body.zone, at),
      );
      return reply.status(201).send(result);
    },
  );

  app.post<{ Params: { zone: string }; Body: { institution: string; violation: Record<string, unknown> } }>(
    '/api/territory/zones/:zone/violations',
    {
      schema: {
        tags: ['territory'],
        summary:
          'Report a violation of a zone (a delegation as its own state, or the secretariat for the mission)',
        params: {
          type: 'object',
          required: ['zone'],
          properties: { zone: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' } },
        },
        body: body('violation'),
        response: { 201: anyObject, ...withUnprocessable },
      },
    },
    async (request, reply) => {
      const actor = p.actor(request);
      const result = await p.act((tx, at) =>
        reportViolation(tx, actor, request.body.institution, request.params.zone, request.body.violation, at),
      );
      return reply.status(201).send(result);
    },
  );

  app.get<{ Querystring: { institution: string; scenarioStart?: string } }>(
    '/api/territory/violations',
    {
      schema: {
        tags: ['territory'],
        summary:
          'Violations reported, and the same as crisis-scenario incidents (day 0 = scenarioStart, default the first report)',
        querystring: query({ scenarioStart: { type: 'string' } }),
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      p.actor(request);
      return violationsView(p.db, request.query.institution, request.query.scenarioStart);
    },
  );

  app.get<{ Querystring: { institution: string; scenarioStart?: string; format?: 'yaml' | 'json' } }>(
    '/api/territory/scenario',
    {
      schema: {
        tags: ['territory'],
        summary:
          'The violations recorded as a whole crisis scenario (what `concert territory incidents` writes): YAML to download, or JSON; 422 when none exceeds its limits',
        querystring: query({
          scenarioStart: { type: 'string' },
          format: { type: 'string', enum: ['yaml', 'json'], default: 'yaml' },
        }),
        response: { 200: anyObject, ...withUnprocessable },
      },
    },
    async (request, reply) => {
      p.actor(request);
      const { institution, scenarioStart, format } = request.query;
      const { scenario, yaml } = await scenarioView(p.db, institution, scenarioStart);
      if (format === 'json') return scenario;
      return reply
        .type('application/yaml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${scenario.id}.yaml"`)
        .send(yaml);
    },
  );

  app.get(
    '/api/territory/contested',
    { schema: { tags: ['territory'], summary: 'Contested areas, each side’s position with its source' } },
    async (request) => {
      p.actor(request);
      const areas = contestedAreas();
      return { count: areas.length, areas };
    },
  );
}
