// The world module: Concert's sourced data on states, populations, organisations and defence clauses, and the
// questions asked of it (who was a member of what, on which date).

export { world } from './data.ts';
export {
  assertIsoDate,
  type CalendarDate,
  compareIsoDates,
  daysInMonth,
  formatIsoDate,
  isIsoDate,
  parseIsoDate,
} from './dates.ts';
export { type IdKind, InvalidDateError, UnknownIdError, WorldError } from './errors.ts';
export {
  DEFAULT_POPULATION_SERIES,
  defenceClauseById,
  isStateId,
  type LookupOptions,
  organisationById,
  organisationIds,
  populationOf,
  populationSeries,
  populationSeriesIds,
  stateById,
  stateIds,
} from './lookup.ts';
export {
  lastEventOn,
  type MembershipRecord,
  type MembershipStatus,
  type MembersOfOptions,
  memberSince,
  membershipHistory,
  membershipOn,
  membersOf,
  statusFromEvents,
} from './membership.ts';
export { closestIds, editDistance } from './suggest.ts';
export type * from './types.ts';
