import type { Actor } from '../auth/logins.ts';
import type { Queryable } from '../database/index.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { appendAudit } from '../record/audit.ts';
import { appendSessionEvent, type SessionEventType } from './events.ts';
import { charterOf, getInstitution, type InstitutionRow } from './institutions.ts';
import { actorName } from './sessions.ts';

// A proxy: a delegation hands its vote in one body to another delegation of the same institution for a
// period, where the charter's body allows it (`proxies: { allowed, max_per_holder }`). Rules (docs/server.md):
// - no chains: a delegation holding another's vote cannot hand votes on, and one that has handed its own vote
//   away cannot hold another's, in overlapping periods;
// - one proxy per granter at a time: a second overlapping proxy from the same granter is refused (409) —
//   revoke the first to change the holder, so the record never has two delegations entitled to one vote;
// - at most `max_per_holder` overlapping proxies held by one delegation (default 1);
// - the proxy ends when the granter checks in to a session of the body (it is present and votes itself).
// The holder casts the granter's vote only while the holder is checked in and the granter is not.

export interface ProxyRow {
  id: number;
  institution_id: string;
  body_id: string;
  granter_delegation_id: string;
  holder_delegation_id: string;
  valid_from: string;
  valid_until: string;
  status: 'active' | 'revoked' | 'ended';
  created_by: number;
  created_at: string;
  ended_at: string | null;
}

/** What the charter says about proxies in a body; a body that says nothing allows none. */
export function proxyRules(institution: InstitutionRow, bodyId: string) {
  const body = charterOf(institution).bodies.find((b) => b.id === bodyId);
  if (!body) throw badRequest(`charter "${institution.charter_id}" has no body "${bodyId}"`, 'body');
  const p = body.proxies;
  return {
    allowed: p?.allowed ?? false,
    maxPerHolder: p?.max_per_holder ?? 1,
    cite: p?.cite ?? null,
    note: p?.note ?? null,
  };
}

const MAX_PERIOD_MS = 366 * 86_400_000;

/** A period from the request: `from` defaults to now (a start in the past starts now); `until` is required. */
export function proxyPeriod(from: string | undefined, until: string, now: string) {
  const parse = (s: string, field: string) => {
    const t = Date.parse(s);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(s) || Number.isNaN(t))
      throw badRequest(`${field} must be an ISO 8601 date and time, e.g. 2026-03-01T15:00:00Z`, field);
    return t;
  };
  const start = Math.max(from === undefined ? Date.parse(now) : parse(from, 'from'), Date.parse(now));
  const end = parse(until, 'until');
  if (end <= start) throw badRequest('until must be later than from (and than now)', 'until');
  if (end - start > MAX_PERIOD_MS) throw badRequest('a proxy lasts at most 366 days', 'until');
  return { from: new Date(start).toISOString(), until: new Date(end).toISOString() };
}

async function overlapping(
  tx: Queryable,
  column: 'granter_delegation_id' | 'holder_delegation_id',
  delegation: string,
  body: string,
  period: { from: string; until: string },
): Promise<ProxyRow[]> {
  return tx.query<ProxyRow>(
    `SELECT * FROM proxies WHERE ${column} = $1 AND body_id = $2 AND status = 'active'
        AND valid_from < $4 AND $3 < valid_until ORDER BY id`,
    [delegation, body, period.from, period.until],
  );
}

export async function grantProxy(
  tx: Queryable,
  actor: Actor,
  input: {
    institutionId: string;
    bodyId: string;
    granter: string;
    holder: string;
    from?: string;
    until: string;
  },
  now: string,
): Promise<ProxyRow> {
  const institution = await getInstitution(tx, input.institutionId);
  const rules = proxyRules(institution, input.bodyId);
  if (!rules.allowed) {
    throw forbidden(
      `the charter of ${institution.id} does not allow proxies in body "${input.bodyId}"${rules.cite ? ` (${rules.cite})` : ''}`,
    );
  }
  if (input.granter === input.holder)
    throw badRequest('a delegation cannot hand its vote to itself', 'holder');
  // Locks both delegations' rows so two concurrent grants cannot both pass the overlap checks.
  const rows = await tx.query<{ id: string }>(
    'SELECT id FROM delegations WHERE id = ANY($1) AND institution_id = $2 ORDER BY id FOR UPDATE',
    [[input.granter, input.holder], institution.id],
  );
  if (!rows.some((r) => r.id === input.holder))
    throw badRequest(`the holder "${input.holder}" is not a delegation of ${institution.id}`, 'holder');
  if (!rows.some((r) => r.id === input.granter))
    throw badRequest(`"${input.granter}" is not a delegation of ${institution.id}`, 'granter');
  const period = proxyPeriod(input.from, input.until, now);
  await refuseConflicts(tx, input, period, rules.maxPerHolder);
  const [row] = await tx.query<ProxyRow>(
    `INSERT INTO proxies (institution_id, body_id, granter_delegation_id, holder_delegation_id, valid_from,
       valid_until, status, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8) RETURNING *`,
    [institution.id, input.bodyId, input.granter, input.holder, period.from, period.until, actor.userId, now],
  );
  const proxy = row!;
  await recordProxyChange(tx, actorName(actor), proxy, 'proxy.grant', now);
  return proxy;
}

async function refuseConflicts(
  tx: Queryable,
  input: { bodyId: string; granter: string; holder: string },
  period: { from: string; until: string },
  maxPerHolder: number,
): Promise<void> {
  const [own] = await overlapping(tx, 'granter_delegation_id', input.granter, input.bodyId, period);
  if (own) {
    throw conflict(
      `${input.granter} already hands its vote to ${own.holder_delegation_id} from ${own.valid_from} until ${own.valid_until} (proxy ${own.id}); revoke it first`,
    );
  }
  const [held] = await overlapping(tx, 'holder_delegation_id', input.granter, input.bodyId, period);
  if (held) {
    throw conflict(
      `${input.granter} holds the vote of ${held.granter_delegation_id} in that period (proxy ${held.id}); a holder cannot hand votes on`,
    );
  }
  const [away] = await overlapping(tx, 'granter_delegation_id', input.holder, input.bodyId, period);
  if (away) {
    throw conflict(
      `${input.holder} has handed its own vote to ${away.holder_delegation_id} in that period (proxy ${away.id}); it cannot hold another's`,
    );
  }
  const holding = await overlapping(tx, 'holder_delegation_id', input.holder, input.bodyId, period);
  if (holding.length >= maxPerHolder) {
    throw conflict(
      `${input.holder} already holds ${holding.length} proxy vote(s) in that period; the charter allows ${maxPerHolder} per holder`,
    );
  }
}

export async function getProxy(db: Queryable, id: number, lock = false): Promise<ProxyRow> {
  const [row] = await db.query<ProxyRow>(`SELECT * FROM proxies WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [
    id,
  ]);
  if (!row) throw notFound(`proxy ${id}`);
  return row;
}

export async function revokeProxy(
  tx: Queryable,
  actor: Actor,
  proxy: ProxyRow,
  now: string,
): Promise<ProxyRow> {
  if (proxy.status !== 'active' || proxy.valid_until <= now)
    throw conflict(`proxy ${proxy.id} is no longer in force (${stateOf(proxy, now)})`);
  const [row] = await tx.query<ProxyRow>(
    `UPDATE proxies SET status = 'revoked', ended_at = $2 WHERE id = $1 RETURNING *`,
    [proxy.id, now],
  );
  await recordProxyChange(tx, actorName(actor), row!, 'proxy.revoke', now);
  return row!;
}

/** The granter checked in to a session of the body: its proxies that have started end now. */
export async function endProxiesOnCheckIn(
  tx: Queryable,
  actor: Actor,
  session: { id: number; body_id: string },
  delegation: string,
  now: string,
): Promise<number[]> {
  const ended = await tx.query<ProxyRow>(
    `UPDATE proxies SET status = 'ended', ended_at = $3
      WHERE granter_delegation_id = $1 AND body_id = $2 AND status = 'active' AND valid_from <= $3 AND $3 < valid_until
      RETURNING *`,
    [delegation, session.body_id, now],
  );
  for (const p of ended.sort((a, b) => a.id - b.id)) {
    await recordProxyChange(tx, actorName(actor), p, 'proxy.end', now, { checkedInTo: session.id });
  }
  return ended.map((p) => p.id);
}

const EVENT_OF: Record<string, SessionEventType> = {
  'proxy.grant': 'proxy.granted',
  'proxy.revoke': 'proxy.revoked',
  'proxy.end': 'proxy.ended',
};

/** One audit entry, and an event in every open session of the body (where the change matters now). */
async function recordProxyChange(
  tx: Queryable,
  actor: string,
  proxy: ProxyRow,
  action: keyof typeof EVENT_OF,
  now: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const content = { ...describeProxy(proxy, now), ...extra };
  await appendAudit(tx, { at: now, actor, action, subject: `proxy:${proxy.id}`, content });
  for (const s of await openSessionsOf(tx, proxy)) {
    await appendSessionEvent(tx, s, EVENT_OF[action]!, now, content);
  }
}

export async function openSessionsOf(
  db: Queryable,
  proxy: Pick<ProxyRow, 'institution_id' | 'body_id'>,
): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `SELECT id FROM council_sessions WHERE institution_id = $1 AND body_id = $2 AND status = 'open' ORDER BY id`,
    [proxy.institution_id, proxy.body_id],
  );
  return rows.map((r) => r.id);
}

/** The proxy in force at `at` by which `holder` may vote for `granter` in `body`, if any. */
export async function proxyInForce(
  db: Queryable,
  input: { body: string; granter: string; holder: string; at: string },
): Promise<ProxyRow | undefined> {
  const [row] = await db.query<ProxyRow>(
    `SELECT * FROM proxies WHERE granter_delegation_id = $1 AND holder_delegation_id = $2 AND body_id = $3
        AND status = 'active' AND valid_from <= $4 AND $4 < valid_until`,
    [input.granter, input.holder, input.body, input.at],
  );
  return row;
}

/** Granter → holder for the proxies of `body` in force at `at`. */
export async function proxiesInForce(
  db: Queryable,
  institutionId: string,
  body: string,
  at: string,
): Promise<Map<string, string>> {
  const rows = await db.query<ProxyRow>(
    `SELECT * FROM proxies WHERE institution_id = $1 AND body_id = $2 AND status = 'active'
        AND valid_from <= $3 AND $3 < valid_until`,
    [institutionId, body, at],
  );
  return new Map(rows.map((r) => [r.granter_delegation_id, r.holder_delegation_id]));
}

export function stateOf(
  p: ProxyRow,
  now: string,
): 'scheduled' | 'in force' | 'expired' | 'revoked' | 'ended' {
  if (p.status !== 'active') return p.status;
  if (now < p.valid_from) return 'scheduled';
  return now < p.valid_until ? 'in force' : 'expired';
}

export function describeProxy(p: ProxyRow, now: string) {
  return {
    proxy: p.id,
    institution: p.institution_id,
    body: p.body_id,
    granter: p.granter_delegation_id,
    holder: p.holder_delegation_id,
    from: p.valid_from,
    until: p.valid_until,
    state: stateOf(p, now),
    endedAt: p.ended_at,
  };
}
