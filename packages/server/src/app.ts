import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import { LoginCache } from './auth/login-cache.ts';
import type { Actor } from './auth/logins.ts';
import { type PasswordCost, PRODUCTION_COST } from './auth/passwords.ts';
import type { Database, Queryable } from './database/index.ts';
import { SessionSignals } from './domain/events.ts';
import { relaySignals } from './domain/relay.ts';
import { VoteQueue } from './domain/vote-queue.ts';
import { HttpError, unauthorized } from './errors.ts';
import { type Analyses, AnalysisThread } from './jobs/analyses.ts';
import { type JobLimits, JobRunner } from './jobs/runner.ts';
import { ensureAuditHead } from './record/audit.ts';
import { loadSigningKey, type RecordKeeping, RecordTampered } from './record/checkpoints.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { disputeEventRoutes } from './routes/dispute-events.ts';
import { disputeRoutes } from './routes/disputes.ts';
import { eventRoutes } from './routes/events.ts';
import { exportRoutes } from './routes/exports.ts';
import { healthRoutes } from './routes/health.ts';
import { institutionRoutes } from './routes/institutions.ts';
import { jobRoutes } from './routes/jobs.ts';
import { pollRoutes } from './routes/polls.ts';
import { proxyRoutes } from './routes/proxies.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { territoryRoutes } from './routes/territory.ts';
import { VERSION } from './version.ts';

export const SESSION_COOKIE = 'concert_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface AppOptions {
  db: Database;
  /** pino options, `false` for silence (tests), or a logger instance. */
  logger?: boolean | Record<string, unknown>;
  passwordCost?: PasswordCost;
  /** Login attempts allowed per client address per minute. */
  loginRateLimit?: number;
  /** Clock (tests pin it). */
  now?: () => Date;
  /** Set the cookie's Secure flag (behind HTTPS). */
  secureCookies?: boolean;
  /** The record: the log's origin name, the signing key's file and a file of issued checkpoints (outside the database). */
  record?: { origin?: string; keyFile?: string; checkpointFile?: string };
  /** The built web UI (packages/web/dist), served at `/` when the folder exists. */
  webRoot?: string;
  /** Limits on simulation jobs (runs, concurrency, time); defaults in jobs/runner.ts. */
  jobs?: Partial<JobLimits>;
}

/** What every route handler shares. */
export interface Platform {
  db: Database;
  signals: SessionSignals;
  now: () => Date;
  passwordCost: PasswordCost;
  secureCookies: boolean;
  record: RecordKeeping;
  /** Simulation jobs on worker threads. */
  jobs: JobRunner;
  /** Votes, committed in batches (group commit). */
  votes: VoteQueue;
  /** The heavy reads' computations (chain verification, log replay), on a worker thread. */
  analyses: Analyses;
  /** Recently authenticated logins (auth/login-cache.ts); logout must forget its own. */
  logins: LoginCache;
  /** Runs a state change in one transaction, then tells the session's live listeners. */
  act<T>(
    work: (tx: Queryable, at: string) => Promise<T>,
    sessionOf?: (result: T) => number | undefined,
  ): Promise<T>;
  /** The authenticated actor of a request; 401 when there is none. */
  actor(request: FastifyRequest): Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    concertActor?: Actor;
  }
  interface FastifyInstance {
    /** The simulation jobs (their workers end when the app closes). */
    jobs: JobRunner;
  }
}

/**
 * Fastify logs two lines per request (received, completed); under a vote storm that is a visible share of the
 * loop's time, so the server writes one, on completion, carrying both halves. Errors are logged as before.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) {
      super.requestCompleted(error, request, reply);
      return;
    }
    reply.log.info(
      {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        responseTime: reply.elapsedTime,
      },
      'request completed',
    );
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new OneLinePerRequest(),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    bodyLimit: 256 * 1024,
  });
  const signals = new SessionSignals();
  const now = options.now ?? (() => new Date());
  const record: RecordKeeping = {
    origin: options.record?.origin ?? 'concert.local/audit',
    key: await loadSigningKey(options.db, options.record?.keyFile),
    ...(options.record?.checkpointFile ? { checkpointFile: options.record.checkpointFile } : {}),
  };
  const jobs = new JobRunner(options.db, options.jobs, now);
  const votes = new VoteQueue(options.db, now, signals);
  const logins = new LoginCache();
  const analyses = new AnalysisThread();
  const platform: Platform = {
    record,
    jobs,
    votes,
    logins,
    analyses,
    db: options.db,
    signals,
    now,
    passwordCost: options.passwordCost ?? PRODUCTION_COST,
    secureCookies: options.secureCookies ?? false,
    async act(work, sessionOf) {
      const at = now().toISOString();
      const result = await options.db.transaction((tx) => work(tx, at));
      const session = sessionOf?.(result);
      if (session !== undefined) signals.changed(session);
      return result;
    },
    actor(request) {
      if (!request.concertActor) throw unauthorized();
      return request.concertActor;
    },
  };
  await ensureAuditHead(options.db);
  await jobs.open();
  const stopRelay = await relaySignals(options.db, signals);
  app.decorate('jobs', jobs);
  // Event streams never end on their own: end them before close() waits for open connections.
  app.addHook('preClose', async () => {
    signals.emit('shutdown');
    await jobs.close();
    await votes.idle();
    await analyses.close();
    await stopRelay();
  });

  // Over plain HTTP (localhost) neither HSTS nor upgrade-insecure-requests may be sent: they would break /docs.
  const secure = options.secureCookies ?? false;
  await app.register(helmet, {
    hsts: secure,
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'", 'https:', "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'upgrade-insecure-requests': secure ? [] : null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Concert council platform', version: VERSION, description: 'See docs/server.md.' },
      components: {
        securitySchemes: {
          cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ cookie: [] }, { bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) {
      return reply.status(error.statusCode).send({
        error: reply.statusCode >= 500 ? 'Internal Server Error' : httpName(error.statusCode),
        message: error.message,
        ...(error.field ? { field: error.field } : {}),
        ...error.details,
      });
    }
    const e = error as {
      validation?: { instancePath?: string; params?: Record<string, unknown> }[];
      validationContext?: string;
      statusCode?: number;
      message: string;
    };
    if (e.validation) {
      const first = e.validation[0];
      const missing = first?.params?.missingProperty ?? first?.params?.additionalProperty;
      const field = [first?.instancePath?.replace(/^\//, '').replace(/\//g, '.'), missing]
        .filter(Boolean)
        .join('.');
      return reply
        .status(400)
        .send({ error: 'Bad Request', message: e.message, ...(field ? { field } : {}) });
    }
    if (error instanceof RecordTampered) {
      request.log.error({ problem: error.report.problem }, 'audit log tampered with; refusing to sign');
      return reply.status(409).send({ error: 'Conflict', message: error.message });
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.status(e.statusCode).send({ error: httpName(e.statusCode), message: e.message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply
      .status(500)
      .send({ error: 'Internal Server Error', message: 'internal error; see the server log' });
  });

  // Authentication (bearer token or session cookie) and CSRF for cookie-authenticated state changes.
  app.addHook('preHandler', async (request) => {
    const header = request.headers.authorization;
    const at = now();
    if (header?.startsWith('Bearer ')) {
      const actor = await logins.actor(options.db, header.slice(7).trim(), 'bearer', at);
      if (!actor) throw unauthorized('the bearer token is invalid or expired; log in again');
      request.concertActor = actor;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const actor = await logins.actor(options.db, token, 'cookie', at);
    if (!actor) return; // an expired cookie is as good as none; routes that need a login say so
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !actor.csrfToken || !sameString(sent, actor.csrfToken)) {
        throw new HttpError(
          403,
          `a state-changing request with the session cookie needs the ${CSRF_HEADER} header from POST /api/login`,
        );
      }
    }
    request.concertActor = actor;
  });

  await healthRoutes(app, platform);
  await authRoutes(app, platform, { loginRateLimit: options.loginRateLimit ?? 10 });
  await institutionRoutes(app, platform);
  await sessionRoutes(app, platform);
  await pollRoutes(app, platform);
  await proxyRoutes(app, platform);
  await exportRoutes(app, platform);
  await eventRoutes(app, platform);
  await auditRoutes(app, platform);
  await jobRoutes(app, platform);
  await disputeEventRoutes(app, platform);
  await disputeRoutes(app, platform);
  await territoryRoutes(app, platform);
  if (options.webRoot && existsSync(options.webRoot)) {
    // Hashed asset names never change content: cache them; index.html always revalidates.
    await app.register(fastifyStatic, {
      root: options.webRoot,
      prefix: '/',
      wildcard: true,
      setHeaders(reply: { header(name: string, value: string): unknown }, path: string) {
        reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  return app;
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function httpName(status: number): string {
  return (
    {
      400: 'Bad Request',
      401: 'Unauthorized',
      403: 'Forbidden',
      404: 'Not Found',
      409: 'Conflict',
      413: 'Payload Too Large',
      415: 'Unsupported Media Type',
      422: 'Unprocessable Content',
      429: 'Too Many Requests',
    }[status] ?? 'Error'
  );
}
