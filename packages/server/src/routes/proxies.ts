import type { FastifyInstance } from 'fastify';
import type { Platform } from '../app.ts';
import { authorize } from '../auth/policy.ts';
import { getInstitution } from '../domain/institutions.ts';
import {
  describeProxy,
  getProxy,
  grantProxy,
  openSessionsOf,
  type ProxyRow,
  proxyRules,
  revokeProxy,
} from '../domain/proxies.ts';
import { badRequest } from '../errors.ts';
import { anyObject, delegationRef, errors, idParam, slugParam } from './schemas.ts';

const dateTime = { type: 'string', minLength: 10, maxLength: 40 } as const;

export async function proxyRoutes(app: FastifyInstance, p: Platform) {
  app.get<{ Params: { id: string }; Querystring: { body?: string } }>(
    '/api/institutions/:id/proxies',
    {
      schema: {
        tags: ['proxies'],
        summary: "The institution's proxies (each with its state now) and what each body's charter allows",
        params: slugParam,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { body: { type: 'string', maxLength: 64 } },
        },
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      p.actor(request);
      const institution = await getInstitution(p.db, request.params.id);
      const now = p.now().toISOString();
      const rows = await p.db.query<ProxyRow>(
        `SELECT * FROM proxies WHERE institution_id = $1 AND ($2::text IS NULL OR body_id = $2) ORDER BY id`,
        [institution.id, request.query.body ?? null],
      );
      return { institution: institution.id, proxies: rows.map((r) => describeProxy(r, now)) };
    },
  );

  app.post<{
    Params: { id: string };
    Body: { body: string; holder: string; granter?: string; from?: string; until: string };
  }>(
    '/api/institutions/:id/proxies',
    {
      schema: {
        tags: ['proxies'],
        summary:
          "Hand the delegation's vote in a body to another delegation for a period (the granter's delegates)",
        params: slugParam,
        body: {
          type: 'object',
          required: ['body', 'holder', 'until'],
          additionalProperties: false,
          properties: {
            body: { type: 'string', minLength: 1, maxLength: 64 },
            holder: delegationRef,
            granter: delegationRef,
            from: dateTime,
            until: dateTime,
          },
        },
        response: { 201: anyObject, ...errors },
      },
    },
    async (request, reply) => {
      const actor = p.actor(request);
      const b = request.body;
      const granter = b.granter ?? actor.delegationId ?? undefined;
      authorize(actor, 'proxy.grant', { delegation: granter, institution: request.params.id });
      if (!granter) throw badRequest('name the granting delegation', 'granter');
      const institution = await getInstitution(p.db, request.params.id);
      proxyRules(institution, b.body); // a 400 for an unknown body before the transaction
      const proxy = await p.act(
        (tx, at) =>
          grantProxy(
            tx,
            actor,
            {
              institutionId: institution.id,
              bodyId: b.body,
              granter,
              holder: b.holder,
              until: b.until,
              ...(b.from !== undefined ? { from: b.from } : {}),
            },
            at,
          ),
        () => undefined,
      );
      await wake(p, proxy);
      return reply.status(201).send(describeProxy(proxy, p.now().toISOString()));
    },
  );

  app.post<{ Params: { id: number } }>(
    '/api/proxies/:id/revoke',
    {
      schema: {
        tags: ['proxies'],
        summary: "Take a proxy back before its period ends (the granter's delegates)",
        params: idParam,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      const actor = p.actor(request);
      const proxy = await getProxy(p.db, request.params.id);
      authorize(actor, 'proxy.revoke', {
        delegation: proxy.granter_delegation_id,
        institution: proxy.institution_id,
      });
      const revoked = await p.act(
        async (tx, at) => revokeProxy(tx, actor, await getProxy(tx, proxy.id, true), at),
        () => undefined,
      );
      await wake(p, revoked);
      return describeProxy(revoked, p.now().toISOString());
    },
  );
}

/** Tells the live streams of the body's open sessions (each got a proxy event). */
async function wake(p: Platform, proxy: ProxyRow): Promise<void> {
  for (const s of await openSessionsOf(p.db, proxy)) p.signals.changed(s);
}
