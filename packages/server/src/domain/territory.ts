import {
  areaCoverageOn,
  assessBorderChange,
  type BorderChangeAssessment,
  type BorderChangeRequest,
  type BorderRegistry,
  borderChangeSchema,
  bordersOn,
  type Charter,
  checkMission,
  type DemilitarizedZone,
  type DmzViolation,
  dmzFileSchema,
  excess,
  holderOn,
  isIsoDate,
  isStateId,
  landNeighbours,
  type MissionCheck,
  neighboursOn,
  neutralCandidates,
  registryWith,
  ScenarioError,
  scenarioFromDmz,
  scenarioYaml,
  transferredAreas,
  UnknownIdError,
  violationIncidents,
} from '@concert/engine';
import type { Actor } from '../auth/logins.ts';
import type { Queryable } from '../database/index.ts';
import { badRequest, conflict, forbidden, type HttpError, notFound, unprocessable } from '../errors.ts';
import { appendAudit } from '../record/audit.ts';
import { charterOf, getInstitution, type InstitutionRow } from './institutions.ts';
import { actorName } from './sessions.ts';

// The territorial registry of an institution: the land borders its charter recognises, changed only by accepted
// border-change requests (the engine's assessBorderChange: every state concerned agrees, and a supervised
// referendum meets the charter's conditions), from their effect dates; demilitarized zones and the violations
// reported against them, which become incidents in the crisis simulator's format. Each write is audited.

/** The first problem zod found, as a 400 naming the field (`prefix` is the path the client does not see). */
interface ZodProblems {
  issues: { path: PropertyKey[]; code: string; message: string; keys?: string[]; input?: unknown }[];
}

function invalid(error: ZodProblems, prefix: (string | number)[] = []): HttpError {
  const issue = [...error.issues].sort((a, b) => b.path.length - a.path.length)[0]!;
  const path = issue.path.slice(prefix.length).map(String);
  if (issue.code === 'unrecognized_keys') path.push(...(issue.keys ?? []));
  const field = path.join('.');
  const message = issue.code === 'invalid_type' && issue.input === undefined ? 'missing' : issue.message;
  return badRequest(`${field || 'body'}: ${message}`, field || undefined);
}

const checkDate = (value: string, field: string) => {
  if (!isIsoDate(value)) throw badRequest(`${field}: "${value}" is not a calendar date (YYYY-MM-DD)`, field);
};

/**
 * Serialises writes to one institution's registry (until the transaction ends), so two requests cannot both
 * pass the duplicate check; an advisory lock, so the council's own rows are not locked meanwhile.
 */
async function lockRegistry(tx: Queryable, institution: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(4242003, hashtext($1))', [institution]);
}

function territoryCharter(institution: InstitutionRow): Charter {
  return charterOf(institution);
}

// ─── borders ────────────────────────────────────────────────────────────────────────────────────────────────

interface ChangeRow {
  id: number;
  request_id: string;
  request: BorderChangeRequest;
  assessment: BorderChangeAssessment;
  effective: string;
  actor: string;
  recorded_at: string;
}

async function acceptedChanges(
  db: Queryable,
  institution: string,
  recordedBy?: string,
): Promise<ChangeRow[]> {
  return recordedBy === undefined
    ? db.query<ChangeRow>('SELECT * FROM border_changes WHERE institution_id = $1 ORDER BY id', [institution])
    : db.query<ChangeRow>(
        'SELECT * FROM border_changes WHERE institution_id = $1 AND recorded_at <= $2 ORDER BY id',
        [institution, recordedBy],
      );
}

/**
 * The registry as the charter recognises it, with the accepted changes applied in the order of their effect
 * dates (the engine's registryWith). `recordedBy` (a server time) leaves out changes recorded later: a dispute
 * case is judged with the registry as it stood when the case was filed, so a later change cannot undo an
 * appointment already made.
 */
export async function registryOf(
  db: Queryable,
  institution: InstitutionRow,
  recordedBy?: string,
): Promise<BorderRegistry> {
  const changes = await acceptedChanges(db, institution.id, recordedBy);
  return registryWith(territoryCharter(institution), changes);
}

/** Land neighbours for the neutrality test, from the institution's registry (see registryOf). */
export async function neighboursFor(db: Queryable, institution: InstitutionRow, recordedBy?: string) {
  return landNeighbours(await registryOf(db, institution, recordedBy));
}

export async function bordersView(db: Queryable, institutionId: string, date?: string, state?: string) {
  const institution = await getInstitution(db, institutionId);
  if (date !== undefined) checkDate(date, 'date');
  if (state !== undefined && !isStateId(state))
    throw badRequest(`state: unknown state "${state}" (ISO 3166 alpha-3, e.g. SVN)`, 'state');
  const registry = await registryOf(db, institution);
  const on = date ?? registry.recognisedFrom;
  const borders = bordersOn(registry, on, state);
  return {
    institution: institution.id,
    charter: registry.charter,
    recognisedFrom: registry.recognisedFrom,
    date: on,
    count: borders.length,
    borders,
    ...(state !== undefined ? { neighbours: neighboursOn(registry, state, on) } : {}),
    transfers: registry.transfers.map((t) => ({ ...t, holderOnDate: holderOn(registry, t.area, on) })),
  };
}

/**
 * Who holds each transferred area on a date and what covers it then: the charter's own guarantees and the
 * world data's defence clauses of the holder (the engine's areaCoverageOn), after the accepted changes.
 */
export async function coverageView(
  db: Queryable,
  institutionId: string,
  query: { date?: string; area?: string; includeBilateral?: boolean },
) {
  const institution = await getInstitution(db, institutionId);
  if (query.date !== undefined) checkDate(query.date, 'date');
  const charter = territoryCharter(institution);
  const registry = await registryOf(db, institution);
  const on = query.date ?? registry.recognisedFrom;
  const names = query.area === undefined ? transferredAreas(registry) : [query.area];
  const options = { includeBilateral: query.includeBilateral === true };
  try {
    const areas = names.map((area) => areaCoverageOn(charter, registry, area, on, options));
    return { institution: institution.id, charter: charter.id, date: on, count: areas.length, areas };
  } catch (e) {
    if (e instanceof UnknownIdError)
      throw badRequest(
        `area: no accepted border change concerns "${query.area}"${e.suggestions.length ? ` (did you mean ${e.suggestions.map((x) => `"${x}"`).join(', ')}?)` : ''}`,
        'area',
      );
    throw e;
  }
}

/**
 * Neutral third states towards `parties` on a date under the institution's charter, with land neighbours from
 * its registry (so a state that became a party's neighbour through an accepted change is excluded from the
 * change's effect date); the eligible in the order of a seeded lot.
 */
export async function neutralityView(
  db: Queryable,
  institutionId: string,
  query: { parties: string; date?: string; seed?: number },
) {
  const institution = await getInstitution(db, institutionId);
  const charter = territoryCharter(institution);
  const parties = [
    ...new Set(
      query.parties
        .split(',')
        .map((p) => p.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
  for (const p of parties)
    if (!isStateId(p))
      throw badRequest(`parties: unknown state "${p}" (ISO 3166 alpha-3, e.g. SVN)`, 'parties');
  if (parties.length < 2) throw badRequest('parties: at least two states, comma-separated', 'parties');
  if (query.date !== undefined) checkDate(query.date, 'date');
  const registry = await registryOf(db, institution);
  const date = query.date ?? charter.reference_date;
  return {
    institution: institution.id,
    ...neutralCandidates(charter, parties, date, {
      seed: query.seed ?? 1,
      neighboursOf: landNeighbours(registry),
    }),
  };
}

/** Who may ask for a change: the secretariat, or the delegation of a state concerned. */
function authorizeChange(actor: Actor, institution: string, concerned: string[]): void {
  if (actor.role === 'secretariat') return;
  if (actor.role === 'delegate' && actor.institutionId === institution) {
    const own = actor.delegationId!.slice(institution.length + 1);
    if (concerned.includes(own)) return;
    throw forbidden(`a delegate files border changes only for its own state (${own}) as a state concerned`);
  }
  throw forbidden(`border changes are filed by the delegation of a state concerned or the secretariat`);
}

/**
 * Assesses a border-change request under the institution's charter; an accepted one enters the registry (and
 * the audit log) from its effect date, a refused one is a 422 carrying every check, and nothing is written.
 */
export async function requestBorderChange(
  tx: Queryable,
  actor: Actor,
  institutionId: string,
  body: unknown,
  at: string,
): Promise<{ request: BorderChangeRequest; assessment: BorderChangeAssessment; registryId: number }> {
  const institution = await getInstitution(tx, institutionId);
  const charter = territoryCharter(institution);
  const parsed = borderChangeSchema.safeParse({ ...(body as object), charter: charter.id });
  if (!parsed.success) throw invalid(parsed.error);
  const request = parsed.data;
  checkDate(request.requested, 'requested');
  checkDate(request.effective, 'effective');
  authorizeChange(actor, institution.id, request.states_concerned);
  await lockRegistry(tx, institution.id);
  const [dup] = await tx.query('SELECT 1 FROM border_changes WHERE institution_id = $1 AND request_id = $2', [
    institution.id,
    request.id,
  ]);
  if (dup) throw conflict(`border change "${request.id}" is already in the registry`, 'id');
  // Observers are judged against the registry as it is, earlier accepted changes included.
  const assessment = assessBorderChange(charter, request, {
    neighboursOf: await neighboursFor(tx, institution),
  });
  if (!assessment.accepted)
    throw unprocessable(`border change ${request.id} refused: ${assessment.reasons.join('; ')}`, {
      assessment,
    });
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO border_changes (institution_id, request_id, request, assessment, effective, actor, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      institution.id,
      request.id,
      JSON.stringify(request),
      JSON.stringify(assessment),
      request.effective,
      actorName(actor),
      at,
    ],
  );
  await appendAudit(tx, {
    at,
    actor: actorName(actor),
    action: 'territory.border-change',
    subject: `border-change:${institution.id}/${request.id}`,
    content: { institution: institution.id, request, checks: assessment.checks.map((c) => c.check) },
  });
  return { request, assessment, registryId: row!.id };
}

export async function listChanges(db: Queryable, institutionId: string) {
  await getInstitution(db, institutionId);
  return (await acceptedChanges(db, institutionId)).map((c) => ({
    id: c.request_id,
    effective: c.effective,
    request: c.request,
    assessment: c.assessment,
    recordedBy: c.actor,
    recordedAt: c.recorded_at,
  }));
}

// ─── demilitarized zones ────────────────────────────────────────────────────────────────────────────────────

interface ZoneRow {
  id: string;
  zone: DemilitarizedZone;
  mission_check: MissionCheck;
  actor: string;
  recorded_at: string;
}

/** Establishes a zone (secretariat), if its monitoring mission is large enough and neutral (the engine's check). */
export async function establishZone(
  tx: Queryable,
  actor: Actor,
  institutionId: string,
  body: unknown,
  at: string,
): Promise<{ zone: DemilitarizedZone; mission: MissionCheck }> {
  if (actor.role !== 'secretariat') throw forbidden('demilitarized zones are established by the secretariat');
  const institution = await getInstitution(tx, institutionId);
  const charter = territoryCharter(institution);
  const parsed = dmzFileSchema.safeParse({ charter: charter.id, zones: [body] });
  if (!parsed.success) throw invalid(parsed.error, ['zones', 0]);
  const zone = parsed.data.zones[0]!;
  checkDate(zone.established, 'established');
  for (const [i, s] of [...zone.states, ...zone.mission.states].entries())
    if (!isStateId(s))
      throw badRequest(
        `unknown state "${s}"`,
        i < zone.states.length ? `states.${i}` : `mission.states.${i - zone.states.length}`,
      );
  await lockRegistry(tx, institution.id);
  const [dup] = await tx.query('SELECT 1 FROM dmz_zones WHERE institution_id = $1 AND id = $2', [
    institution.id,
    zone.id,
  ]);
  if (dup) throw conflict(`zone "${zone.id}" already exists`, 'id');
  const mission = checkMission(charter, zone, { neighboursOf: await neighboursFor(tx, institution) });
  if (!mission.ok)
    throw unprocessable(
      `the monitoring mission of ${zone.id} does not qualify: ${mission.size.states} states (at least ${mission.size.atLeast})${mission.partial.map((p) => `; ${p.state} ${p.reasons.join(', ')}`).join('')}`,
      { mission },
    );
  await tx.query(
    'INSERT INTO dmz_zones (institution_id, id, zone, mission_check, actor, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [institution.id, zone.id, JSON.stringify(zone), JSON.stringify(mission), actorName(actor), at],
  );
  await appendAudit(tx, {
    at,
    actor: actorName(actor),
    action: 'territory.zone-establish',
    subject: `zone:${institution.id}/${zone.id}`,
    content: { institution: institution.id, zone, mission: { ok: mission.ok, size: mission.size } },
  });
  return { zone, mission };
}

async function zoneOf(db: Queryable, institution: string, id: string): Promise<ZoneRow> {
  const [row] = await db.query<ZoneRow>('SELECT * FROM dmz_zones WHERE institution_id = $1 AND id = $2', [
    institution,
    id,
  ]);
  if (!row) throw notFound(`zone "${id}" of ${institution}`);
  return row;
}

/**
 * Records a violation report against a zone: the secretariat (for the monitoring mission), or a delegation
 * reporting as its own state. Forces within the zone's limits are not a violation (422).
 */
export async function reportViolation(
  tx: Queryable,
  actor: Actor,
  institutionId: string,
  zoneId: string,
  body: unknown,
  at: string,
) {
  const institution = await getInstitution(tx, institutionId);
  const zoneRow = await zoneOf(tx, institution.id, zoneId);
  const parsed = dmzFileSchema.safeParse({
    charter: institution.charter_id,
    zones: [zoneRow.zone],
    violations: [{ ...(body as object), zone: zoneId }],
  });
  if (!parsed.success) throw invalid(parsed.error, ['violations', 0]);
  const violation = parsed.data.violations[0]!;
  checkDate(violation.date, 'date');
  if (!isStateId(violation.by)) throw badRequest(`by: unknown state "${violation.by}"`, 'by');
  if (violation.on !== undefined && !zoneRow.zone.states.includes(violation.on))
    throw badRequest(
      `on: ${violation.on} is not a state of zone ${zoneId} (${zoneRow.zone.states.join(', ')})`,
      'on',
    );
  if (
    violation.area !== undefined &&
    holderOn(await registryOf(tx, institution), violation.area, violation.date) === undefined
  )
    throw badRequest(
      `area: no accepted border change of ${institution.id} transfers "${violation.area}"`,
      'area',
    );
  if (violation.date < zoneRow.zone.established)
    throw badRequest(
      `date: ${violation.date} is before the zone was established (${zoneRow.zone.established})`,
      'date',
    );
  if (actor.role === 'delegate') {
    const own = actor.delegationId!.slice(institution.id.length + 1);
    if (actor.institutionId !== institution.id || violation.reported_by !== own)
      throw forbidden(`a delegate reports as its own state (reported_by: "${own}") in its own institution`);
  } else if (actor.role !== 'secretariat') {
    throw forbidden(
      'violations are reported by a delegation or by the secretariat (for the monitoring mission)',
    );
  }
  const over = excess(zoneRow.zone, violation);
  if (Object.keys(over).length === 0)
    throw unprocessable(`the forces observed are within the limits of zone ${zoneId}: not a violation`, {
      limits: zoneRow.zone.limits,
      observed: violation.observed,
    });
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO dmz_violations (institution_id, zone_id, violation, actor, recorded_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [institution.id, zoneId, JSON.stringify(violation), actorName(actor), at],
  );
  await appendAudit(tx, {
    at,
    actor: actorName(actor),
    action: 'territory.zone-violation',
    subject: `zone:${institution.id}/${zoneId}`,
    content: { institution: institution.id, violation: row!.id, report: violation, excess: over },
  });
  return { id: row!.id, violation, excess: over };
}

/** The zones of an institution with their mission checks. */
export async function listZones(db: Queryable, institutionId: string) {
  await getInstitution(db, institutionId);
  const rows = await db.query<ZoneRow>('SELECT * FROM dmz_zones WHERE institution_id = $1 ORDER BY id', [
    institutionId,
  ]);
  return rows.map((r) => ({ ...r.zone, missionCheck: r.mission_check, recordedAt: r.recorded_at }));
}

/**
 * The violations recorded in the institution as a whole crisis scenario — the engine's `scenarioFromDmz` on the
 * institution's zones and reports, with its accepted border changes, written by `scenarioYaml`: the file `concert
 * territory incidents` writes from the same zones and reports. Nothing over the limits yet, or a day 0 after a
 * violation, is a 422 with the engine's reason.
 */
export async function scenarioView(db: Queryable, institutionId: string, scenarioStart?: string) {
  const institution = await getInstitution(db, institutionId);
  if (scenarioStart !== undefined) checkDate(scenarioStart, 'scenarioStart');
  const zones = await db.query<ZoneRow>('SELECT * FROM dmz_zones WHERE institution_id = $1 ORDER BY id', [
    institution.id,
  ]);
  const rows = await db.query<{ violation: DmzViolation }>(
    'SELECT violation FROM dmz_violations WHERE institution_id = $1 ORDER BY id',
    [institution.id],
  );
  const source = `the violations recorded in ${institution.id}`;
  try {
    const scenario = scenarioFromDmz(
      {
        charter: institution.charter_id,
        ...(scenarioStart ? { scenario_start: scenarioStart } : {}),
        zones: zones.map((z) => z.zone),
        violations: rows.map((r) => r.violation),
      },
      { source, registry: await registryOf(db, institution) },
    );
    const yaml = scenarioYaml(
      scenario,
      `Crisis scenario written by the Concert server from ${source}.\nRun it: concert simulate <this file> --charter ${institution.charter_id}`,
    );
    return { scenario, yaml };
  } catch (e) {
    if (e instanceof ScenarioError) throw unprocessable(`${e.message}${e.hint ? ` — ${e.hint}` : ''}`);
    throw e;
  }
}

/**
 * The violations reported, each with its excess over the limits, and all of them as incidents in the crisis
 * scenario format, day 0 = `scenarioStart` (default: the first violation's date), ready for a scenario's incidents.
 */
export async function violationsView(db: Queryable, institutionId: string, scenarioStart?: string) {
  const institution = await getInstitution(db, institutionId);
  if (scenarioStart !== undefined) checkDate(scenarioStart, 'scenarioStart');
  const zones = await db.query<ZoneRow>('SELECT * FROM dmz_zones WHERE institution_id = $1 ORDER BY id', [
    institution.id,
  ]);
  const rows = await db.query<{ id: number; violation: DmzViolation; actor: string; recorded_at: string }>(
    'SELECT id, violation, actor, recorded_at FROM dmz_violations WHERE institution_id = $1 ORDER BY id',
    [institution.id],
  );
  const byZone = new Map(zones.map((z) => [z.id, z.zone]));
  const file = {
    charter: institution.charter_id,
    ...(scenarioStart ? { scenario_start: scenarioStart } : {}),
    zones: zones.map((z) => z.zone),
    violations: rows.map((r) => r.violation),
  };
  return {
    institution: institution.id,
    scenarioStart: scenarioStart ?? [...rows.map((r) => r.violation.date)].sort()[0] ?? null,
    violations: rows.map((r) => ({
      id: r.id,
      ...r.violation,
      excess: excess(byZone.get(r.violation.zone)!, r.violation),
      recordedBy: r.actor,
      recordedAt: r.recorded_at,
    })),
    incidents: violationIncidents(file, { registry: await registryOf(db, institution) }),
  };
}
