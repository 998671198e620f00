// Neutral third states — mediators, presiding arbitrators, observers and monitors. A state is neutral towards the
// parties when it is not one of them, shares no alliance and no charter sub-grouping with any of them on the
// date, and has no land border with any of them (000 §III ¶5 "neutral mediation"). Every exclusion is explained;
// the choice among the neutral is a seeded lot, so anyone can reproduce it.

import type { Neutrality } from '../charter/disputes-schema.ts';
import { institutionOn } from '../charter/institution.ts';
import type { Charter } from '../charter/schema.ts';
import { mulberry32 } from '../power/index.ts';
import { type IsoDate, isStateId, membershipOn, stateById, world } from '../world/index.ts';

/** The test applied when a charter states none: the alliances of the OSCE area and land borders. */
export const DEFAULT_NEUTRALITY: Neutrality = {
  not_party: true,
  alliances: ['NATO', 'CSTO', 'EU'],
  same_attribute: [],
  not_neighbour: true,
  from: 'members',
  exclude: [],
  cite: 'Concert default (docs/disputes.md)',
};

export interface Exclusion {
  id: string;
  name: string;
  reasons: string[];
}

export interface NeutralCandidates {
  charter: string;
  date: IsoDate;
  parties: string[];
  test: Neutrality;
  /** Neutral states, in the order of the lot (first = drawn). */
  eligible: { id: string; name: string; rank: number }[];
  excluded: Exclusion[];
  lot: { seed: number; drawn: string | undefined };
}

export interface NeutralityOptions {
  seed?: number;
  /** Land neighbours of a state on the date (default: the world data); the territory registry supplies changes. */
  neighboursOf?: (id: string, date: IsoDate) => string[];
}

/** Why `candidate` is not neutral towards `parties` on `date` (empty when it is). */
export function partialityReasons(
  charter: Charter,
  candidate: string,
  parties: readonly string[],
  date: IsoDate,
  options: NeutralityOptions = {},
): string[] {
  const test = charter.disputes?.neutrality ?? DEFAULT_NEUTRALITY;
  const attributes = memberAttributes(charter, date);
  const neighbours = options.neighboursOf ?? worldNeighbours;
  const reasons: string[] = [];
  if (parties.includes(candidate)) reasons.push('is a party');
  if (test.exclude.includes(candidate)) reasons.push(`excluded by the charter (${test.cite})`);
  if (!isStateId(candidate)) {
    reasons.push('is not a state in the world data');
    return reasons;
  }
  for (const party of parties) {
    if (party === candidate || !isStateId(party)) continue;
    for (const org of test.alliances) {
      if (isMember(org, candidate, date) && isMember(org, party, date))
        reasons.push(`shares ${org} membership with ${party} on ${date}`);
    }
    for (const attr of test.same_attribute) {
      const mine = attributes.get(candidate)?.[attr];
      if (mine !== undefined && mine === attributes.get(party)?.[attr])
        reasons.push(`in the same ${attr} as ${party} (${String(mine)})`);
    }
    if (test.not_neighbour && neighbours(candidate, date).includes(party))
      reasons.push(`land neighbour of ${party}`);
  }
  return reasons;
}

/** Every candidate of the charter's pool on `date`, neutral or excluded with reasons; a seeded lot ranks the neutral. */
export function neutralCandidates(
  charter: Charter,
  parties: readonly string[],
  date: IsoDate,
  options: NeutralityOptions = {},
): NeutralCandidates {
  const test = charter.disputes?.neutrality ?? DEFAULT_NEUTRALITY;
  const pool =
    test.from === 'all-osce'
      ? world.states.map((s) => s.id)
      : institutionOn(charter, date)
          .members.filter((m) => m.attributes.kind !== 'organisation')
          .map((m) => m.id);
  const eligible: string[] = [];
  const excluded: Exclusion[] = [];
  for (const id of [...new Set([...pool, ...parties.filter((p) => !pool.includes(p))])].sort()) {
    const reasons = partialityReasons(charter, id, parties, date, options);
    if (reasons.length === 0) eligible.push(id);
    else excluded.push({ id, name: nameOf(id), reasons });
  }
  const seed = options.seed ?? 1;
  const order = lot(eligible, seed);
  return {
    charter: charter.id,
    date,
    parties: [...parties],
    test,
    eligible: order.map((id, i) => ({ id, name: nameOf(id), rank: i + 1 })),
    excluded,
    lot: { seed, drawn: order[0] },
  };
}

/** A seeded Fisher–Yates shuffle of the sorted ids: the same seed and candidates give the same order. */
export function lot(ids: readonly string[], seed: number): string[] {
  const order = [...ids].sort();
  const rand = mulberry32(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function isMember(org: string, state: string, date: IsoDate): boolean {
  if (!world.organisations.some((o) => o.id === org)) return false;
  return membershipOn(org, state, date) !== 'non-member';
}

function worldNeighbours(id: string): string[] {
  return isStateId(id) ? stateById(id).neighbours.value : [];
}

function memberAttributes(charter: Charter, date: IsoDate): Map<string, Record<string, unknown>> {
  return new Map(institutionOn(charter, date).members.map((m) => [m.id, m.attributes]));
}

function nameOf(id: string): string {
  return isStateId(id) ? stateById(id).name : id;
}
