import { POWER_INDICES, POWER_METHODS } from '@concert/engine';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../app.ts';
import type { Actor } from '../auth/logins.ts';
import { DESIGN_GOALS, type DesignRequest, designFrom } from '../domain/design-jobs.ts';
import { type PowerRequest, powerFrom } from '../domain/power-jobs.ts';
import { type SimulateRequest, simulationFrom } from '../domain/simulations.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Job, JobEvent } from '../jobs/runner.ts';
import { openEventStream } from './event-stream.ts';
import { anyObject, errors } from './schemas.ts';

const jobParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;

const SIMULATE_FIELDS = ['scenario', 'charters', 'runs', 'seed', 'recusal'];
const POWER_FIELDS = [
  'charter',
  'body',
  'category',
  'date',
  'parties',
  'indices',
  'method',
  'samples',
  'seed',
  'limit',
];
const DESIGN_FIELDS = [
  'charter',
  'body',
  'category',
  'date',
  'parties',
  'population',
  'alphas',
  'quotas',
  'countQuotas',
  'goals',
  'minPass',
];
const FIELDS = { simulate: SIMULATE_FIELDS, power: POWER_FIELDS, design: DESIGN_FIELDS };

// One body schema for all kinds (clear field errors); which fields belong to which kind is checked in `kindOf`.
const jobBody = {
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['simulate', 'power', 'design'] },
    scenario: {
      description:
        'simulate: a built-in scenario id, scenario YAML or JSON text, or the scenario as an object',
      anyOf: [{ type: 'string', minLength: 1, maxLength: 200_000 }, { type: 'object' }],
    },
    charters: {
      description: 'simulate: institutions or built-in charters',
      type: 'array',
      minItems: 1,
      maxItems: 8,
      items: { type: 'string', minLength: 1, maxLength: 64 },
    },
    runs: { type: 'integer', minimum: 1 },
    seed: { type: 'integer', minimum: 0, maximum: 4294967295 },
    recusal: {
      type: 'boolean',
      description: 'simulate, false: the counterfactual in which the parties vote',
    },
    charter: {
      type: 'string',
      minLength: 1,
      maxLength: 64,
      description: 'power, design: an institution or built-in charter',
    },
    body: { type: 'string', minLength: 1, maxLength: 64 },
    category: { type: 'string', minLength: 1, maxLength: 64 },
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    parties: { type: 'array', maxItems: 100, items: { type: 'string', pattern: '^[A-Z0-9]{2,8}$' } },
    indices: {
      type: 'array',
      minItems: 1,
      items: { type: 'string', enum: [...POWER_INDICES] },
    },
    method: { type: 'string', enum: ['auto', ...POWER_METHODS] },
    samples: { type: 'integer', minimum: 1, maximum: 100_000_000 },
    limit: { type: 'integer', minimum: 1, maximum: 100 },
    population: {
      type: 'string',
      minLength: 1,
      maxLength: 64,
      description: "design: a population series (default: the charter's)",
    },
    alphas: {
      description: 'design: exponents α for weights ∝ population^α',
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: { type: 'number', minimum: 0, maximum: 2 },
    },
    quotas: {
      description: 'design: weight quotas in percent, a list or "from:to:step"',
      anyOf: [
        { type: 'array', minItems: 1, maxItems: 5000, items: { type: 'number', minimum: 0, maximum: 100 } },
        { type: 'string', pattern: '^[0-9.]+:[0-9.]+(:[0-9.]+)?$' },
      ],
    },
    countQuotas: {
      description: 'design: member quotas in percent; null for none',
      type: 'array',
      minItems: 1,
      maxItems: 50,
      // One type list, not anyOf: type coercion would turn a null into 0 on the anyOf's number branch.
      items: { type: ['number', 'null'], minimum: 0, maximum: 100 },
    },
    goals: {
      description: 'design: goals every kept rule meets',
      type: 'array',
      items: { type: 'string', enum: [...DESIGN_GOALS] },
    },
    minPass: { type: 'number', minimum: 0, maximum: 1, description: 'design: least probability of passage' },
  },
} as const;

type JobRequest = SimulateRequest | PowerRequest | DesignRequest;

/** The request's kind, once its fields are those of that kind and the required ones are there. */
function kindOf(body: JobRequest): JobRequest {
  const own = FIELDS[body.kind];
  const required = body.kind === 'simulate' ? ['scenario', 'charters'] : ['charter'];
  for (const key of Object.keys(body))
    if (key !== 'kind' && !own.includes(key))
      throw badRequest(`${key}: not a field of a ${body.kind} job (fields: ${own.join(', ')})`, key);
  for (const key of required)
    if (!(key in body)) throw badRequest(`${key}: required for a ${body.kind} job`, key);
  return body;
}

/** What a client reads about a job (its result once it has succeeded). */
function describeJob(job: Job) {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    input: job.input,
    progress: job.progress,
    createdAt: job.createdAt,
    attempts: job.attempts,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    ...(job.error ? { error: job.error } : {}),
    ...(job.result !== undefined ? { result: job.result } : {}),
    links: {
      self: `/api/jobs/${job.id}`,
      events: `/api/jobs/${job.id}/events`,
      cancel: `/api/jobs/${job.id}/cancel`,
    },
  };
}

export async function jobRoutes(app: FastifyInstance, p: Platform) {
  // A job is its owner's; the secretariat may read and cancel any. Others get 404, not a hint that it exists.
  const jobFor = async (actor: Actor, id: string): Promise<Job> => {
    const job = await p.jobs.get(id);
    if (!job || (job.owner !== actor.userId && actor.role !== 'secretariat')) throw notFound(`job ${id}`);
    return job;
  };

  app.post<{ Body: JobRequest }>(
    '/api/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary:
          'Start a crisis simulation, a power analysis or a design search on a worker thread (any role); 202 with the job',
        body: jobBody,
        response: { 202: anyObject, 429: errors[400], ...errors },
      },
    },
    async (request, reply) => {
      const actor = p.actor(request);
      const body = kindOf(request.body);
      const { payload, input } =
        body.kind === 'simulate'
          ? await simulationFrom(p.db, body, p.jobs.limits.maxRuns)
          : body.kind === 'power'
            ? await powerFrom(p.db, body, p.jobs.limits.heapMb)
            : await designFrom(p.db, body, p.jobs.limits.heapMb);
      const job = await p.jobs.start(body.kind, payload, actor.userId, input);
      return reply.status(202).header('location', `/api/jobs/${job.id}`).send(describeJob(job));
    },
  );

  app.get(
    '/api/jobs',
    { schema: { tags: ['jobs'], summary: 'Your jobs, newest first' } },
    async (request) => {
      const actor = p.actor(request);
      return (await p.jobs.of(actor.userId)).map((job) => describeJob(job));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'A job: status, progress, and its result once succeeded',
        params: jobParam,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => describeJob(await jobFor(p.actor(request), request.params.id)),
  );

  app.post<{ Params: { id: string } }>(
    '/api/jobs/:id/cancel',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Cancel a running job (its worker thread is terminated at once)',
        params: jobParam,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      const job = await jobFor(p.actor(request), request.params.id);
      return describeJob(await p.jobs.cancel(job));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/jobs/:id/events',
    {
      schema: {
        tags: ['jobs'],
        summary:
          'Server-sent events of a job: progress {fraction, stage}, then one of succeeded, failed, cancelled; the stream then ends',
        params: jobParam,
        response: errors,
      },
    },
    async (request, reply) => {
      const job = await jobFor(p.actor(request), request.params.id);
      streamJob(p, job, request, reply);
    },
  );
}

/**
 * The job's progress as it stands, each update, and the final event; the stream ends with the job. A shutdown
 * of this process ends it with `interrupted`: the job goes on in the next process (or another one sharing the
 * database), where a reconnecting client follows it.
 */
function streamJob(p: Platform, job: Job, request: FastifyRequest, reply: FastifyReply) {
  const stream = openEventStream(request, reply);
  let id = 0;
  const send = (e: JobEvent) => {
    const data =
      e.type === 'progress'
        ? { fraction: e.fraction, stage: e.stage }
        : e.type === 'interrupted'
          ? { message: 'the server stopped; the job resumes when it is back: reconnect to follow it' }
          : finalData(describeJob(e.job));
    stream.send(++id, e.type, data);
  };
  send({ type: 'progress', ...job.progress });
  if (job.status !== 'running') {
    send({ type: job.status, job });
    stream.end();
    return;
  }
  stream.onClose(
    p.jobs.listen(job.id, (e) => {
      send(e);
      if (e.type !== 'progress') stream.end();
    }),
  );
}

/** The final event carries the status and the error, not the result (read it at GET /api/jobs/:id). */
function finalData(job: ReturnType<typeof describeJob>) {
  const { result: _r, input: _i, ...rest } = job;
  return rest;
}
