import type { Actor } from '../auth/logins.ts';
import type { Queryable } from '../database/index.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { recordSessionChange } from './events.ts';
import { charterOf, getInstitution, type InstitutionRow } from './institutions.ts';
import { endProxiesOnCheckIn } from './proxies.ts';

export interface SessionRow {
  id: number;
  institution_id: string;
  body_id: string;
  title: string;
  status: 'open' | 'closed';
  created_at: string;
}

/** The audit log's actor: "role:username", and for a chair action the presidency it is taken for. */
export const actorName = (a: Actor) =>
  a.chairFor ? `${a.role}:${a.username} (chair: ${a.chairFor})` : `${a.role}:${a.username}`;

export async function getSession(db: Queryable, id: number, lock = false): Promise<SessionRow> {
  const [row] = await db.query<SessionRow>(
    `SELECT * FROM council_sessions WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!row) throw notFound(`session ${id}`);
  return row;
}

export async function sessionWithInstitution(
  db: Queryable,
  id: number,
  lock = false,
): Promise<{ session: SessionRow; institution: InstitutionRow }> {
  const session = await getSession(db, id, lock);
  return { session, institution: await getInstitution(db, session.institution_id) };
}

export async function openSession(
  tx: Queryable,
  actor: Actor,
  input: { institutionId: string; bodyId: string; title: string; agenda?: string[] },
  now: string,
): Promise<SessionRow> {
  const institution = await getInstitution(tx, input.institutionId);
  const charter = charterOf(institution);
  if (!charter.bodies.some((b) => b.id === input.bodyId)) {
    throw badRequest(
      `charter "${charter.id}" has no body "${input.bodyId}" (bodies: ${charter.bodies.map((b) => b.id).join(', ')})`,
      'bodyId',
    );
  }
  const [row] = await tx.query<SessionRow>(
    `INSERT INTO council_sessions (institution_id, body_id, title, status, created_at)
     VALUES ($1, $2, $3, 'open', $4) RETURNING *`,
    [institution.id, input.bodyId, input.title, now],
  );
  const session = row!;
  const content = {
    institution: institution.id,
    charter: institution.charter_id,
    adoptedOn: institution.adopted_on,
    body: input.bodyId,
    title: input.title,
  };
  await recordSessionChange(tx, {
    at: now,
    actor: actorName(actor),
    action: 'session.open',
    sessionId: session.id,
    audit: content,
    event: 'session.opened',
    data: { ...content, session: session.id },
  });
  for (const title of input.agenda ?? []) await addAgendaItem(tx, actor, session, title, now);
  return session;
}

export async function closeSession(
  tx: Queryable,
  actor: Actor,
  sessionId: number,
  now: string,
): Promise<void> {
  const session = await getSession(tx, sessionId, true);
  if (session.status === 'closed') throw conflict(`session ${sessionId} is already closed`);
  const [open] = await tx.query(
    `SELECT p.id FROM polls p JOIN motions m ON m.id = p.motion_id WHERE m.session_id = $1 AND p.status = 'open'`,
    [sessionId],
  );
  if (open) throw conflict(`session ${sessionId} has an open poll; close it first`);
  await tx.query(`UPDATE council_sessions SET status = 'closed' WHERE id = $1`, [sessionId]);
  await recordSessionChange(tx, {
    at: now,
    actor: actorName(actor),
    action: 'session.close',
    sessionId,
    audit: {},
    event: 'session.closed',
    data: { session: sessionId },
  });
}

export async function addAgendaItem(
  tx: Queryable,
  actor: Actor,
  session: SessionRow,
  title: string,
  now: string,
): Promise<{ id: number; position: number; title: string }> {
  if (session.status !== 'open') throw conflict(`session ${session.id} is closed`);
  const [row] = await tx.query<{ id: number; position: number; title: string }>(
    `INSERT INTO agenda_items (session_id, position, title)
     VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM agenda_items WHERE session_id = $1), $2)
     RETURNING id, position, title`,
    [session.id, title],
  );
  const item = row!;
  await recordSessionChange(tx, {
    at: now,
    actor: actorName(actor),
    action: 'agenda.add',
    sessionId: session.id,
    audit: { item: item.id, position: item.position, title },
    event: 'agenda.added',
  });
  return item;
}

export async function agendaOf(db: Queryable, sessionId: number) {
  return db.query<{ id: number; position: number; title: string }>(
    'SELECT id, position, title FROM agenda_items WHERE session_id = $1 ORDER BY position',
    [sessionId],
  );
}

/** Checks a delegation in or out of a session. */
export async function setAttendance(
  tx: Queryable,
  actor: Actor,
  sessionId: number,
  delegationId: string,
  present: boolean,
  now: string,
): Promise<void> {
  const session = await getSession(tx, sessionId);
  if (session.status !== 'open') throw conflict(`session ${sessionId} is closed`);
  const [d] = await tx.query<{ id: string }>(
    'SELECT id FROM delegations WHERE id = $1 AND institution_id = $2',
    [delegationId, session.institution_id],
  );
  if (!d)
    throw badRequest(
      `delegation "${delegationId}" does not belong to this session's institution`,
      'delegation',
    );
  await tx.query(
    `INSERT INTO attendance (session_id, delegation_id, present, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (session_id, delegation_id) DO UPDATE SET present = EXCLUDED.present, updated_at = EXCLUDED.updated_at`,
    [sessionId, delegationId, present, now],
  );
  const content = { delegation: delegationId, present };
  await recordSessionChange(tx, {
    at: now,
    actor: actorName(actor),
    action: 'attendance.set',
    sessionId,
    audit: content,
    event: 'attendance.changed',
  });
  if (present) await endProxiesOnCheckIn(tx, actor, session, delegationId, now);
}

export async function presentDelegations(db: Queryable, sessionId: number): Promise<Set<string>> {
  const rows = await db.query<{ delegation_id: string }>(
    'SELECT delegation_id FROM attendance WHERE session_id = $1 AND present',
    [sessionId],
  );
  return new Set(rows.map((r) => r.delegation_id));
}
