import {
  builtinCharter,
  type Charter,
  CharterError,
  type Institution,
  institutionOn,
  isBuiltinCharter,
} from '@concert/engine';
import type { Queryable } from '../database/index.ts';
import { badRequest, notFound } from '../errors.ts';
import { presidencyOn } from './presidency.ts';

export interface InstitutionRow {
  id: string;
  charter_id: string;
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

export function charterOf(row: Pick<InstitutionRow, 'charter_id'>): Charter {
  return builtinCharter(row.charter_id);
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
  input: { id: string; charterId: string; adoptedOn: string; name?: string },
  now: string,
): Promise<{ institution: InstitutionRow; delegations: Delegation[] }> {
  if (!isBuiltinCharter(input.charterId)) {
    throw badRequest(`no built-in charter "${input.charterId}"`, 'charterId');
  }
  const charter = builtinCharter(input.charterId);
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
    name: input.name ?? `${charter.short_name ?? charter.name} (adopted ${input.adoptedOn})`,
    adopted_on: input.adoptedOn,
    created_at: now,
  };
  await tx.query(
    'INSERT INTO institutions (id, charter_id, name, adopted_on, created_at) VALUES ($1, $2, $3, $4, $5)',
    [
      institution.id,
      institution.charter_id,
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
  for (const d of delegations) {
    await tx.query('INSERT INTO delegations (id, institution_id, member_id, name) VALUES ($1, $2, $3, $4)', [
      d.id,
      d.institutionId,
      d.memberId,
      d.name,
    ]);
  }
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
