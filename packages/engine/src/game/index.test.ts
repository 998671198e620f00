import { describe, expect, it } from 'vitest';
import { CHARTER_SOURCES } from '../builtin/sources.generated.ts';
import type { CharterError } from '../charter/errors.ts';
import { parseCharterOrGame } from './index.ts';

const GAME = `name: three
players:
  - { id: A, votes: 3 }
  - { id: B, votes: 2 }
  - { id: C, votes: 1 }
rule:
  quota: { weight: votes, at_least: 4 }
`;

describe('parseCharterOrGame', () => {
  it('reads a document with players and a rule as a game, anything else as a charter', () => {
    const game = parseCharterOrGame(GAME, { source: 'three.yaml' });
    expect(game.kind).toBe('game');
    if (game.kind === 'game') expect(game.game.players.map((p) => p.id)).toEqual(['A', 'B', 'C']);
    const charter = parseCharterOrGame(CHARTER_SOURCES.unsc!, { source: 'unsc.yaml' });
    expect(charter.kind === 'charter' && charter.charter.id).toBe('unsc');
  });

  it("reports a game's and a charter's problems with the line, as the CLI does", () => {
    const bad = (text: string) => {
      try {
        parseCharterOrGame(text, { source: 'x.yaml' });
      } catch (e) {
        return e as CharterError;
      }
      throw new Error('accepted');
    };
    expect(bad(GAME.replace('at_least: 4', 'at_least: many')).line).toBe(7);
    const charter = bad(CHARTER_SOURCES.unsc!.replace(/^id: unsc$/m, 'id: [unsc'));
    expect(charter.line).toBeGreaterThan(0);
    expect(bad('- a\n- b\n').message).toMatch(/./);
  });
});
