// What the map colours by. Each colouring sorts every OSCE participating State the engine knows into one of a few
// categories (with a colour and a label for the legend) and says in a sentence why.
import {
  type Charter,
  coverageOn,
  institutionOn,
  memberSince,
  membershipOn,
  stateIds,
} from '@concert/engine';

export interface Category {
  id: string;
  label: string;
  colour: string;
}

export interface StateShade {
  category: string;
  /** One sentence for the tooltip, the details panel and the table. */
  detail: string;
  /** The number behind a sequential colour (voting power). */
  value?: number;
}

export interface Colouring {
  title: string;
  categories: Category[];
  byState: Map<string, StateShade>;
  note?: string;
}

// Okabe–Ito hues (styles.css); greys for "not a member" and for land outside the question.
const BLUE = '#0072b2';
const SKY = '#56b4e9';
const ORANGE = '#e69f00';
const NON_MEMBER = '#c8c8c8';
export const OUTSIDE = '#eeeeee';

export const ORGANISATIONS = ['NATO', 'EU', 'CSTO', 'OSCE'] as const;
export type Organisation = (typeof ORGANISATIONS)[number];

function membershipCategories(name: string): Category[] {
  return [
    { id: 'member', label: `${name} member`, colour: BLUE },
    { id: 'suspended', label: 'member, participation suspended', colour: ORANGE },
    { id: 'non-member', label: `not a ${name} member`, colour: NON_MEMBER },
  ];
}

/** Membership of one organisation on a date, from the world data's event timelines. */
export function membershipColouring(organisation: Organisation, date: string): Colouring {
  const byState = new Map<string, StateShade>();
  for (const id of stateIds()) {
    const status = membershipOn(organisation, id, date);
    const since = memberSince(organisation, id, date);
    const detail =
      status === 'non-member'
        ? `Not a ${organisation} member on ${date}.`
        : `${organisation} member since ${since ?? 'an unrecorded date'}${status === 'suspended' ? '; participation suspended' : ''}.`;
    byState.set(id, { category: status, detail });
  }
  return {
    title: `${organisation} membership on ${date}`,
    categories: membershipCategories(organisation),
    byState,
  };
}

/** The continental charter's members as if it were in force on the date (it is a proposal). */
export function continentalColouring(continental: Charter, date: string): Colouring {
  const institution = institutionOn(continental, date);
  const members = new Set(institution.members.map((m) => m.id));
  const suspended = new Set(institution.suspended);
  const byState = new Map<string, StateShade>();
  for (const id of stateIds()) {
    const category = suspended.has(id) ? 'suspended' : members.has(id) ? 'member' : 'non-member';
    const detail =
      category === 'non-member'
        ? `Outside the continental alliance's membership clause on ${date}.`
        : `Within the continental alliance's membership clause on ${date} (a proposal, evaluated as if adopted).`;
    byState.set(id, { category, detail });
  }
  return {
    title: `Continental alliance (proposal) membership on ${date}`,
    categories: membershipCategories('continental alliance'),
    byState,
    note: 'The continental alliance is a proposal; its membership clause is applied to the date as if it were in force.',
  };
}

export const COVERAGE_CATEGORIES: Category[] = [
  { id: 'obligation', label: 'covered by an obligation to assist', colour: BLUE },
  { id: 'right', label: 'covered by a right to assist only', colour: SKY },
  { id: 'none', label: 'no legally binding guarantee', colour: ORANGE },
  { id: 'not-participating', label: 'not yet an OSCE participating State', colour: OUTSIDE },
];

/** Legally binding defence coverage on a date, from the engine's coverage module. */
export function coverageColouring(date: string, includeBilateral: boolean): Colouring {
  const coverage = coverageOn(date, { includeBilateral });
  const byState = new Map<string, StateShade>();
  for (const id of stateIds())
    byState.set(id, { category: 'not-participating', detail: `Not an OSCE participating State on ${date}.` });
  for (const { id, guarantees } of coverage.states) {
    const category = guarantees.some((g) => g.nature === 'obligation')
      ? 'obligation'
      : guarantees.length > 0
        ? 'right'
        : 'none';
    byState.set(id, { category, detail: coverage.explanations[id] ?? '' });
  }
  return {
    title: `Legally binding defence coverage on ${date}${includeBilateral ? ' (with bilateral treaties)' : ''}`,
    categories: COVERAGE_CATEGORIES,
    byState,
  };
}

// A blue–yellow sequential scale (after cividis), light for little power and dark for much; it stays ordered for
// readers with any common colour-vision deficiency and in greyscale.
const SEQUENTIAL = ['#fde945', '#cbb969', '#958f78', '#5f6570', '#1f3a6b'];

export interface PowerValues {
  label: string;
  /** Normalised Banzhaf index per member id. */
  values: Map<string, number>;
}

/** Voting power in five equal-width bands from zero to the largest index; non-members apart. */
export function powerColouring(power: PowerValues): Colouring {
  const max = Math.max(0, ...power.values.values());
  const width = max / SEQUENTIAL.length || 1;
  const categories: Category[] = SEQUENTIAL.map((colour, i) => ({
    id: `band-${i}`,
    label: `${(i * width).toFixed(3)} – ${((i + 1) * width).toFixed(3)}`,
    colour,
  }));
  categories.push({ id: 'not-member', label: 'not a member of this body', colour: NON_MEMBER });
  const byState = new Map<string, StateShade>();
  for (const id of stateIds()) {
    const value = power.values.get(id);
    if (value === undefined) {
      byState.set(id, { category: 'not-member', detail: `No vote in ${power.label}.` });
      continue;
    }
    const band = Math.min(SEQUENTIAL.length - 1, Math.floor(value / width));
    byState.set(id, {
      category: `band-${band}`,
      value,
      detail: `Normalised Banzhaf index ${value.toFixed(4)} in ${power.label}.`,
    });
  }
  return { title: `Voting power: ${power.label}`, categories, byState };
}

export function colourOf(colouring: Colouring, state: string): string {
  const shade = colouring.byState.get(state);
  return colouring.categories.find((c) => c.id === shade?.category)?.colour ?? OUTSIDE;
}

export function categoryLabel(colouring: Colouring, state: string): string {
  const shade = colouring.byState.get(state);
  return colouring.categories.find((c) => c.id === shade?.category)?.label ?? 'no data';
}

/** How many states fall in each category (for the legend). */
export function countsOf(colouring: Colouring): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { category } of colouring.byState.values())
    counts.set(category, (counts.get(category) ?? 0) + 1);
  return counts;
}

/** Stands in while the built-in charters load (a fraction of a second after the map is drawn). */
export function pendingColouring(title: string): Colouring {
  const byState = new Map<string, StateShade>();
  for (const id of stateIds()) byState.set(id, { category: 'pending', detail: 'Loading the charter…' });
  return { title, categories: [{ id: 'pending', label: 'loading the charter…', colour: OUTSIDE }], byState };
}
