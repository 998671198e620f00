// Demilitarized zones: an area with limits on forces and equipment, watched by a monitoring mission whose
// states must themselves be neutral towards the states bordering the zone (000 §V ¶1). Violations reported
// against a zone become incidents a crisis scenario can replay (type, severity, place, day).
import { z } from 'zod';
import type { Charter } from '../charter/schema.ts';
import { daysBetween } from '../disputes/calendar.ts';
import { type NeutralityOptions, partialityReasons } from '../disputes/index.ts';
import { type BorderRegistry, holderOn } from './borders.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const EQUIPMENT = [
  'troops',
  'battle-tanks',
  'armoured-combat-vehicles',
  'artillery',
  'combat-aircraft',
  'attack-helicopters',
  'air-defence',
] as const;

const zone = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string(),
  area: z.string().describe('where: a description of the line and depth'),
  states: z.array(z.string()).min(1).describe('states bordering or holding the zone'),
  established: date,
  limits: z
    .partialRecord(z.enum(EQUIPMENT), z.number().int().nonnegative())
    .describe('maximum present in the zone'),
  mission: z.strictObject({ name: z.string(), states: z.array(z.string()).min(1) }),
  cite: z.string().optional(),
});

const violation = z.strictObject({
  zone: z.string(),
  date,
  by: z.string().describe('the state whose forces are reported'),
  on: z.string().optional().describe("the state on whose territory (default: the zone's first other state)"),
  area: z
    .string()
    .min(1)
    .optional()
    .describe("an area a border change transfers: the incident is placed at the area's holder on the date"),
  reported_by: z.string(),
  place: z.string(),
  observed: z.partialRecord(z.enum(EQUIPMENT), z.number().int().nonnegative()),
  note: z.string().optional(),
});

export const dmzFileSchema = z.strictObject({
  $schema: z.string().optional(),
  charter: z.string().min(1),
  scenario_start: date.optional().describe('day 0 of the crisis scenario the incidents feed'),
  zones: z.array(zone).min(1),
  violations: z.array(violation).default([]),
});

export type DmzFile = z.infer<typeof dmzFileSchema>;
export type DemilitarizedZone = DmzFile['zones'][number];
export type DmzViolation = DmzFile['violations'][number];

export interface MissionCheck {
  zone: string;
  ok: boolean;
  size: { states: number; atLeast: number };
  partial: { state: string; reasons: string[] }[];
  cite: string;
}

/**
 * An incident in the crisis simulator's scenario format (docs/crisis.md): day from the scenario start, a charter
 * trigger as type, severity on Concert's 0–5 scale, the state on whose territory, the state responsible, figures.
 */
export interface Incident {
  day: number;
  type: 'border-violation' | 'unnotified-military-activity';
  severity: 1 | 2 | 3;
  place: string;
  by: string;
  troops?: number;
  battle_tanks?: number;
  acvs?: number;
  artillery?: number;
  text: string;
}

/** Whether a zone's monitoring mission is large enough and neutral towards every state of the zone. */
export function checkMission(
  charter: Charter,
  z: DemilitarizedZone,
  options: Pick<NeutralityOptions, 'neighboursOf'> = {},
): MissionCheck {
  const rule = charter.territory?.demilitarized_zones;
  const atLeast = rule?.monitoring_at_least ?? 1;
  const partial =
    rule?.monitors_neutral === false
      ? []
      : z.mission.states
          .map((s) => ({
            state: s,
            reasons: partialityReasons(charter, s, z.states, z.established, options),
          }))
          .filter((x) => x.reasons.length > 0);
  const ok = z.mission.states.length >= atLeast && partial.length === 0;
  return {
    zone: z.id,
    ok,
    size: { states: z.mission.states.length, atLeast },
    partial,
    cite: rule?.cite ?? 'Concert default',
  };
}

/**
 * The state on whose territory a violation happened: the holder of its `area` on the date when the registry
 * knows the area (so an area transferred from A to B on D is B's from D), else `on`, else the zone's first state
 * other than the one whose forces were seen.
 */
export function placeOf(z: DemilitarizedZone, v: DmzViolation, registry?: BorderRegistry): string {
  const held = v.area !== undefined && registry ? holderOn(registry, v.area, v.date) : undefined;
  return held ?? v.on ?? z.states.find((s) => s !== v.by) ?? z.states[0]!;
}

/** The excess of each kind of force over the zone's limit ({} when within limits). */
export function excess(z: DemilitarizedZone, v: DmzViolation): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [kind, n] of Object.entries(v.observed)) {
    const limit = z.limits[kind as keyof typeof z.limits] ?? 0;
    if (n !== undefined && n > limit) out[kind] = n - limit;
  }
  return out;
}

/**
 * Violations over the limits as incidents. Severity on the crisis scale: troops alone 1 (a small unnotified
 * activity), heavy equipment 2, more than 10 pieces or aircraft, helicopters or air defence 3 (armed units
 * crossing a line) — Concert's reading; a DMZ violation alone is never an armed attack (4–5).
 */
export function violationIncidents(file: DmzFile, options: { registry?: BorderRegistry } = {}): Incident[] {
  const start = file.scenario_start ?? [...file.violations.map((v) => v.date)].sort()[0] ?? '1970-01-01';
  const zones = new Map(file.zones.map((z) => [z.id, z]));
  const out: Incident[] = [];
  for (const v of file.violations) {
    const z = zones.get(v.zone);
    if (!z) continue;
    const over = excess(z, v);
    if (Object.keys(over).length === 0) continue;
    const heavy =
      (over['battle-tanks'] ?? 0) + (over['armoured-combat-vehicles'] ?? 0) + (over.artillery ?? 0);
    const air =
      (over['combat-aircraft'] ?? 0) + (over['attack-helicopters'] ?? 0) + (over['air-defence'] ?? 0);
    const incident: Incident = {
      day: daysBetween(start, v.date),
      type: heavy + air > 0 ? 'border-violation' : 'unnotified-military-activity',
      severity: air > 0 || heavy > 10 ? 3 : heavy > 0 ? 2 : 1,
      place: placeOf(z, v, options.registry),
      by: v.by,
      text: `${v.date}, ${z.name} (${v.place}): ${Object.entries(over)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')} over the limits, reported by ${v.reported_by}`,
    };
    const figures: [keyof Incident, string][] = [
      ['troops', 'troops'],
      ['battle_tanks', 'battle-tanks'],
      ['acvs', 'armoured-combat-vehicles'],
      ['artillery', 'artillery'],
    ];
    for (const [key, kind] of figures) {
      const n = v.observed[kind as keyof typeof v.observed];
      if (n !== undefined && n > 0) (incident as unknown as Record<string, number>)[key] = n;
    }
    out.push(incident);
  }
  return out.sort((a, b) => a.day - b.day);
}
