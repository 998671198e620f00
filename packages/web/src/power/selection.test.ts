import { builtinCharterSource, parseCharter, parseGame } from '@concert/engine';
import { describe, expect, it } from 'vitest';
import { UPLOADED } from '../uploads/store.ts';
import { GAME_FILE, normaliseSelection, selectedGame } from './selection.ts';

const GAME =
  'name: Pair\nplayers: [{ id: A, votes: 2 }, { id: B, votes: 1 }]\nrule: { quota: { weight: votes, at_least: 2 } }\n';

describe('the power lab’s choice of an uploaded charter or game file', () => {
  it('picks the uploaded charter’s bodies and reference date, as for a built-in one', () => {
    const charter = parseCharter(builtinCharterSource('unsc')!.replace(/^name: .*$/m, 'name: My council'), {
      source: 'mine.yaml',
    });
    const up = { charter: { charter, source: 'mine.yaml' } };
    const s = normaliseSelection(new URLSearchParams(`charter=${UPLOADED}`), up);
    expect(s).toMatchObject({ charter: UPLOADED, body: charter.bodies[0]!.id, date: charter.reference_date });
    expect(selectedGame(s, up).players.length).toBe(15);
  });

  it('takes a game file’s players and rule, with no body or date, and falls back when it is gone', () => {
    const game = parseGame(GAME, { source: 'pair.yaml' });
    const up = { game: { game, source: 'pair.yaml' } };
    const s = normaliseSelection(new URLSearchParams(`charter=${GAME_FILE}`), up);
    expect(s).toMatchObject({ charter: GAME_FILE, body: '', category: '' });
    const selected = selectedGame(s, up);
    expect(selected.players.map((p) => p.id)).toEqual(['A', 'B']);
    expect(selected.rule).toEqual(game.file.rule);
    expect(normaliseSelection(new URLSearchParams(`charter=${GAME_FILE}`), {}).charter).toBe('continental');
  });
});
