import { createHash } from 'node:crypto';
import {
  builtinCharter,
  type Charter,
  CharterError,
  formatPath,
  type Institution,
  institutionOn,
  isBuiltinCharter,
  parseCharter,
} from '@concert/engine';
import type { Queryable } from '../database/index.ts';
import { badRequest, notFound } from '../errors.ts';
import { presidencyOn } from './presidency.ts';

export interface InstitutionRow {
  id: string;
  charter_id: string;
  /** The charter's YAML for an institution made from a charter of one's own; null for a built-in charter. */
  charter_source: string | null;
  name: string;
  adopted_on: string;
  created_at: string;
}

export interface Delegation {
  id: string;
  institutionId: string;
  memberId: string;
  name: string;
}

/** The engine's institution for a stored one: the charter's members on the adoption date. */
export function engineInstitution(row: InstitutionRow): Institution {
  return institutionOn(charterOf(row), row.adopted_on);
}

const parsed = new Map<string, Charter>();

/** An institution's row without its charter text, with the text's SHA-256 instead (null: a built-in charter). */
export type InstitutionKey = Omit<InstitutionRow, 'charter_source'> & { charter_sha256: string | null };

const rows = new Map<string, InstitutionRow>();
const MAX_ROWS = 256;

/**
 * The whole row for a key read with a query: from memory, or read once. An institution never changes once
 * created, and the key holds every column (the charter as its digest), so a row kept is the row stored, in
 * any database and any process.
 */
export async function institutionRow(db: Queryable, key: InstitutionKey): Promise<InstitutionRow> {
  const k = JSON.stringify([
    key.id,
    key.charter_id,
    key.name,
    key.adopted_on,
    key.created_at,
    key.charter_sha256,
  ]);
  const known = rows.get(k);
  if (known) return known;
  const { charter_sha256, ...rest } = key;
  let charter_source: string | null = null;
  if (charter_sha256 !== null) {
    const [row] = await db.query<{ charter_source: string }>(
      'SELECT charter_source FROM institutions WHERE id = $1',
      [key.id],
    );
    if (!row) throw notFound(`institution ${key.id}`);
    charter_source = row.charter_source;
  }
  const row: InstitutionRow = { ...rest, charter_source };
  if (rows.size >= MAX_ROWS) rows.clear();
  rows.set(k, row);
  return row;
}

const charters = new WeakMap<object, Charter>();

export function charterOf(row: Pick<InstitutionRow, 'charter_id' | 'charter_source'>): Charter {
  if (!row.charter_source) return builtinCharter(row.charter_id);
  // The same row object (institutionRow's) needs no hashing of its text on every vote.
  const known = charters.get(row);
  if (known) return known;
  const key = createHash('sha256').update(row.charter_source).digest('hex');
  let charter = parsed.get(key);
  if (!charter) {
    charter = parseCharter(row.charter_source, { source: `${row.charter_id}.yaml`, format: 'yaml' });
    parsed.set(key, charter);
  }
  charters.set(row, charter);
  return charter;
}

/** Parses a charter sent by a client; its problems are the client's (400, with line and column). */
export function charterFromSource(source: string): Charter {
  try {
    return parseCharter(source, { source: 'charter.yaml', format: 'auto' });
  } catch (e) {
    if (e instanceof CharterError) {
      const where = e.line !== undefined ? ` (line ${e.line}, column ${e.column})` : '';
      const path = e.path.length > 0 ? ` at ${formatPath(e.path)}` : '';
      throw badRequest(
        `charter${path}${where}: ${e.message}${e.hint ? ` — ${e.hint}` : ''}`,
        'charterSource',
      );
    }
    throw e;
  }
}

export async function getInstitution(db: Queryable, id: string): Promise<InstitutionRow> {
  const [row] = await db.query<InstitutionRow>('SELECT * FROM institutions WHERE id = $1', [id]);
  if (!row) throw notFound(`institution "${id}"`);
  return row;
}

export const delegationId = (institutionId: string, memberId: string) => `${institutionId}:${memberId}`;

/** Instantiates a built-in charter on a date: the institution and one delegation per member. */
export async function createInstitution(
  tx: Queryable,
  input: { id: string; charterId?: string; charterSource?: string; adoptedOn: string; name?: string },
  now: string,
): Promise<{ institution: InstitutionRow; delegations: Delegation[] }> {
  if ((input.charterId === undefined) === (input.charterSource === undefined)) {
    throw badRequest(
      'give either charterId (a built-in charter) or charterSource (YAML), not both',
      'charterId',
    );
  }
  if (!isCalendarDate(input.adoptedOn))
    throw badRequest(`${input.adoptedOn} is not a calendar date`, 'adoptedOn');
  if (input.charterId !== undefined && !isBuiltinCharter(input.charterId)) {
    throw badRequest(`no built-in charter "${input.charterId}"`, 'charterId');
  }
  const charter =
    input.charterSource !== undefined
      ? charterFromSource(input.charterSource)
      : builtinCharter(input.charterId!);
  let members: Institution['members'];
  try {
    members = institutionOn(charter, input.adoptedOn).members;
  } catch (e) {
    if (e instanceof CharterError) throw badRequest(e.message, 'adoptedOn');
    throw e;
  }
  if (members.length === 0) {
    throw badRequest(`charter "${input.charterId}" has no members on ${input.adoptedOn}`, 'adoptedOn');
  }
  const [existing] = await tx.query('SELECT id FROM institutions WHERE id = $1', [input.id]);
  if (existing) throw badRequest(`an institution "${input.id}" already exists`, 'id');
  const institution: InstitutionRow = {
    id: input.id,
    charter_id: charter.id,
    charter_source: input.charterSource ?? null,
    name: input.name ?? `${charter.short_name ?? charter.name} (adopted ${input.adoptedOn})`,
    adopted_on: input.adoptedOn,
    created_at: now,
  };
  await tx.query(
    'INSERT INTO institutions (id, charter_id, charter_source, name, adopted_on, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [
      institution.id,
      institution.charter_id,
      institution.charter_source,
      institution.name,
      institution.adopted_on,
      institution.created_at,
    ],
  );
  const delegations = members.map((m) => ({
    id: delegationId(institution.id, m.id),
    institutionId: institution.id,
    memberId: m.id,
    name: m.name ?? m.id,
  }));
  // One statement for all delegations (a body of 60 members is one round trip, not 60).
  const values = delegations.map((_, i) => `($${4 * i + 1}, $${4 * i + 2}, $${4 * i + 3}, $${4 * i + 4})`);
  await tx.query(
    `INSERT INTO delegations (id, institution_id, member_id, name) VALUES ${values.join(', ')}`,
    delegations.flatMap((d) => [d.id, d.institutionId, d.memberId, d.name]),
  );
  return { institution, delegations };
}

export async function delegationsOf(db: Queryable, institutionId: string): Promise<Delegation[]> {
  const rows = await db.query<{ id: string; institution_id: string; member_id: string; name: string }>(
    'SELECT id, institution_id, member_id, name FROM delegations WHERE institution_id = $1 ORDER BY member_id',
    [institutionId],
  );
  return rows.map((r) => ({
    id: r.id,
    institutionId: r.institution_id,
    memberId: r.member_id,
    name: r.name,
  }));
}

/** The institution as the API shows it: charter, bodies, members, and each body's presidency on `date`. */
export function describeInstitution(row: InstitutionRow, date: string) {
  const charter = charterOf(row);
  const inst = engineInstitution(row);
  return {
    id: row.id,
    charterId: row.charter_id,
    builtinCharter: row.charter_source === null,
    name: row.name,
    adoptedOn: row.adopted_on,
    members: inst.members.length,
    bodies: charter.bodies.map((b) => ({
      id: b.id,
      name: b.name,
      categories: b.categories.map((c) => ({ id: c.id, name: c.name, ballot: c.ballot ?? 'roll-call' })),
      presidency: presidencyOn(charter, b.id, inst.members, row.adopted_on, date) ?? null,
      presidencyDescription: b.presidency?.description ?? null,
    })),
  };
}

export function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
