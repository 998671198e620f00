import {
  builtinCharter,
  builtinCharterIds,
  CharterError,
  decisionGame,
  inForce,
  institutionOn,
  type Player,
  type Rule,
} from '@concert/engine';

export interface Selection {
  charter: string;
  body: string;
  category: string;
  /** Membership "as of" this date (YYYY-MM-DD). */
  date: string;
}

export interface SelectedGame {
  players: Player[];
  rule: Rule;
  label: string;
  /** Where the rule is written, e.g. "UN Charter, Art. 27(3)". */
  cite: string;
}

export const charterIds = builtinCharterIds;

/** The selection the URL asks for, with every missing or unknown part replaced by a valid default. */
export function normaliseSelection(params: URLSearchParams): Selection {
  const ids = builtinCharterIds();
  const charterId = ids.includes(params.get('charter') ?? '') ? params.get('charter')! : defaultCharter(ids);
  const charter = builtinCharter(charterId);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '')
    ? params.get('date')!
    : charter.reference_date;
  const body = charter.bodies.find((b) => b.id === params.get('body')) ?? charter.bodies[0]!;
  const category =
    body.categories.find((c) => c.id === params.get('category')) ??
    body.categories.find((c) => inForce(c, date)) ??
    body.categories[0]!;
  return { charter: charterId, body: body.id, category: category.id, date };
}

function defaultCharter(ids: string[]): string {
  return ids.includes('continental') ? 'continental' : ids[0]!;
}

/** The players and rule of the selected decision on the date; a CharterError names what is wrong. */
export function selectedGame(selection: Selection): SelectedGame {
  const charter = builtinCharter(selection.charter);
  const institution = institutionOn(charter, selection.date);
  const decision = decisionGame(institution, selection.body, selection.category);
  return {
    players: decision.players,
    rule: decision.category.rule,
    label: `${charter.short_name ?? charter.name}: ${decision.body.name} — ${decision.category.name}, members as of ${selection.date}`,
    cite: decision.category.cite,
  };
}

export function messageOf(e: unknown): string {
  if (e instanceof CharterError) return `${e.message}${e.hint ? ` (${e.hint})` : ''}`;
  if (e instanceof Error) return e.message;
  return String(e);
}
