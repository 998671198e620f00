import {
  builtinCharter,
  builtinCharterIds,
  type Charter,
  CharterError,
  decisionGame,
  inForce,
  institutionOn,
  type Player,
  type Rule,
} from '@concert/engine';
import { UPLOADED, type Uploads, uploads } from '../uploads/store.ts';

export interface Selection {
  /** A built-in charter's id, UPLOADED (the session's uploaded charter) or GAME_FILE (its game file). */
  charter: string;
  body: string;
  category: string;
  /** Membership "as of" this date (YYYY-MM-DD). */
  date: string;
}

/** The address's name for the session's uploaded standalone game (players and one rule, no bodies). */
export const GAME_FILE = 'game-file';

export interface SelectedGame {
  players: Player[];
  rule: Rule;
  label: string;
  /** Where the rule is written, e.g. "UN Charter, Art. 27(3)". */
  cite: string;
}

/** The charters the lab can pick: the built-in ones, then the uploaded one if there is one. */
export function charterChoices(up: Uploads = uploads()): { id: string; label: string }[] {
  return [
    ...builtinCharterIds().map((id) => ({
      id,
      label: builtinCharter(id).short_name ?? builtinCharter(id).name,
    })),
    ...(up.charter
      ? [{ id: UPLOADED, label: `Uploaded: ${up.charter.charter.name} (${up.charter.source})` }]
      : []),
    ...(up.game ? [{ id: GAME_FILE, label: `Uploaded game: ${gameLabel(up)} (${up.game.source})` }] : []),
  ];
}

/** The charter an id names (null for the game file, which has no bodies). */
export function charterOf(id: string, up: Uploads = uploads()): Charter | null {
  if (id === UPLOADED) return up.charter?.charter ?? null;
  if (id === GAME_FILE) return null;
  return builtinCharter(id);
}

/** The selection the URL asks for, with every missing or unknown part replaced by a valid default. */
export function normaliseSelection(params: URLSearchParams, up: Uploads = uploads()): Selection {
  const ids = charterChoices(up).map((c) => c.id);
  const asked = params.get('charter') ?? '';
  // An address naming an upload after a reload (uploads live in memory only) falls back to the default.
  const charterId = ids.includes(asked) ? asked : defaultCharter(ids);
  const givenDate = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : null;
  const charter = charterOf(charterId, up);
  if (!charter) return { charter: charterId, body: '', category: '', date: givenDate ?? '' };
  const date = givenDate ?? charter.reference_date;
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

function gameLabel(up: Uploads): string {
  return up.game?.game.file.name ?? up.game?.source ?? '';
}

/** The players and rule of the selected decision on the date; a CharterError names what is wrong. */
export function selectedGame(selection: Selection, up: Uploads = uploads()): SelectedGame {
  if (selection.charter === GAME_FILE && up.game) {
    const { game, source } = up.game;
    return {
      players: game.players,
      rule: game.file.rule,
      label: `${gameLabel(up)} (game file)`,
      cite: `${source}, a standalone game file`,
    };
  }
  const charter = charterOf(selection.charter, up);
  if (!charter)
    throw new CharterError('the uploaded file is no longer here', selection.charter, [], 'upload it again');
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
