import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCharter } from '../builtin/index.ts';
import { decisionGame, institutionOn } from '../charter/institution.ts';
import { compileRule } from '../rules/compile.ts';
import type { Player } from '../rules/players.ts';
import type { Rule } from '../rules/types.ts';
import { analysePower } from './analyse.ts';
import { enumerateCoalitions } from './enumerate.ts';
import { powerGameFromDecision } from './from.ts';
import { powerGameFromPlayers } from './game.ts';
import { linearForm } from './linear.ts';
import { regionalForm } from './regional-form.ts';
import { regionalCounts } from './regional-mitm.ts';
import { regionalPlan } from './regional-plan.ts';

const counts = (c: { swingsBySize: bigint[][]; winningBySize: bigint[] }) =>
  JSON.stringify({ s: c.swingsBySize.map((r) => r.map(String)), w: c.winningBySize.map(String) });

// Games of the continental council's family, small enough to enumerate: tiers, regions, a population weight
// (zeros and ties included), quotas at and just past thresholds, and a regional clause.
const gameArb = fc.record({
  pops: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400 })), {
    minLength: 10,
    maxLength: 16,
  }),
  regions: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 16, maxLength: 16 }),
  large: fc.integer({ min: 0, max: 5 }),
  count: fc.integer({ min: 0, max: 100 }),
  pop: fc.integer({ min: 0, max: 100 }),
  largeShare: fc.integer({ min: 0, max: 100 }),
  smallShare: fc.integer({ min: 0, max: 100 }),
  atLeast: fc.integer({ min: 1, max: 5 }),
  strict: fc.boolean(),
  fraction: fc.constantFrom('1/2', '2/3', '1/3'),
  unitWeight: fc.integer({ min: 1, max: 50 }),
  // Sometimes no regional clause, or one over the small states only (the large ones then in no group).
  clause: fc.constantFrom('groups', 'groups of small states', 'none'),
});

type GameSpec = typeof gameArb extends fc.Arbitrary<infer T> ? T : never;

function buildGame(g: GameSpec) {
  const players: Player[] = g.pops.map((w, i) => ({
    id: `P${i}`,
    // One member is heavy enough that population stays a big weight (above 4096 in all), not a small criterion.
    attributes: {
      pop: w * g.unitWeight + (i === 0 ? 5000 : 0),
      tier: i < g.large ? 'large' : 'small',
      region: `R${g.regions[i]}`,
    },
  }));
  const regionCount = new Set(g.regions.slice(0, g.pops.length)).size;
  const bound = g.strict ? { more_than: g.fraction } : { at_least: g.fraction };
  const rule: Rule = {
    all: [
      { quota: { weight: 'count', at_least: `${g.count}%` } },
      { quota: { weight: 'pop', at_least: `${g.pop}%` } },
      { quota: { weight: 'count', at_least: `${g.largeShare}%`, where: { tier: 'large' } } },
      { quota: { weight: 'count', at_least: `${g.smallShare}%`, where: { tier: 'small' } } },
      ...(g.clause === 'none'
        ? []
        : [
            {
              groups: {
                by: 'region',
                at_least: Math.min(g.atLeast, regionCount),
                rule: { quota: { weight: 'count', ...bound } },
                ...(g.clause === 'groups' ? {} : { where: { tier: 'small' } }),
              },
            },
          ]),
    ],
  };
  return { players, compiled: compileRule(rule, players) };
}

describe('regional meet in the middle', () => {
  it('gives the same counts as exhaustive enumeration on games with tiers, regions and a population weight', () => {
    let ran = 0;
    fc.assert(
      fc.property(gameArb, (g) => {
        const { players, compiled } = buildGame(g);
        const form = regionalForm(compiled, players.length);
        expect(form).not.toBeNull();
        const plan = regionalPlan(form!);
        expect(plan).not.toBeNull();
        ran++;
        expect(counts(regionalCounts(plan!))).toBe(
          counts(enumerateCoalitions(linearForm(compiled, players.length))),
        );
      }),
      { numRuns: 150 },
    );
    expect(ran).toBe(150);
  });

  it('is exact for the continental council’s major security actions, and agrees with sampling', () => {
    const game = powerGameFromDecision(
      decisionGame(
        institutionOn(builtinCharter('continental'), '2026-01-01'),
        'council',
        'major-security-action',
      ),
    );
    const exact = analysePower(game);
    expect(exact.method).toBe('regional-meet-in-the-middle');
    expect(exact.exact).toBe(true);
    expect(exact.errorBound).toBe(0);
    expect(exact.winningCoalitions).toBe(1_259_194_916_533n);
    expect(exact.blocking.smallestWinning).toMatchObject({ size: 32, proven: true });
    expect(exact.blocking.smallestBlocking).toMatchObject({ size: 3, proven: true, count: 7n });
    // The report lists smallest winning coalitions, found by trimming the membership: each wins with 32.
    const linear = linearForm(game.rule, game.ids.length);
    const wins = (ids: string[]) => {
      const sums = new Float64Array(linear.leaves.length);
      for (const id of ids) for (const t of linear.touches[game.ids.indexOf(id)]!) sums[t.leaf]! += t.coef;
      return linear.wins(sums);
    };
    expect(exact.blocking.smallestWinning.examples.length).toBeGreaterThan(0);
    for (const c of exact.blocking.smallestWinning.examples) {
      expect(c).toHaveLength(32);
      expect(wins(c)).toBe(true);
    }
    expect(exact.players.reduce((s, p) => s + p.shapley!, 0)).toBeCloseTo(1, 12);
    const sampled = analysePower(game, { method: 'monte-carlo', samples: 40_000 });
    expect(Math.abs(sampled.passProbability - exact.passProbability)).toBeLessThan(sampled.errorBound);
    for (const p of exact.players) {
      const q = sampled.players.find((x) => x.id === p.id)!;
      expect(Math.abs(q.banzhafAbsolute - p.banzhafAbsolute)).toBeLessThan(sampled.errorBound);
      expect(Math.abs(q.shapley! - p.shapley!)).toBeLessThan(sampled.errorBound);
    }
  }, 120_000);

  it('estimates its memory first: over the limit it is not chosen (sampling instead) and refuses when forced', () => {
    const game = powerGameFromDecision(
      decisionGame(
        institutionOn(builtinCharter('continental'), '2026-01-01'),
        'council',
        'major-security-action',
      ),
    );
    const plan = regionalPlan(regionalForm(game.rule, game.ids.length)!)!;
    expect(plan.bytes).toBeGreaterThan(100 * 1024 ** 2);
    expect(plan.bytes).toBeLessThan(400 * 1024 ** 2);
    const limited = analysePower(game, { maxBytes: 50 * 1024 ** 2, samples: 2_000 });
    expect(limited.method).toBe('monte-carlo');
    expect(limited.notes[0]).toMatch(/regional meet-in-the-middle would need about 0\.\d\d GiB/);
    expect(() =>
      analysePower(game, { method: 'regional-meet-in-the-middle', maxBytes: 50 * 1024 ** 2 }),
    ).toThrow(/over the limit/);
  });

  it('reports progress and stops when asked to', async () => {
    const { CancelledError } = await import('./counts.ts');
    const { players, compiled } = buildGame({
      pops: [900, 700, 650, 40, 30, 30, 20, 10, 10, 5, 0, 3, 8, 12],
      regions: [0, 1, 2, 0, 0, 1, 1, 2, 2, 3, 3, 3, 4, 4, 0, 0],
      large: 3,
      count: 60,
      pop: 60,
      largeShare: 60,
      smallShare: 60,
      atLeast: 4,
      strict: true,
      fraction: '1/2',
      unitWeight: 10,
      clause: 'groups',
    });
    const plan = regionalPlan(regionalForm(compiled, players.length)!)!;
    const seen: number[] = [];
    regionalCounts(plan, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1]).toBeCloseTo(1, 12);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true);
    expect(() => regionalCounts(plan, { shouldStop: () => 'time limit' })).toThrow(CancelledError);
  });

  it('declines rules whose groups are too many and too small for per-class tables (a group per member)', () => {
    const players: Player[] = Array.from({ length: 40 }, (_, i) => ({
      id: `P${i}`,
      attributes: { pop: 1000 + i * 37, own: `G${i}` },
    }));
    const rule = compileRule(
      {
        all: [
          { quota: { weight: 'pop', at_least: '60%' } },
          { groups: { by: 'own', at_least: 25, rule: { quota: { weight: 'count', more_than: '1/2' } } } },
        ],
      },
      players,
    );
    const form = regionalForm(rule, players.length);
    expect(form).not.toBeNull();
    expect(regionalPlan(form!)).toBeNull();
  });

  it('is chosen only for rules of its family, and refuses when forced on another rule', () => {
    const players: Player[] = [3, 1, 4, 1, 5].map((w, i) => ({
      id: `P${i}`,
      attributes: { w, r: `R${i % 2}` },
    }));
    const anyRule = compileRule(
      { any: [{ quota: { weight: 'w', at_least: 8 } }, { quota: { weight: 'count', at_least: 4 } }] },
      players,
    );
    expect(regionalForm(anyRule, players.length)).toBeNull();
    expect(() =>
      analysePower(powerGameFromPlayers(players, anyRule, 'any'), { method: 'regional-meet-in-the-middle' }),
    ).toThrow(/cannot run/);
  });
});
