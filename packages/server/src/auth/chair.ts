import type { Queryable } from '../database/index.ts';
import { charterOf, engineInstitution, getInstitution } from '../domain/institutions.ts';
import { presidencyOn } from '../domain/presidency.ts';
import { getSession, type SessionRow } from '../domain/sessions.ts';
import { forbidden } from '../errors.ts';
import type { Actor } from './logins.ts';
import { type Action, authorize } from './policy.ts';

// The chair's powers follow the presidency the charter rotates. On the day of the action (the server's clock,
// UTC), the delegates of the delegation holding the presidency of a body act as its chair; the `presidency`
// account (a facilitator) keeps the chair's powers and acts on behalf of that holder. Either way the audit
// actor names the holder: "delegate:delegate-aut (chair: continental:AUT)". A body without a rotation (an
// elected chair, NATO's Secretary General) is chaired by the `presidency` account alone.
export const CHAIR_ACTIONS = [
  'session.open',
  'session.close',
  'agenda.add',
  'poll.open',
  'poll.close',
] as const;
export type ChairAction = (typeof CHAIR_ACTIONS)[number];

/** The delegation holding the presidency of the body on `date`, or null when the body has no rotation. */
export async function presidingDelegation(
  db: Queryable,
  where: { institutionId: string; bodyId: string },
  date: string,
): Promise<string | null> {
  const row = await getInstitution(db, where.institutionId);
  const term = presidencyOn(
    charterOf(row),
    where.bodyId,
    engineInstitution(row).members,
    row.adopted_on,
    date,
  );
  return term ? `${row.id}:${term.member}` : null;
}

/**
 * Authorizes a chair action in a body and returns the actor as the record should name it. A delegate may act
 * only when its delegation holds the presidency on that day; the other roles follow the policy table.
 */
export async function authorizeChair(
  db: Queryable,
  actor: Actor,
  action: ChairAction,
  body: () => Promise<{ institutionId: string; bodyId: string }>,
  now: Date,
): Promise<Actor> {
  if (actor.role !== 'delegate' && actor.role !== 'presidency') {
    authorize(actor, action as Action);
    return actor;
  }
  const where = await body();
  const date = now.toISOString().slice(0, 10);
  const holder = await presidingDelegation(db, where, date);
  if (actor.role === 'presidency') return { ...actor, chairFor: holder };
  if (holder === null || holder !== actor.delegationId) {
    throw forbidden(
      `${action} is for the chair: on ${date} the presidency of body "${where.bodyId}" is held by ${holder ?? 'no member (the chair is not a rotating member)'}, not ${actor.delegationId}`,
    );
  }
  return { ...actor, chairFor: holder };
}

/** The institution and body of a session, for `authorizeChair`. */
export async function bodyOf(p: { db: Queryable }, sessionId: number) {
  return bodyOfSession(await getSession(p.db, sessionId));
}

export function bodyOfSession(s: Pick<SessionRow, 'institution_id' | 'body_id'>) {
  return { institutionId: s.institution_id, bodyId: s.body_id };
}
