import {
  type CaseOptions,
  type CaseState,
  type Charter,
  caseState,
  charterHash,
  DISPUTE_EVENT_TYPES,
  type DisputeEvent,
  disputeEventSchema,
  isIsoDate,
  neutralCandidates,
  nextDeadline,
  procedureOf,
  tryEvent,
} from '@concert/engine';
import type { Actor } from '../auth/logins.ts';
import type { Queryable } from '../database/index.ts';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../errors.ts';
import { appendAudit } from '../record/audit.ts';
import { charterOf, getInstitution, type InstitutionRow } from './institutions.ts';
import { actorName } from './sessions.ts';
import { neighboursFor } from './territory.ts';

// Dispute cases: the engine's procedure (a transition table with deadlines, packages/engine/src/disputes) decides
// what may happen; the server stores each accepted event, append-only, with its audit entry in the same
// transaction, and derives the state (timeline, deadlines, what is allowed next) by replaying the events.

export interface CaseRow {
  id: number;
  institution_id: string;
  charter_hash: string;
  title: string | null;
  parties: string[];
  subject: string;
  filed_on: string;
  created_at: string;
}

export interface StoredEvent {
  position: number;
  event: DisputeEvent;
  actor: string;
  recordedAt: string;
}

/** An engine refusal: the procedure does not allow this event (the reason and what would be allowed). */
const refused = (reason: string, hint: string) => unprocessable(hint ? `${reason} — ${hint}` : reason);

/** Validates one event's shape with the engine's schema; a 400 names the first bad field. */
export function parseEvent(body: unknown): DisputeEvent {
  const parsed = disputeEventSchema.safeParse(body);
  if (parsed.success) {
    if (!isIsoDate(parsed.data.date))
      throw badRequest(`date: "${parsed.data.date}" is not a calendar date (YYYY-MM-DD)`, 'date');
    return parsed.data as DisputeEvent;
  }
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || 'type';
  const hint =
    field === 'type' ? ` (event types: ${DISPUTE_EVENT_TYPES.filter((t) => t !== 'file').join(', ')})` : '';
  throw badRequest(`${field}: ${issue.message}${hint}`, field);
}

/**
 * Who may record an event: a party acts through its own delegation; joint acts (a list of parties), the
 * mediator's report, the tribunal's award and its appointments are recorded by the secretariat; the fallback
 * authority (the continental charter: the Council presidency) by the presidency or the secretariat; a deadline
 * that passed by either a party or the secretariat. Observers only read.
 */
export function authorizeEvent(
  actor: Actor,
  scope: { institution: string; parties: string[]; bodies: string[] },
  event: DisputeEvent,
): void {
  if (actor.role === 'secretariat') return;
  const by = 'by' in event ? event.by : undefined;
  const own = actor.delegationId?.slice(scope.institution.length + 1);
  if (
    actor.role === 'presidency' &&
    typeof by === 'string' &&
    (by === 'authority' || scope.bodies.includes(by))
  )
    return;
  if (actor.role === 'delegate') {
    if (actor.institutionId !== scope.institution)
      throw forbidden(`a delegate acts only in its own institution (${actor.institutionId})`);
    if (by === own && scope.parties.includes(own!)) return;
    if (event.type === 'deadline' && by === undefined && scope.parties.includes(own!)) return;
    if (typeof by === 'string' && scope.parties.includes(by))
      throw forbidden(`a delegate acts only for its own delegation (${actor.delegationId}), not for ${by}`);
  }
  throw forbidden(
    `"${event.type}" by ${JSON.stringify(by ?? null)} is not for the ${actor.role} role: a party's delegation records its own state's acts, the secretariat joint acts, reports, awards and appointments, the presidency those of the fallback authority or a body; observers read`,
  );
}

function scopeOf(institution: InstitutionRow, charter: Charter, parties: string[]) {
  return { institution: institution.id, parties, bodies: charter.bodies.map((b) => b.id) };
}

export async function getCase(db: Queryable, id: number, lock = false): Promise<CaseRow> {
  const [row] = await db.query<CaseRow>(
    `SELECT * FROM dispute_cases WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!row) throw notFound(`dispute case ${id}`);
  return row;
}

export async function eventsOf(db: Queryable, caseId: number): Promise<StoredEvent[]> {
  const rows = await db.query<{ position: number; event: DisputeEvent; actor: string; recorded_at: string }>(
    'SELECT position, event, actor, recorded_at FROM dispute_events WHERE case_id = $1 ORDER BY position',
    [caseId],
  );
  return rows.map((r) => ({
    position: r.position,
    event: r.event,
    actor: r.actor,
    recordedAt: r.recorded_at,
  }));
}

function charterFor(institution: InstitutionRow): Charter {
  const charter = charterOf(institution);
  if (!charter.disputes)
    throw badRequest(
      `the charter of ${institution.id} (${charter.id}) has no dispute procedure`,
      'institution',
    );
  return charter;
}

/** Files a case: the engine checks the parties (members on the date), the filer and the subject. */
export async function fileCase(
  tx: Queryable,
  actor: Actor,
  institutionId: string,
  body: Record<string, unknown>,
  at: string,
): Promise<{ row: CaseRow; state: CaseState }> {
  const institution = await getInstitution(tx, institutionId);
  const charter = charterFor(institution);
  const event = parseEvent({ ...body, type: 'file' }) as Extract<DisputeEvent, { type: 'file' }>;
  authorizeEvent(actor, scopeOf(institution, charter, event.parties), event);
  const tried = tryEvent(charter, [], event, await caseOptions(tx, institution, at));
  if (!tried.ok) throw refused(tried.reason, tried.hint);
  const [row] = await tx.query<CaseRow>(
    `INSERT INTO dispute_cases (institution_id, charter_hash, title, parties, subject, filed_on, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [
      institution.id,
      charterHash(charter),
      event.title ?? null,
      JSON.stringify(tried.state.parties),
      event.subject,
      event.date,
      at,
    ],
  );
  await storeEvent(tx, actor, row!, 0, event, tried.state, at);
  return { row: row!, state: tried.state };
}

/** Appends one procedure action, if the engine's state machine accepts it after the events stored so far. */
export async function recordAction(
  tx: Queryable,
  actor: Actor,
  caseId: number,
  body: unknown,
  at: string,
): Promise<{ row: CaseRow; position: number; event: DisputeEvent; state: CaseState }> {
  const event = parseEvent(body);
  if (event.type === 'file') throw badRequest('a case is filed once, with POST /api/disputes', 'type');
  const row = await getCase(tx, caseId, true);
  const institution = await getInstitution(tx, row.institution_id);
  const charter = await charterOfCase(tx, row);
  authorizeEvent(actor, scopeOf(institution, charter, row.parties), event);
  const stored = await eventsOf(tx, caseId);
  const last = stored.at(-1)!.event.date;
  // The engine refuses an earlier date too (tryEvent); this message, in the API's words, is the one clients know.
  if (event.date < last)
    throw refused(
      `the event is dated ${event.date}, before the case's last event (${last})`,
      'a case is an append-only record: actions are dated on or after the last one',
    );
  const tried = tryEvent(
    charter,
    stored.map((s) => s.event),
    event,
    await caseOptions(tx, institution, row.created_at),
  );
  if (!tried.ok) throw refused(tried.reason, tried.hint);
  await storeEvent(tx, actor, row, stored.length, event, tried.state, at);
  return { row, position: stored.length, event, state: tried.state };
}

async function storeEvent(
  tx: Queryable,
  actor: Actor,
  row: CaseRow,
  position: number,
  event: DisputeEvent,
  state: CaseState,
  at: string,
): Promise<void> {
  await tx.query(
    'INSERT INTO dispute_events (case_id, position, event, actor, recorded_at) VALUES ($1, $2, $3, $4, $5)',
    [row.id, position, JSON.stringify(event), actorName(actor), at],
  );
  await appendAudit(tx, {
    at,
    actor: actorName(actor),
    action: `dispute.${event.type}`,
    subject: `dispute:${row.id}`,
    content: {
      institution: row.institution_id,
      charterHash: row.charter_hash,
      position,
      event,
      status: state.status,
      ...(state.step ? { step: state.step.id } : {}),
    },
  });
}

/**
 * The land neighbours a case's neutrality tests use: the institution's border registry with the changes
 * recorded up to the case's filing (server time), so later changes never rewrite an appointment already made.
 */
async function caseOptions(
  db: Queryable,
  institution: InstitutionRow,
  filedAt: string,
): Promise<CaseOptions> {
  return { neighboursOf: await neighboursFor(db, institution, filedAt) };
}

/** The charter the case was filed under; a case does not silently move to a changed charter. */
async function charterOfCase(db: Queryable, row: CaseRow): Promise<Charter> {
  const charter = charterFor(await getInstitution(db, row.institution_id));
  if (charterHash(charter) !== row.charter_hash)
    throw conflict(
      `the charter of ${row.institution_id} has changed since case ${row.id} was filed (hash ${row.charter_hash.slice(0, 12)}…)`,
    );
  return charter;
}

/** The case as the engine replays it on `asOf` (default: its last event's date), with the stored events. */
export async function caseView(db: Queryable, id: number, asOf?: string) {
  if (asOf !== undefined && !isIsoDate(asOf))
    throw badRequest(`asOf: "${asOf}" is not a calendar date (YYYY-MM-DD)`, 'asOf');
  const row = await getCase(db, id);
  const charter = await charterOfCase(db, row);
  const stored = await eventsOf(db, id);
  const institution = await getInstitution(db, row.institution_id);
  const state = caseState(
    charter,
    stored.map((s) => s.event),
    asOf,
    await caseOptions(db, institution, row.created_at),
  );
  return { ...describeCase(row, state), state, events: stored };
}

export function describeCase(row: CaseRow, state: CaseState) {
  return {
    id: row.id,
    institution: row.institution_id,
    charter: state.charter,
    charterHash: row.charter_hash,
    title: row.title,
    parties: row.parties,
    subject: row.subject,
    filed: row.filed_on,
    status: state.status,
    step: state.step?.id ?? null,
    asOf: state.asOf,
  };
}

export async function listCases(db: Queryable, institution?: string) {
  const rows = institution
    ? await db.query<CaseRow>('SELECT * FROM dispute_cases WHERE institution_id = $1 ORDER BY id', [
        institution,
      ])
    : await db.query<CaseRow>('SELECT * FROM dispute_cases ORDER BY id');
  const out = [];
  for (const row of rows) {
    const institution = await getInstitution(db, row.institution_id);
    const state = caseState(
      charterOf(institution),
      (await eventsOf(db, row.id)).map((s) => s.event),
      undefined,
      await caseOptions(db, institution, row.created_at),
    );
    // The registry's row needs what a reader looks for first: where the case stands and what falls due next.
    const next = nextDeadline(state);
    out.push({
      ...describeCase(row, state),
      stepTitle: state.step?.title ?? null,
      nextDeadline: next ? { id: next.id, what: next.what, due: next.due, cite: next.cite } : null,
    });
  }
  return out;
}

/**
 * Neutral third states for the case (mediator, presiding arbitrator, the fallback authority's appointments), as
 * the engine's test gives them on the filing date: every excluded state with all its reasons, and the eligible
 * in the order of a seeded lot (the first is the one `draw-mediator` with that seed appoints).
 */
export async function mediatorsFor(db: Queryable, id: number, seed: number) {
  const row = await getCase(db, id);
  const charter = await charterOfCase(db, row);
  const institution = await getInstitution(db, row.institution_id);
  return {
    case: row.id,
    procedure: procedureOf(charter).cite,
    ...neutralCandidates(charter, row.parties, row.filed_on, {
      ...(await caseOptions(db, institution, row.created_at)),
      seed,
    }),
  };
}
