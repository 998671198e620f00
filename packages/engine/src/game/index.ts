import { CharterError } from '../charter/errors.ts';
import { fromZod, validateCharter } from '../charter/load.ts';
import { type GameFile, gameFileSchema } from '../charter/rule-schema.ts';
import type { Charter } from '../charter/schema.ts';
import { type Ballots, type Explanation, explain } from '../decide/index.ts';
import { readDocument } from '../document/index.ts';
import { ENGINE_VERSION } from '../manifest/index.ts';
import { sha256Hex } from '../manifest/sha256.ts';
import { canonicalJson } from '../record/index.ts';
import { type CompiledRule, compileRule, type Player, RuleError, type Vote } from '../rules/index.ts';

/** A standalone game: players with attributes and one rule — for analysts testing a rule outside any charter. */
export interface Game {
  file: GameFile;
  source: string;
  players: Player[];
  rule: CompiledRule;
  hash: string;
}

export function parseGame(
  text: string,
  options: { source: string; format?: 'yaml' | 'json' | 'auto' },
): Game {
  const read = readDocument(text, { source: options.source, format: options.format ?? 'auto' });
  if (!read.ok) {
    const e = read.error;
    throw new CharterError(e.message, e.source, e.path ?? [], e.hint, e.line, e.column);
  }
  return gameFrom(read.value, options.source, text);
}

export type CharterOrGame = { kind: 'charter'; charter: Charter } | { kind: 'game'; game: Game };

/**
 * A charter or a standalone game file, told apart as `concert power` does: a document with both `players` and
 * `rule` is a game, anything else is read as a charter (so a charter's errors are reported as a charter's).
 */
export function parseCharterOrGame(
  text: string,
  options: { source: string; format?: 'yaml' | 'json' | 'auto' },
): CharterOrGame {
  const read = readDocument(text, { source: options.source, format: options.format ?? 'auto' });
  if (!read.ok) {
    const e = read.error;
    throw new CharterError(e.message, e.source, e.path ?? [], e.hint, e.line, e.column);
  }
  const value = read.value;
  if (value !== null && typeof value === 'object' && 'players' in value && 'rule' in value)
    return { kind: 'game', game: gameFrom(value, options.source, text) };
  return { kind: 'charter', charter: validateCharter(value, options.source, text) };
}

export function gameFrom(value: unknown, source: string, text?: string): Game {
  const parsed = gameFileSchema.safeParse(value);
  if (!parsed.success) throw fromZod(parsed.error, source, text);
  const file = parsed.data;
  const seen = new Set<string>();
  file.players.forEach((p, i) => {
    if (seen.has(p.id))
      throw new CharterError(
        `duplicate player id "${p.id}"`,
        source,
        ['players', i, 'id'],
        'give each player a distinct id',
      );
    seen.add(p.id);
  });
  const players: Player[] = file.players.map(({ id, name, ...attributes }) => ({
    id,
    ...(name ? { name } : {}),
    attributes: attributes as Player['attributes'],
  }));
  try {
    const rule = compileRule(file.rule, players, ['rule']);
    return { file, source, players, rule, hash: `sha256:${sha256Hex(canonicalJson(file))}` };
  } catch (e) {
    if (e instanceof RuleError) throw new CharterError(e.message, source, e.path, e.hint);
    throw e;
  }
}

export interface GameDecision extends Explanation {
  game: string;
  manifest: { engine: string; game: { source: string; hash: string } };
}

/** Evaluates a ballot in a game file; players not named vote `unnamed` (default no). */
export function evaluateGame(game: Game, ballots: Ballots, unnamed: 'no' | 'absent' = 'no'): GameDecision {
  const known = new Set(game.players.map((p) => p.id));
  for (const id of Object.keys(ballots)) {
    if (!known.has(id))
      throw new CharterError(
        `"${id}" is not a player of this game`,
        game.source,
        ['players'],
        `players: ${[...known].join(', ')}`,
      );
  }
  const votes: Vote[] = game.players.map((p) => ballots[p.id] ?? unnamed);
  return {
    ...explain(
      game.rule,
      game.players,
      votes,
      game.players.map(() => true),
    ),
    game: game.file.name ?? game.source,
    manifest: { engine: ENGINE_VERSION, game: { source: game.source, hash: game.hash } },
  };
}

/** Whether a parsed document looks like a game file (it has players and a rule) rather than a charter. */
export function looksLikeGame(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'players' in value && 'rule' in value;
}
