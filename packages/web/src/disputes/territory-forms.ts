// The territory desk's forms as the API's bodies (docs/server.md, *Territory*): a border-change request, a
// demilitarized zone, a violation report. The forms hold strings; these functions turn them into the shapes the
// engine's schemas read, leaving every judgement (agreements, referendum, mission neutrality) to the server.
import type { User } from '../api.ts';
import { ownState } from './actions.ts';

/** The kinds of force a zone limits and a report counts (the engine's list, packages/engine/src/territory/dmz.ts). */
export const EQUIPMENT = [
  'troops',
  'battle-tanks',
  'armoured-combat-vehicles',
  'artillery',
  'combat-aircraft',
  'attack-helicopters',
  'air-defence',
] as const;
export type Equipment = (typeof EQUIPMENT)[number];

/** "bel, NLD ;SRB" → ['BEL', 'NLD', 'SRB']: state ids as the engine writes them, in the order given. */
export function stateList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
}

/** A count field: blank is "not given"; anything else is sent as typed, so the server names a bad one. */
function count(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^\d+$/.test(t) ? Number(t) : t;
}

/** Counts per kind of force, blank ones left out. */
export function forces(fields: Partial<Record<Equipment, string>>): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const kind of EQUIPMENT) {
    const n = count(fields[kind] ?? '');
    if (n !== undefined) out[kind] = n;
  }
  return out;
}

export interface BorderChangeForm {
  id: string;
  title: string;
  area: string;
  from: string;
  to: string;
  areaKm2: string;
  concerned: string;
  requested: string;
  effective: string;
  /** One row per state concerned: a blank date means that state has not agreed. */
  agreements: Record<string, { date: string; instrument: string }>;
  referendum: null | {
    date: string;
    supervisedBy: string;
    observers: string;
    registered: string;
    votesCast: string;
    valid: string;
    yes: string;
  };
  note: string;
}

export function borderChangeBody(f: BorderChangeForm): Record<string, unknown> {
  const concerned = stateList(f.concerned);
  const agreements = concerned
    .filter((s) => f.agreements[s]?.date)
    .map((s) => ({
      state: s,
      date: f.agreements[s]!.date,
      instrument: f.agreements[s]!.instrument.trim() || 'agreement',
    }));
  const r = f.referendum;
  const km2 = f.areaKm2.trim();
  return {
    id: f.id.trim(),
    ...(f.title.trim() ? { title: f.title.trim() } : {}),
    area: {
      name: f.area.trim(),
      from: f.from.trim().toUpperCase(),
      to: f.to.trim().toUpperCase(),
      ...(km2 ? { area_km2: Number.isFinite(Number(km2)) ? Number(km2) : km2 } : {}),
    },
    states_concerned: concerned,
    requested: f.requested,
    effective: f.effective,
    agreements,
    ...(r
      ? {
          referendum: {
            date: r.date,
            supervised_by: r.supervisedBy.trim(),
            observers: stateList(r.observers),
            registered: count(r.registered),
            votes_cast: count(r.votesCast),
            valid: count(r.valid),
            yes: count(r.yes),
          },
        }
      : {}),
    ...(f.note.trim() ? { note: f.note.trim() } : {}),
  };
}

export interface ZoneForm {
  id: string;
  name: string;
  area: string;
  states: string;
  established: string;
  limits: Partial<Record<Equipment, string>>;
  missionName: string;
  missionStates: string;
  cite: string;
}

export function zoneBody(f: ZoneForm): Record<string, unknown> {
  return {
    id: f.id.trim(),
    name: f.name.trim(),
    area: f.area.trim(),
    states: stateList(f.states),
    established: f.established,
    limits: forces(f.limits),
    mission: { name: f.missionName.trim(), states: stateList(f.missionStates) },
    ...(f.cite.trim() ? { cite: f.cite.trim() } : {}),
  };
}

export interface ViolationForm {
  date: string;
  by: string;
  on: string;
  area: string;
  reportedBy: string;
  place: string;
  observed: Partial<Record<Equipment, string>>;
  note: string;
}

export function violationBody(f: ViolationForm): Record<string, unknown> {
  return {
    date: f.date,
    by: f.by.trim().toUpperCase(),
    ...(f.on.trim() ? { on: f.on.trim().toUpperCase() } : {}),
    ...(f.area.trim() ? { area: f.area.trim() } : {}),
    reported_by: f.reportedBy.trim(),
    place: f.place.trim(),
    observed: forces(f.observed),
    ...(f.note.trim() ? { note: f.note.trim() } : {}),
  };
}

/**
 * Which forms a user sees (the server's rules, docs/server.md): a border change is requested by the delegation
 * of a state concerned or the secretariat; a zone is established by the secretariat; a violation is reported
 * by a delegation as its own state or by the secretariat for the monitoring mission. Observers and the
 * presidency read. A delegation sees the border-change form whatever the states: the server says if it is not
 * concerned.
 */
export function territoryRights(user: User, institution: string) {
  const delegate = ownState(user, institution) !== undefined;
  const secretariat = user.role === 'secretariat';
  return { change: delegate || secretariat, zone: secretariat, violation: delegate || secretariat };
}
