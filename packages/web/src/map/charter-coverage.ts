// A charter's own guarantee drawn on the map: which of its members on a date its collective-defence clause (the
// guarantee triggered by an armed attack) protects, and whether as an obligation or only a right to assist.
import { type Charter, type CharterGuarantee, institutionOn, stateIds } from '@concert/engine';
import type { Category, Colouring, StateShade } from './colourings.ts';

const CATEGORIES: Category[] = [
  { id: 'obligation', label: 'member, covered by an obligation to assist', colour: '#0072b2' },
  { id: 'right', label: 'member, covered by a right to assist only', colour: '#56b4e9' },
  { id: 'none', label: 'member, no guarantee against armed attack', colour: '#e69f00' },
  { id: 'not-member', label: 'not a member on the date', colour: '#c8c8c8' },
];

export function mainGuarantee(charter: Charter): CharterGuarantee | undefined {
  return charter.guarantees.find((g) => g.triggers.includes('armed-attack'));
}

function covers(g: CharterGuarantee, state: string): boolean {
  const geography = g.geography;
  if (!geography) return true;
  if (geography.exclude?.includes(state)) return false;
  return geography.covers !== 'listed' || (geography.states ?? []).includes(state);
}

export function charterCoverageColouring(charter: Charter, date: string): Colouring {
  const institution = institutionOn(charter, date);
  const members = new Set([...institution.members.map((m) => m.id), ...institution.suspended]);
  const g = mainGuarantee(charter);
  const byState = new Map<string, StateShade>();
  for (const id of stateIds()) {
    if (!members.has(id)) {
      byState.set(id, { category: 'not-member', detail: `Not a member of ${charter.id} on ${date}.` });
    } else if (!g || g.nature === 'none' || !covers(g, id)) {
      byState.set(id, { category: 'none', detail: 'Member; no guarantee against armed attack covers it.' });
    } else {
      byState.set(id, {
        category: g.nature,
        detail: `${g.title} (${g.nature}${g.legally_binding ? ', legally binding' : ', political'}).`,
      });
    }
  }
  return {
    title: `${charter.short_name ?? charter.name} on ${date}`,
    categories: CATEGORIES,
    byState,
    note: g ? `Guarantee: ${g.title} — ${g.cite}` : 'The charter has no guarantee against armed attack.',
  };
}
