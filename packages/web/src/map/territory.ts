// The map's territory layer: the border registry of the chosen charter as of the slider date. Contested areas
// come from the engine's list (each side's position in its own terms, with a source: Concert reports, it does
// not judge); demilitarized zones, their monitoring missions and accepted border changes come from the server,
// which keeps them per institution, when a login lets the page ask.
import { type ContestedArea, contestedAreas, stateIds } from '@concert/engine';
import type { Category, Colouring, StateShade } from './colourings.ts';
import type { MapMark } from './StateMap.tsx';
import { nameOf } from './StateMap.tsx';

/** A zone as `GET /api/territory/zones` gives it (docs/server.md, Territory). */
export interface ZoneView {
  id: string;
  name: string;
  area: string;
  states: string[];
  established: string;
  limits: Record<string, number>;
  mission: { name: string; states: string[] };
  cite?: string;
  missionCheck?: { ok: boolean; size: { states: number; atLeast: number }; cite: string };
}

/** An accepted change as `GET /api/territory/border-changes` gives it. */
export interface ChangeView {
  id: string;
  effective: string;
  request: {
    title?: string;
    area: { name: string; from: string; to: string; area_km2?: number };
    states_concerned: string[];
    referendum?: { date: string; supervised_by?: string; observers?: string[] };
  };
}

/** One transferred area on a date, as `GET /api/territory/coverage` gives it (the engine's `areaCoverageOn`). */
export interface AreaCoverage {
  area: string;
  date: string;
  holder: string;
  /** The engine's sentence: who holds it since when (or until when, and who next), and what covers it. */
  explanation: string;
}

export interface ViolationView {
  id: number;
  zone: string;
  date: string;
  by: string;
  place: string;
  excess: Record<string, number>;
}

/** What the server added, or why it could not (not logged in, no such institution). */
export interface ServerRegistry {
  zones: ZoneView[];
  changes: ChangeView[];
  violations: ViolationView[];
}

/**
 * Approximate points for each area's mark, read by Concert from a general atlas (a town or the middle of the
 * area): a place to click, not a boundary. Areas without a point are listed in the table only.
 */
export const AREA_POINTS: Record<string, [number, number]> = {
  transnistria: [29.4, 47.2],
  abkhazia: [41.1, 43.1],
  'south-ossetia': [44.0, 42.35],
  crimea: [34.1, 45.3],
  'ukraine-2022': [37.2, 47.6],
  'nagorno-karabakh': [46.7, 39.85],
  kosovo: [20.9, 42.6],
  'northern-cyprus': [33.6, 35.25],
};

/**
 * The areas on the registry on a date. An active dispute is listed from the day its present situation began; an
 * area whose situation has changed (Nagorno-Karabakh, 2023) stays listed, before and after the change, since the
 * list records the change itself.
 */
export function areasOn(date: string): { area: ContestedArea; phase: string }[] {
  return contestedAreas()
    .filter((a) => a.status === 'changed' || a.since <= date)
    .map((area) => ({
      area,
      phase:
        area.status === 'active'
          ? `since ${area.since}`
          : date >= area.since
            ? `situation changed on ${area.since}`
            : `before the change of ${area.since}`,
    }));
}

export function areaById(id: string): ContestedArea | undefined {
  return contestedAreas().find((a) => a.id === id);
}

export function marksOn(date: string): MapMark[] {
  return areasOn(date).flatMap(({ area }) => {
    const at = AREA_POINTS[area.id];
    return at ? [{ id: area.id, label: `Contested area: ${area.name}`, at }] : [];
  });
}

// Okabe–Ito hues; every category is also written out in the legend, tooltip and table.
const CATEGORIES: Category[] = [
  { id: 'contested', label: 'a contested area lies within its recognised borders', colour: '#e69f00' },
  { id: 'zone', label: 'borders a demilitarized zone', colour: '#009e73' },
  { id: 'changed', label: 'border changed by agreement', colour: '#0072b2' },
  { id: 'concerned', label: 'concerned by a contested area elsewhere', colour: '#cc79a7' },
  { id: 'none', label: 'no entry on this date', colour: '#c8c8c8' },
];

export function territoryColouring(
  date: string,
  charter: string,
  server: ServerRegistry | undefined,
): Colouring {
  const facts = new Map<string, { category: string; text: string }[]>();
  const add = (state: string, category: string, text: string) => {
    const list = facts.get(state) ?? [];
    list.push({ category, text });
    facts.set(state, list);
  };
  for (const { area, phase } of areasOn(date)) {
    add(
      area.recognisedAs,
      'contested',
      `${area.name} (${phase}) lies within its internationally recognised borders.`,
    );
    for (const s of area.states)
      if (s !== area.recognisedAs) add(s, 'concerned', `Concerned by ${area.name} (${phase}).`);
  }
  for (const z of server?.zones ?? [])
    if (z.established <= date)
      for (const s of z.states)
        add(s, 'zone', `Borders the demilitarized zone ${z.name} (since ${z.established}).`);
  for (const c of server?.changes ?? [])
    if (c.effective <= date)
      for (const s of c.request.states_concerned)
        add(
          s,
          'changed',
          `${c.request.area.name}: from ${nameOf(c.request.area.from)} to ${nameOf(c.request.area.to)}, in effect from ${c.effective}.`,
        );
  const order = CATEGORIES.map((c) => c.id);
  const byState = new Map<string, StateShade>();
  for (const id of stateIds()) {
    const list = facts.get(id);
    if (!list) {
      byState.set(id, {
        category: 'none',
        detail: `No contested area, zone or border change recorded on ${date}.`,
      });
      continue;
    }
    const category = order.find((c) => list.some((f) => f.category === c)) ?? 'none';
    byState.set(id, { category, detail: list.map((f) => f.text).join(' ') });
  }
  return {
    title: `Territory on ${date} (${charter})`,
    categories: CATEGORIES,
    byState,
    note: server
      ? `Contested areas from Concert's list; zones and accepted border changes of ${charter} from the server.`
      : 'Contested areas only: log in (Council room or Disputes) to add the zones and border changes the server records.',
  };
}
