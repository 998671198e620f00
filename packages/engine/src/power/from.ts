import type { DecisionGame } from '../charter/institution.ts';
import type { Game } from '../game/index.ts';
import { type PowerGame, powerGameFromPlayers } from './game.ts';

/** The simple game of a charter's decision category on a date (its players after recusal). */
export function powerGameFromDecision(d: DecisionGame): PowerGame {
  const label = `${d.institution.charter.id} ${d.body.id}/${d.category.id} on ${d.institution.date}`;
  return powerGameFromPlayers(d.players, d.rule, label);
}

/** The simple game of a standalone game file. */
export function powerGameFromGame(g: Game): PowerGame {
  return powerGameFromPlayers(g.players, g.rule, g.file.name ?? g.source);
}
