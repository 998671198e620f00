import type { FastifyInstance } from 'fastify';
import type { Platform } from '../app.ts';
import { authorizeChair, bodyOf, bodyOfSession } from '../auth/chair.ts';
import type { Actor } from '../auth/logins.ts';
import { authorize } from '../auth/policy.ts';
import { pollCaucuses } from '../domain/caucuses.ts';
import { withheldGroups } from '../domain/disclosure.ts';
import { getMotion } from '../domain/motions.ts';
import {
  CHOICES,
  type Choice,
  closePoll,
  openPoll,
  type PollContext,
  pollContext,
  publicResult,
} from '../domain/polls.ts';
import { badRequest } from '../errors.ts';
import { anyObject, delegationRef, errors, idParam, pollCaucuses as pollCaucusesSchema } from './schemas.ts';

export async function pollRoutes(app: FastifyInstance, p: Platform) {
  app.post<{ Params: { id: number } }>(
    '/api/motions/:id/polls',
    {
      schema: {
        tags: ['polls'],
        summary: 'Open a poll on a motion (presidency)',
        params: idParam,
        response: { 201: anyObject, ...errors },
      },
    },
    async (request, reply) => {
      const actor = p.actor(request);
      const motion = await getMotion(p.db, request.params.id);
      const chair = await authorizeChair(
        p.db,
        actor,
        'poll.open',
        () => bodyOf(p, motion.session_id),
        p.now(),
      );
      const poll = await p.act(
        (tx, at) => openPoll(tx, chair, motion.id, at),
        () => motion.session_id,
      );
      return reply.status(201).send(await describePoll(p, await pollContext(p.db, poll.id), actor));
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/polls/:id',
    {
      schema: {
        tags: ['polls'],
        summary: 'A poll: status, who has voted, the tally (roll call) and the result',
        params: idParam,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      const actor = p.actor(request);
      return describePoll(p, await pollContext(p.db, request.params.id), actor);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/polls/:id/caucuses',
    {
      schema: {
        tags: ['polls'],
        summary:
          "A poll caucus by caucus: counts, the caucus condition so far, and (roll call only) each member's position",
        params: idParam,
        response: { 200: pollCaucusesSchema, ...errors },
      },
    },
    async (request) => {
      p.actor(request);
      return pollCaucuses(p.db, await pollContext(p.db, request.params.id));
    },
  );

  app.post<{ Params: { id: number }; Body: { delegation?: string; choice: Choice } }>(
    '/api/polls/:id/votes',
    {
      schema: {
        tags: ['polls'],
        summary:
          "Cast or change the delegation's vote while the poll is open (a delegate, for its own delegation)",
        params: idParam,
        body: {
          type: 'object',
          required: ['choice'],
          additionalProperties: false,
          properties: { delegation: delegationRef, choice: { type: 'string', enum: CHOICES } },
        },
        response: errors,
      },
    },
    async (request, reply) => {
      const actor = p.actor(request);
      const delegation = request.body.delegation ?? actor.delegationId ?? undefined;
      // A delegate naming another delegation votes for it by proxy; castVote checks the proxy is in force.
      const byProxy = actor.role === 'delegate' && delegation !== actor.delegationId;
      authorize(actor, 'vote.cast', { delegation: byProxy ? actor.delegationId : delegation });
      if (!delegation) throw badRequest('name the delegation', 'delegation');
      // Queued for the next batch (group commit, domain/vote-queue.ts); answered once that batch commits.
      await p.votes.cast({
        actor,
        pollId: request.params.id,
        delegation,
        choice: request.body.choice,
        ...(byProxy ? { proxyHolder: actor.delegationId! } : {}),
      });
      return reply.status(204).send();
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/polls/:id/votes/mine',
    {
      schema: {
        tags: ['polls'],
        summary: "Your delegation's own vote (delegates; also for secret polls)",
        params: idParam,
        response: errors,
      },
    },
    async (request) => {
      const actor = p.actor(request);
      if (!actor.delegationId) throw badRequest('only a delegate has a delegation vote');
      const [row] = await p.db.query<{ choice: Choice; updated_at: string }>(
        'SELECT choice, updated_at FROM votes WHERE poll_id = $1 AND delegation_id = $2',
        [request.params.id, actor.delegationId],
      );
      return {
        poll: request.params.id,
        delegation: actor.delegationId,
        choice: row?.choice ?? null,
        at: row?.updated_at ?? null,
      };
    },
  );

  app.post<{ Params: { id: number } }>(
    '/api/polls/:id/close',
    {
      schema: {
        tags: ['polls'],
        summary: 'Close the poll; the engine computes and explains the result (presidency)',
        params: idParam,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      const actor = p.actor(request);
      const ctx = await pollContext(p.db, request.params.id);
      const chair = await authorizeChair(
        p.db,
        actor,
        'poll.close',
        async () => bodyOfSession(ctx.session),
        p.now(),
      );
      await p.act(
        (tx, at) => closePoll(tx, chair, request.params.id, at),
        () => ctx.session.id,
      );
      return describePoll(p, await pollContext(p.db, request.params.id), actor);
    },
  );
}

/** A poll as `actor` may see it: for a secret poll, who has voted but never how (their own vote aside). */
export async function describePoll(p: Platform, ctx: PollContext, actor: Actor) {
  const rows = await p.db.query<{
    delegation_id: string;
    choice: Choice;
    updated_at: string;
    proxy_holder_delegation_id: string | null;
  }>(
    'SELECT delegation_id, choice, updated_at, proxy_holder_delegation_id FROM votes WHERE poll_id = $1 ORDER BY delegation_id',
    [ctx.poll.id],
  );
  const secret = ctx.poll.ballot === 'secret';
  const tally: Record<Choice, number> = { yes: 0, no: 0, abstain: 0 };
  for (const r of rows) tally[r.choice]++;
  return {
    id: ctx.poll.id,
    motion: ctx.motion.id,
    session: ctx.session.id,
    category: ctx.motion.category_id,
    ballot: ctx.poll.ballot,
    status: ctx.poll.status,
    openedAt: ctx.poll.opened_at,
    closedAt: ctx.poll.closed_at,
    voted: rows.map((r) => r.delegation_id),
    // Who voted for whom by proxy (never how, for a secret poll).
    byProxy: rows
      .filter((r) => r.proxy_holder_delegation_id)
      .map((r) => ({ delegation: r.delegation_id, holder: r.proxy_holder_delegation_id })),
    votes: secret
      ? null
      : rows.map((r) => ({ delegation: r.delegation_id, choice: r.choice, at: r.updated_at })),
    tally: secret && ctx.poll.status === 'open' ? null : tally,
    ownVote: actor.delegationId
      ? (rows.find((r) => r.delegation_id === actor.delegationId)?.choice ?? null)
      : null,
    result: ctx.poll.decision
      ? publicResult(
          ctx.poll,
          ctx.poll.decision,
          withheldGroups(ctx.institution, new Map(rows.map((r) => [r.delegation_id, r.choice]))),
        )
      : null,
  };
}
