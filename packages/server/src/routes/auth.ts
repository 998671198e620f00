import type { FastifyInstance } from 'fastify';
import { type Platform, SESSION_COOKIE } from '../app.ts';
import { auditLogin, auditLogout, recordFailedLogin } from '../auth/login-audit.ts';
import { createLogin, endLogin, ROLES, type Role } from '../auth/logins.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { authorize } from '../auth/policy.ts';
import { actorName } from '../domain/sessions.ts';
import { badRequest, HttpError } from '../errors.ts';
import { appendAudit } from '../record/audit.ts';
import { delegationRef, errors } from './schemas.ts';

const user = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    username: { type: 'string' },
    role: { type: 'string', enum: ROLES },
    delegation: { type: ['string', 'null'] },
    institution: { type: ['string', 'null'] },
  },
} as const;

// A fixed hash to verify against when the user does not exist, so a wrong username costs as much as a wrong password.
let decoy: Promise<string> | undefined;

export async function authRoutes(app: FastifyInstance, p: Platform, options: { loginRateLimit: number }) {
  app.post<{ Body: { username: string; password: string; mode?: 'cookie' | 'bearer' } }>(
    '/api/login',
    {
      config: { rateLimit: { max: options.loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: 'Log in: a session cookie (with a CSRF token) or a bearer token for API clients',
        security: [],
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 100 },
            password: { type: 'string', minLength: 1, maxLength: 200 },
            mode: { type: 'string', enum: ['cookie', 'bearer'], default: 'cookie' },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              user,
              csrfToken: { type: 'string' },
              token: { type: 'string' },
              expiresAt: { type: 'string' },
            },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { username, password, mode = 'cookie' } = request.body;
      const [row] = await p.db.query<{
        id: number;
        password_hash: string;
        role: Role;
        delegation_id: string | null;
        institution_id: string | null;
      }>(
        `SELECT u.id, u.password_hash, u.role, u.delegation_id, d.institution_id
           FROM users u LEFT JOIN delegations d ON d.id = u.delegation_id WHERE u.username = $1`,
        [username],
      );
      decoy ??= hashPassword('decoy-password', p.passwordCost);
      const ok = await verifyPassword(row?.password_hash ?? (await decoy), password);
      if (!row || !ok) {
        await p.act((tx, at) => recordFailedLogin(tx, row ? username : null, at));
        throw new HttpError(401, 'wrong username or password');
      }
      const login = await p.act(async (tx, at) => {
        const created = await createLogin(tx, row.id, mode, new Date(at));
        await auditLogin(tx, { role: row.role, username }, mode, at);
        return created;
      });
      const body = {
        user: {
          id: row.id,
          username,
          role: row.role,
          delegation: row.delegation_id,
          institution: row.institution_id,
        },
        expiresAt: login.expiresAt,
      };
      if (mode === 'bearer') return { ...body, token: login.token };
      reply.setCookie(SESSION_COOKIE, login.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: p.secureCookies,
        path: '/',
        expires: new Date(login.expiresAt),
      });
      return { ...body, csrfToken: login.csrfToken! };
    },
  );

  app.post(
    '/api/logout',
    {
      schema: {
        tags: ['identity'],
        summary: 'End this login',
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (request, reply) => {
      const actor = p.actor(request);
      await p.act(async (tx, at) => {
        await endLogin(tx, actor.tokenHash);
        await auditLogout(tx, actor, actor.via, at);
      });
      p.logins.forget(actor.tokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['identity'],
        summary: 'Who am I (a cookie login also gets its CSRF token back, so a reloaded page can act)',
        response: {
          200: { ...user, properties: { ...user.properties, csrfToken: { type: 'string' } } },
          ...errors,
        },
      },
    },
    async (request) => {
      const a = p.actor(request);
      return {
        id: a.userId,
        username: a.username,
        role: a.role,
        delegation: a.delegationId,
        institution: a.institutionId,
        ...(a.csrfToken ? { csrfToken: a.csrfToken } : {}),
      };
    },
  );

  app.post<{ Body: { username: string; password: string; role: Role; delegation?: string } }>(
    '/api/users',
    {
      schema: {
        tags: ['identity'],
        summary: 'Create an account (secretariat)',
        body: {
          type: 'object',
          required: ['username', 'password', 'role'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{2,63}$' },
            password: { type: 'string', minLength: 12, maxLength: 200 },
            role: { type: 'string', enum: ROLES },
            delegation: delegationRef,
          },
        },
        response: { 201: user, ...errors },
      },
    },
    async (request, reply) => {
      const actor = p.actor(request);
      authorize(actor, 'user.create');
      const { username, password, role, delegation } = request.body;
      if ((role === 'delegate') !== (delegation !== undefined)) {
        throw badRequest('a delegate needs a delegation, and only a delegate has one', 'delegation');
      }
      const hash = await hashPassword(password, p.passwordCost);
      const created = await p.act(async (tx, at) => {
        if (delegation) {
          const [d] = await tx.query('SELECT id FROM delegations WHERE id = $1', [delegation]);
          if (!d) throw badRequest(`no delegation "${delegation}"`, 'delegation');
        }
        const [taken] = await tx.query('SELECT id FROM users WHERE username = $1', [username]);
        if (taken) throw new HttpError(409, `username "${username}" is taken`, 'username');
        const [row] = await tx.query<{ id: number }>(
          'INSERT INTO users (username, password_hash, role, delegation_id, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
          [username, hash, role, delegation ?? null, at],
        );
        await appendAudit(tx, {
          at,
          actor: actorName(actor),
          action: 'user.create',
          subject: `user:${username}`,
          content: { role, delegation: delegation ?? null },
        });
        return row!;
      });
      const institution = delegation ? delegation.slice(0, delegation.indexOf(':')) : null;
      return reply
        .status(201)
        .send({ id: created.id, username, role, delegation: delegation ?? null, institution });
    },
  );
}
