// Membership of organisations over time, replayed from each organisation's event timeline. An event counts from its
// own date: a state that joined on 2009-04-01 is a member on 2009-04-01, and a state that "left" on D is no longer a
// member on D (so "left" events carry the first day of non-membership).

import { world } from './data.ts';
import { assertIsoDate } from './dates.ts';
import { organisationById, stateById } from './lookup.ts';
import type { IsoDate, MembershipEvent, MembershipEventType, StateId } from './types.ts';

export type MembershipStatus = 'member' | 'suspended' | 'non-member';

export interface MembershipRecord extends MembershipEvent {
  organisation: string;
}

export interface MembersOfOptions {
  /** Count members whose participation is suspended or frozen (default false). */
  includeSuspended?: boolean;
}

const STATUS_AFTER: Record<MembershipEventType, MembershipStatus> = {
  joined: 'member',
  reinstated: 'member',
  suspended: 'suspended',
  left: 'non-member',
};

/** Events of one organisation grouped by state, in date order (the file order breaks ties). */
function indexEvents(events: readonly MembershipEvent[]): Map<StateId, MembershipEvent[]> {
  const byState = new Map<StateId, MembershipEvent[]>();
  for (const event of events) {
    const list = byState.get(event.state) ?? [];
    list.push(event);
    byState.set(event.state, list);
  }
  for (const list of byState.values()) list.sort((a, b) => a.date.localeCompare(b.date));
  return byState;
}

const timelines = new Map(world.organisations.map((o) => [o.id, indexEvents(o.events)]));

function timeline(organisationId: string): Map<StateId, MembershipEvent[]> {
  organisationById(organisationId);
  return timelines.get(organisationId) ?? new Map();
}

/** Status after the last event on or before `date`; non-member before the first event. */
export function statusFromEvents(events: readonly MembershipEvent[], date: IsoDate): MembershipStatus {
  let status: MembershipStatus = 'non-member';
  for (const event of events) {
    if (event.date > date) break;
    status = STATUS_AFTER[event.type];
  }
  return status;
}

export function membershipOn(organisationId: string, stateId: StateId, date: IsoDate): MembershipStatus {
  assertIsoDate(date);
  stateById(stateId);
  return statusFromEvents(timeline(organisationId).get(stateId) ?? [], date);
}

/** The members on `date`, sorted by id. */
export function membersOf(organisationId: string, date: IsoDate, options: MembersOfOptions = {}): StateId[] {
  assertIsoDate(date);
  const counted = (status: MembershipStatus) =>
    status === 'member' || (status === 'suspended' && options.includeSuspended === true);
  return [...timeline(organisationId).entries()]
    .filter(([, events]) => counted(statusFromEvents(events, date)))
    .map(([stateId]) => stateId)
    .sort();
}

/**
 * The date the membership in force on `date` began (the last "joined" on or before it), or undefined when the
 * state is not a member or suspended member then. Used to explain coverage ("NATO member since 2009-04-01").
 */
export function memberSince(organisationId: string, stateId: StateId, date: IsoDate): IsoDate | undefined {
  if (membershipOn(organisationId, stateId, date) === 'non-member') return undefined;
  const joins = (timeline(organisationId).get(stateId) ?? []).filter(
    (e) => e.type === 'joined' && e.date <= date,
  );
  return joins.at(-1)?.date;
}

/** The last event on or before `date` for this state and organisation (its source and note explain the status). */
export function lastEventOn(
  organisationId: string,
  stateId: StateId,
  date: IsoDate,
): MembershipEvent | undefined {
  assertIsoDate(date);
  return (timeline(organisationId).get(stateId) ?? []).filter((e) => e.date <= date).at(-1);
}

/** Every membership event of one state across all organisations, in date order. */
export function membershipHistory(stateId: StateId): MembershipRecord[] {
  stateById(stateId);
  return world.organisations
    .flatMap((o) => (timelines.get(o.id)?.get(stateId) ?? []).map((e) => ({ ...e, organisation: o.id })))
    .sort((a, b) => a.date.localeCompare(b.date) || a.organisation.localeCompare(b.organisation));
}
