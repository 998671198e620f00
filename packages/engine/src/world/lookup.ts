// Lookups by id. Unknown ids are a user error (a typo on the command line, a stale link), so they throw a typed
// UnknownIdError that names the id and the closest valid ones.
import { world } from './data.ts';
import { UnknownIdError } from './errors.ts';
import { closestIds } from './suggest.ts';
import type { DefenceClause, Organisation, PopulationSeries, State, StateId } from './types.ts';

/** `{ throwIfMissing: false }` turns an unknown id into `undefined` instead of an UnknownIdError. */
export interface LookupOptions {
  throwIfMissing?: boolean;
}

/** The Factbook is the one series that covers all 57 participating States (see docs/data.md). */
export const DEFAULT_POPULATION_SERIES = 'cia-factbook';

const statesById = new Map(world.states.map((s) => [s.id, s]));
const organisationsById = new Map(world.organisations.map((o) => [o.id, o]));
const seriesById = new Map(world.populations.map((p) => [p.id, p]));
const clausesById = new Map(world.defenceClauses.map((c) => [c.id, c]));

export function isStateId(id: unknown): id is StateId {
  return typeof id === 'string' && statesById.has(id);
}

export function stateById(id: StateId): State;
export function stateById(id: StateId, options: LookupOptions): State | undefined;
export function stateById(id: StateId, options: LookupOptions = {}): State | undefined {
  const state = statesById.get(id);
  if (!state && options.throwIfMissing !== false) {
    throw new UnknownIdError('state', id, closestIds(id));
  }
  return state;
}

/** All state ids, sorted. */
export function stateIds(): StateId[] {
  return [...statesById.keys()].sort();
}

export function organisationById(id: string): Organisation;
export function organisationById(id: string, options: LookupOptions): Organisation | undefined;
export function organisationById(id: string, options: LookupOptions = {}): Organisation | undefined {
  const organisation = organisationsById.get(id);
  if (!organisation && options.throwIfMissing !== false) {
    throw new UnknownIdError('organisation', id, closestIds(id, [...organisationsById.keys()]));
  }
  return organisation;
}

/** All organisation ids, sorted. */
export function organisationIds(): string[] {
  return [...organisationsById.keys()].sort();
}

export function defenceClauseById(id: string): DefenceClause {
  const clause = clausesById.get(id);
  if (!clause) throw new UnknownIdError('defence clause', id, closestIds(id, [...clausesById.keys()]));
  return clause;
}

export function populationSeries(id?: string): PopulationSeries;
export function populationSeries(
  id: string | undefined,
  options: LookupOptions,
): PopulationSeries | undefined;
export function populationSeries(
  id: string = DEFAULT_POPULATION_SERIES,
  options: LookupOptions = {},
): PopulationSeries | undefined {
  const series = seriesById.get(id);
  if (!series && options.throwIfMissing !== false) {
    throw new UnknownIdError('population series', id, closestIds(id, [...seriesById.keys()]));
  }
  return series;
}

/** All population series ids, sorted. */
export function populationSeriesIds(): string[] {
  return [...seriesById.keys()].sort();
}

/** Persons; undefined when the series does not cover the state (e.g. the World Bank has no Holy See figure). */
export function populationOf(
  stateId: StateId,
  seriesId: string = DEFAULT_POPULATION_SERIES,
): number | undefined {
  stateById(stateId);
  return populationSeries(seriesId).values[stateId];
}
