import type { Body, Charter, Player } from '@concert/engine';

// The presidency is computed from the charter, never typed in. Charters describe it in words, so the server
// reads three things from the description, deterministically:
//   term length: "one calendar month"/"monthly" → 1 month; "yearly"/"one year" → 12; otherwise six months;
//   order: "region" → round-robin across the regions (UN M49 subregions in the order below), and within a
//     region alphabetical by member id; "alphabetical order of their names" → by English name; otherwise by id;
//   no rotation among members when the chair is elected or is an official ("elected", "Secretary General").
// Terms start on the institution's adoption date and follow each other without gaps.
export const REGION_ORDER = [
  'Northern Europe',
  'Western Europe',
  'Southern Europe',
  'Eastern Europe',
  'Western Asia',
  'Central Asia',
  'Eastern Asia',
  'Northern America',
];

export interface PresidencyTerm {
  /** 0 for the first term after adoption. */
  term: number;
  from: string;
  /** Last day of the term, inclusive. */
  to: string;
  member: string;
  name?: string;
}

export interface Rotation {
  months: number;
  order: string[];
  rule: string;
}

export function rotationOf(body: Body, members: Player[]): Rotation | undefined {
  const text = body.presidency?.description;
  if (!text || /elected|secretary general/i.test(text)) return undefined;
  const months = /calendar month|monthly/i.test(text) ? 1 : /yearly|one year|annual/i.test(text) ? 12 : 6;
  const byId = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (/region/i.test(text)) {
    const groups = new Map<string, string[]>();
    for (const m of byId) {
      const region = String(m.attributes.subregion ?? '');
      groups.set(region, [...(groups.get(region) ?? []), m.id]);
    }
    const regions = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
    const order: string[] = [];
    const longest = Math.max(...[...groups.values()].map((g) => g.length));
    for (let round = 0; round < longest * regions.length; round++) {
      const region = groups.get(regions[round % regions.length]!)!;
      const pick = region[Math.floor(round / regions.length) % region.length]!;
      order.push(pick);
    }
    return {
      months,
      order,
      rule: `${months}-month terms, round-robin across the regions (${regions.join(', ')}), alphabetical by member id within a region`,
    };
  }
  if (/alphabetical order of their names/i.test(text)) {
    const order = [...members]
      .sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id, 'en'))
      .map((m) => m.id);
    return { months, order, rule: `${months}-month terms in English alphabetical order of names` };
  }
  return {
    months,
    order: byId.map((m) => m.id),
    rule: `${months}-month terms in alphabetical order of member ids`,
  };
}

function rank(region: string): number {
  const i = REGION_ORDER.indexOf(region);
  return i < 0 ? REGION_ORDER.length : i;
}

/** The term of the presidency running on `date` for an institution adopted on `adoptedOn`. */
export function presidencyOn(
  charter: Charter,
  bodyId: string,
  members: Player[],
  adoptedOn: string,
  date: string,
): (PresidencyTerm & { rule: string }) | undefined {
  const body = charter.bodies.find((b) => b.id === bodyId);
  if (!body || date < adoptedOn) return undefined;
  const rotation = rotationOf(body, members);
  if (!rotation || rotation.order.length === 0) return undefined;
  let term = monthsBetween(adoptedOn, date) / rotation.months;
  term = Math.floor(term);
  // monthsBetween counts whole months; step back if the day of month has not been reached.
  while (addMonths(adoptedOn, term * rotation.months) > date) term--;
  const from = addMonths(adoptedOn, term * rotation.months);
  const to = previousDay(addMonths(adoptedOn, (term + 1) * rotation.months));
  const member = rotation.order[term % rotation.order.length]!;
  const name = members.find((m) => m.id === member)?.name;
  return { term, from, to, member, ...(name ? { name } : {}), rule: rotation.rule };
}

function monthsBetween(a: string, b: string): number {
  const [ya, ma] = [Number(a.slice(0, 4)), Number(a.slice(5, 7))];
  const [yb, mb] = [Number(b.slice(0, 4)), Number(b.slice(5, 7))];
  return (yb - ya) * 12 + (mb - ma);
}

/** Adds calendar months, clamping the day to the month's length (2026-08-31 + 6 months → 2027-02-28). */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

function previousDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
