import { describe, expect, it } from 'vitest';
import { builtinCharter } from '../builtin/index.ts';
import { decisionGame, institutionOn } from '../charter/institution.ts';
import published from '../data/published-power.json' with { type: 'json' };
import { compileRule } from '../rules/compile.ts';
import type { Rule } from '../rules/types.ts';
import { world } from '../world/index.ts';
import { analysePower } from './analyse.ts';
import { powerGameFromDecision } from './from.ts';
import { powerGameFromPlayers } from './game.ts';

const figure = published.figures.find((f) => f.id === 'eu27-qmv-winning-share')!;
const eu = builtinCharter('eu');

/** The exact share of the 2^27 coalitions that win, rounded as the publication prints it. */
function printedShare(winning: bigint, n: number): number {
  const scale = 10 ** figure.decimals;
  // Exact rounding of winning / 2^n to `decimals` places, in integers.
  return Number((winning * BigInt(scale) * 2n + (1n << BigInt(n))) / (2n << BigInt(n))) / scale;
}

function qmvVariant(populationSeries: string, states: number, population: string, blocking: boolean) {
  const members = institutionOn(eu, '2026-01-01', { populationSeries }).members;
  const main: Rule = {
    all: [
      { quota: { weight: 'count', at_least: '55%' } },
      { quota: { weight: 'count', at_least: states } },
      { quota: { weight: 'population', at_least: population } },
    ],
  };
  const rule: Rule = blocking
    ? { any: [main, { not: { quota: { weight: 'count', side: 'not_yes', at_least: 4 } } }] }
    : main;
  const r = analysePower(powerGameFromPlayers(members, compileRule(rule, members), 'variant'), {
    indices: ['banzhaf'],
  });
  return printedShare(r.winningCoalitions!, members.length);
}

describe('published EU27 values', () => {
  it('names a source the world data resolves, with its retrieval date', () => {
    expect(world.sources[figure.source]?.url).toMatch(/^https:\/\//);
    expect(figure.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  // Petróczy and Csató print 13.2 % without their population figures, so every series that covers the 27
  // is tried: the figure holds for each, and so does not depend on the vintage.
  it.each(['eu-council-2025', 'wb-wdi-2024', 'cia-factbook'])(
    'reproduces the share of winning coalitions under the EU27 QMV (13.2 %) with %s populations',
    (populationSeries) => {
      const inst = institutionOn(eu, '2026-01-01', { populationSeries });
      const game = powerGameFromDecision(decisionGame(inst, 'council', 'qmv'));
      expect(game.ids.length).toBe(figure.game.members);
      const r = analysePower(game, { indices: ['banzhaf'] });
      expect(r.exact).toBe(true);
      expect(r.winningCoalitions).toBeTypeOf('bigint');
      expect(printedShare(r.winningCoalitions!, game.ids.length)).toBe(figure.value);
    },
  );

  it('pins the population quota and the count of states, but not the four-member clause', () => {
    expect(qmvVariant('eu-council-2025', 15, '65%', true)).toBe(0.132);
    expect(qmvVariant('eu-council-2025', 15, '64%', true)).toBe(0.142);
    expect(qmvVariant('eu-council-2025', 15, '66%', true)).toBe(0.123);
    expect(qmvVariant('eu-council-2025', 16, '65%', true)).toBe(0.101);
    // Without the clause only a handful of the 2^27 coalitions change side: the printed figure cannot tell.
    expect(qmvVariant('eu-council-2025', 15, '65%', false)).toBe(0.132);
  });
});
