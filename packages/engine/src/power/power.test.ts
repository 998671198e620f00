import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCharter } from '../builtin/index.ts';
import { decisionGame, institutionOn } from '../charter/institution.ts';
import { compileRule } from '../rules/compile.ts';
import type { Player } from '../rules/players.ts';
import type { Rule } from '../rules/types.ts';
import { populationOf, world } from '../world/index.ts';
import { analysePower } from './analyse.ts';
import { enumerateCoalitions } from './enumerate.ts';
import { powerGameFromDecision } from './from.ts';
import { powerGameFromPlayers, powerGameFromWeights, thresholdForm } from './game.ts';
import { indicesFrom } from './indices.ts';
import { linearForm } from './linear.ts';
import { meetInTheMiddle } from './mitm.ts';
import { sizeGeneratingFunction } from './size-gf.ts';
import { weightedGeneratingFunction } from './weighted-gf.ts';

const counts = (c: { swingsBySize: bigint[][]; winningBySize: bigint[] }) =>
  JSON.stringify({ s: c.swingsBySize.map((r) => r.map(String)), w: c.winningBySize.map(String) });

describe('published values', () => {
  it('reproduces the UN Security Council: Shapley–Shubik 0.1963 and Banzhaf 0.1669 for a permanent member', () => {
    const g = powerGameFromDecision(
      decisionGame(institutionOn(builtinCharter('unsc'), '2026-01-01'), 'security-council', 'substantive'),
    );
    const r = analysePower(g);
    const usa = r.players.find((p) => p.id === 'USA')!;
    const dnk = r.players.find((p) => p.id === 'DNK')!;
    expect(usa.shapley).toBeCloseTo(0.19627, 5);
    expect(dnk.shapley).toBeCloseTo(0.001865, 6);
    expect(usa.banzhaf).toBeCloseTo(0.1669, 4);
    expect(dnk.banzhaf).toBeCloseTo(0.0165, 4);
    expect(r.blocking.blockAlone.sort()).toEqual(['CHN', 'FRA', 'GBR', 'RUS', 'USA']);
    expect(r.winningCoalitions).toBe(848n);
  });
});

// Random rules of the threshold family (a member count and one weight) for cross-checking the exact methods.
const thresholdRuleArb: fc.Arbitrary<Rule> = fc
  .tuple(
    fc.integer({ min: 1, max: 100 }),
    fc.integer({ min: 0, max: 100 }),
    fc.integer({ min: 1, max: 6 }),
    fc.boolean(),
  )
  .map(([wq, cq, block, withBlocking]) => {
    const main: Rule = {
      all: [
        { quota: { weight: 'w', at_least: `${wq}%` } },
        { quota: { weight: 'count', at_least: `${cq}%` } },
      ],
    };
    return withBlocking
      ? { any: [main, { not: { quota: { weight: 'count', side: 'not_yes', at_least: block } } }] }
      : main;
  });
const playersArb = fc
  .array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 11 })
  .map((ws) => ws.map((w, i): Player => ({ id: `P${i}`, attributes: { w } })));

describe('exact methods agree', () => {
  it('generating function, meet-in-the-middle and enumeration give identical counts, zero weights included', () => {
    fc.assert(
      fc.property(thresholdRuleArb, playersArb, (rule, players) => {
        const compiled = compileRule(rule, players);
        const form = thresholdForm(compiled, players.length)!;
        expect(form).not.toBeNull();
        const byEnumeration = counts(enumerateCoalitions(linearForm(compiled, players.length)));
        expect(counts(sizeGeneratingFunction(form))).toBe(byEnumeration);
        expect(counts(sizeGeneratingFunction(form, undefined, true))).toBe(byEnumeration);
        expect(counts(meetInTheMiddle(form))).toBe(byEnumeration);
      }),
      { numRuns: 300 },
    );
  });

  it('meet-in-the-middle agrees with enumeration on EU-like rules with tied weights, zero weights and quotas met exactly', () => {
    const arb = fc.record({
      ws: fc.array(fc.constantFrom<number>(0, 1, 2, 3, 5, 5, 8, 13), { minLength: 1, maxLength: 13 }),
      pick: fc.array(fc.boolean(), { minLength: 13, maxLength: 13 }),
      countQuota: fc.integer({ min: 0, max: 13 }),
      blockers: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(arb, ({ ws, pick, countQuota, blockers }) => {
        const players = ws.map((w, i): Player => ({ id: `P${i}`, attributes: { w } }));
        // The quota is the exact weight of some coalition, so coalitions at the quota exist and must win.
        const quota = ws.reduce((s, w, i) => s + (pick[i] ? w : 0), 0);
        const rule: Rule = {
          any: [
            {
              all: [
                { quota: { weight: 'w', at_least: quota } },
                { quota: { weight: 'count', at_least: Math.min(countQuota, ws.length) } },
              ],
            },
            { not: { quota: { weight: 'count', side: 'not_yes', at_least: blockers } } },
          ],
        };
        const compiled = compileRule(rule, players);
        const form = thresholdForm(compiled, players.length)!;
        expect(counts(meetInTheMiddle(form))).toBe(
          counts(enumerateCoalitions(linearForm(compiled, players.length))),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('meet-in-the-middle agrees with the size generating function on 34 players (halves of 17, masks past 16 bits)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 34, maxLength: 34 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 0, max: 34 }),
        (ws, pct, count) => {
          const players = ws.map((w, i): Player => ({ id: `P${i}`, attributes: { w } }));
          const rule: Rule = {
            all: [
              { quota: { weight: 'w', at_least: `${pct}%` } },
              { quota: { weight: 'count', at_least: count } },
            ],
          };
          const form = thresholdForm(compileRule(rule, players), 34)!;
          expect(counts(meetInTheMiddle(form))).toBe(counts(sizeGeneratingFunction(form)));
        },
      ),
      { numRuns: 8 },
    );
  });

  it('one-weight generating function (Banzhaf only) agrees with enumeration, zero weights included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 100 }),
        (ws, pct) => {
          const game = powerGameFromWeights(ws, `${pct}%`);
          const fast = analysePower(game, { indices: ['banzhaf'] });
          expect(fast.method).toBe('weighted-generating-function');
          const slow = analysePower(game, { method: 'enumeration' });
          expect(fast.players.map((p) => p.swings)).toEqual(slow.players.map((p) => p.swings));
          expect(fast.winningCoalitions).toBe(slow.winningCoalitions);
          expect(fast.blocking.smallestWinning.size).toBe(slow.blocking.smallestWinning.size);
          expect(fast.blocking.smallestBlocking.size).toBe(slow.blocking.smallestBlocking.size);
          const quota = thresholdForm(game.rule, ws.length)!.minWeight[ws.length]!;
          const modular = weightedGeneratingFunction(ws, quota, undefined, true);
          expect(modular.swings).toEqual(slow.players.map((p) => p.swings));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('one-weight generating function: exact doubles equal the two-prime path bit for bit on the 57 OSCE states', () => {
    const ids = world.states.map((s) => s.id);
    const weights = ids.map((id) => Math.max(1, Math.round(populationOf(id, 'cia-factbook')! / 1000)));
    const total = weights.reduce((a, b) => a + b, 0);
    for (const quota of [Math.ceil(total / 2), Math.ceil((total * 65) / 100), total - 1, 2]) {
      const direct = weightedGeneratingFunction(weights, quota);
      const modular = weightedGeneratingFunction(weights, quota, undefined, true);
      expect(direct.swings).toEqual(modular.swings);
      expect(direct.winning).toBe(modular.winning);
      if (quota === Math.ceil(total / 2)) expect(direct.swings.some((s) => s > 2n ** 53n)).toBe(true);
    }
  });

  it('one-weight generating function agrees with enumeration when light and heavy members mix (long alternating sums)', () => {
    const arb = fc.record({
      light: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 6 }),
      heavy: fc.array(fc.integer({ min: 50, max: 5000 }), { minLength: 1, maxLength: 7 }),
      at: fc.integer({ min: 0, max: 10_000 }),
    });
    fc.assert(
      fc.property(arb, ({ light, heavy, at }) => {
        const ws = [...heavy, ...light];
        const total = ws.reduce((a, b) => a + b, 0);
        // Quotas anywhere, including exactly a coalition's weight (ties at the quota) and beyond the total.
        const quota = at % 3 === 0 ? heavy[0]! + (light[0] ?? 0) : (at % (total + 2)) + 1;
        const game = powerGameFromWeights(ws, quota);
        const fast = weightedGeneratingFunction(ws, quota);
        const slow = analysePower(game, { method: 'enumeration' });
        expect(fast.swings).toEqual(slow.players.map((p) => p.swings));
        expect(fast.winning).toBe(slow.winningCoalitions);
      }),
      { numRuns: 300 },
    );
  });

  it('counts minimal winning coalitions as enumeration does, one-weight games (no size table) included', async () => {
    const { minimalWinningCount } = await import('./blocking.ts');
    const brute = (form: NonNullable<ReturnType<typeof thresholdForm>>) => {
      const n = form.weights.length;
      const wins = (mask: number) => {
        let w = 0;
        let k = 0;
        for (let i = 0; i < n; i++) {
          if (!(mask & (1 << i))) continue;
          w += form.weights[i]!;
          k++;
        }
        return w >= form.minWeight[k]!;
      };
      let count = 0n;
      for (let mask = 0; mask < 1 << n; mask++) {
        if (!wins(mask)) continue;
        let minimal = true;
        for (let i = 0; i < n && minimal; i++) if (mask & (1 << i) && wins(mask & ~(1 << i))) minimal = false;
        if (minimal) count++;
      }
      return count;
    };
    fc.assert(
      fc.property(thresholdRuleArb, playersArb, fc.integer({ min: 1, max: 100 }), (rule, players, pct) => {
        const mixed = thresholdForm(compileRule(rule, players), players.length)!;
        expect(minimalWinningCount(mixed)).toBe(brute(mixed));
        const ws = players.map((p) => p.attributes.w as number);
        const weighted = thresholdForm(powerGameFromWeights(ws, `${pct}%`).rule, ws.length)!;
        expect(minimalWinningCount(weighted)).toBe(brute(weighted));
      }),
      { numRuns: 300 },
    );
  });

  it('keyed meet-in-the-middle agrees with enumeration on rules with several small criteria and one large weight', async () => {
    const { keyedForm } = await import('./keyed.ts');
    const { keyedMeetInTheMiddle } = await import('./keyed-mitm.ts');
    const arb = fc.record({
      votes: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 2, maxLength: 12 }),
      pop: fc.array(fc.integer({ min: 0, max: 90_000 }), { minLength: 12, maxLength: 12 }),
      v: fc.integer({ min: 1, max: 100 }),
      p: fc.integer({ min: 1, max: 100 }),
      c: fc.integer({ min: 0, max: 100 }),
      special: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(arb, ({ votes, pop, v, p, c, special }) => {
        const players: Player[] = votes.map((w, i) => ({
          id: `P${i}`,
          attributes: { votes: w, pop: pop[i]! + 10_000, big: i < special },
        }));
        const rule: Rule = {
          all: [
            { quota: { weight: 'votes', at_least: `${v}%` } },
            { quota: { weight: 'pop', at_least: `${p}%` } },
            {
              any: [
                { quota: { weight: 'count', at_least: `${c}%` } },
                { consensus: { where: { big: true } } },
              ],
            },
          ],
        };
        const compiled = compileRule(rule, players);
        const keyed = keyedForm(linearForm(compiled, players.length));
        expect(keyed).not.toBeNull();
        expect(counts(keyedMeetInTheMiddle(keyed!))).toBe(
          counts(enumerateCoalitions(linearForm(compiled, players.length))),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('hybrid (few distinct members enumerated, generating function over the rest) agrees with enumeration', async () => {
    const { hybridPlan, hybridCounts } = await import('./hybrid.ts');
    const arb = fc.record({
      pop: fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 8, maxLength: 14 }),
      large: fc.integer({ min: 1, max: 4 }),
      p: fc.integer({ min: 1, max: 100 }),
      l: fc.integer({ min: 0, max: 100 }),
      s: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(arb, ({ pop, large, p, l, s }) => {
        const players: Player[] = pop.map((w, i) => ({
          id: `P${i}`,
          attributes: { pop: w * 10, tier: i < large ? 'large' : 'small' },
        }));
        const rule: Rule = {
          all: [
            { quota: { weight: 'pop', at_least: `${p}%` } },
            { quota: { weight: 'count', at_least: `${l}%`, where: { tier: 'large' } } },
            { quota: { weight: 'count', at_least: `${s}%`, where: { tier: 'small' } } },
          ],
        };
        const compiled = compileRule(rule, players);
        const linear = linearForm(compiled, players.length);
        const plan = hybridPlan(linear);
        expect(plan?.enumerated).toHaveLength(large);
        expect(counts(hybridCounts(linear, plan!))).toBe(counts(enumerateCoalitions(linear)));
      }),
      { numRuns: 150 },
    );
  });

  it('gives a zero-weight member no power in a pure weighted game, and real power once members are counted too', () => {
    const weighted = analysePower(powerGameFromWeights([5, 3, 0, 2], 6));
    expect(weighted.players[2]).toMatchObject({ swings: 0n, banzhaf: 0, shapley: 0 });
    const players: Player[] = [5, 3, 0, 2].map((w, i) => ({ id: `P${i}`, attributes: { w } }));
    const both = compileRule(
      { all: [{ quota: { weight: 'w', at_least: 5 } }, { quota: { weight: 'count', at_least: 3 } }] },
      players,
    );
    const r = analysePower(powerGameFromPlayers(players, both, 'count and weight'));
    expect(r.players[2]!.swings).toBeGreaterThan(0n);
  });

  it('keeps raw counts above 2^53 exact for the 57 OSCE states and makes Shapley–Shubik sum to one', () => {
    const ids = world.states.map((s) => s.id);
    const weights = ids.map((id) => Math.round(populationOf(id, 'cia-factbook')! / 1000));
    const r = analysePower(powerGameFromWeights(weights, '50%', ids));
    expect(r.method).toBe('size-generating-function');
    const usa = r.players.find((p) => p.id === 'USA')!;
    expect(usa.swings! > 2n ** 53n).toBe(true);
    expect(r.players.reduce((s, p) => s + p.shapley!, 0)).toBeCloseTo(1, 12);
    expect(r.players.reduce((s, p) => s + p.banzhaf, 0)).toBeCloseTo(1, 12);
  });

  it('size generating function: prefix sums split above 2^53 equal the two-prime path bit for bit (60 players)', () => {
    // C(60, 30) ≈ 2^56.7: about half of those coalitions weigh at most half the total, so that prefix sum
    // passes 2^53, while no count of one size and one exact weight comes near it.
    const weights = Array.from({ length: 60 }, (_, i) => 100 + ((i * 7919) % 900));
    const form = thresholdForm(powerGameFromWeights(weights, '50%').rule, 60)!;
    const split = sizeGeneratingFunction(form);
    expect(split.winningBySize.reduce((a, b) => a + b, 0n) > 2n ** 56n).toBe(true);
    expect(counts(split)).toBe(counts(sizeGeneratingFunction(form, undefined, true)));
  }, 60_000);
});

describe('EU Council QMV with person-level populations', () => {
  it('matches exhaustive enumeration of all 2^27 coalitions exactly', () => {
    const eu = institutionOn(builtinCharter('eu'), '2026-01-01', { populationSeries: 'wb-wdi-2024' });
    const game = powerGameFromDecision(decisionGame(eu, 'council', 'qmv'));
    const fast = analysePower(game);
    expect(fast.method).toBe('meet-in-the-middle');
    const form = thresholdForm(game.rule, 27)!;
    const exhaustive = indicesFrom(enumerateCoalitions(linearForm(game.rule, 27)));
    expect(fast.players.map((p) => p.swings)).toEqual(exhaustive.players.map((p) => p.swings));
    expect(fast.winningCoalitions).toBe(exhaustive.winning);
    expect(form.minWeight[24]).toBe(0); // 24 or more yes: fewer than four can block
    expect(fast.blocking.blockAlone).toEqual([]);
    expect(fast.blocking.smallestBlocking.size).toBe(4);
  }, 60_000);
});

describe('probabilistic voting', () => {
  it("gives the exact passage probability, equal by every method, and ½-voting equals Coleman's power to act", async () => {
    const { passProbability } = await import('./probability.ts');
    const players: Player[] = [7, 5, 3, 2, 2, 1].map((w, i) => ({ id: `P${i}`, attributes: { w } }));
    const rule = compileRule(
      { all: [{ quota: { weight: 'w', at_least: '60%' } }, { quota: { weight: 'count', at_least: 3 } }] },
      players,
    );
    const game = powerGameFromPlayers(players, rule, 'six');
    const p = [0.9, 0.2, 0.5, 0.7, 0.1, 0.6];
    const direct = passProbability(game, p);
    const viaHalves = passProbability(game, p, undefined, 1);
    expect(direct.method).toBe('weight-distribution');
    expect(viaHalves.method).toBe('meet-in-the-middle');
    expect(viaHalves.probability).toBeCloseTo(direct.probability, 12);
    let brute = 0;
    for (let mask = 0; mask < 64; mask++) {
      let pr = 1;
      let w = 0;
      let k = 0;
      players.forEach((pl, i) => {
        const yes = (mask >> i) & 1;
        pr *= yes ? p[i]! : 1 - p[i]!;
        if (yes) {
          w += pl.attributes.w as number;
          k++;
        }
      });
      if (w * 5 >= 20 * 3 && k >= 3) brute += pr;
    }
    expect(direct.probability).toBeCloseTo(brute, 12);
    const half = passProbability(
      game,
      p.map(() => 0.5),
    ).probability;
    expect(half).toBeCloseTo(analysePower(game).passProbability, 12);
  });
});

describe('design search', () => {
  it('reproduces the Jagiellonian compromise for the EU27: square-root weights are closest to the ideal at the quota ½(1 + √Σw²/Σw)', async () => {
    const { designSearch } = await import('./design.ts');
    const { membersOf } = await import('../world/index.ts');
    const ids = membersOf('EU', '2026-01-01');
    const population = ids.map((id) => populationOf(id, 'wb-wdi-2024')!);
    const quotas = Array.from({ length: 41 }, (_, i) => 55 + i * 0.5);
    const r = designSearch({
      ids,
      population,
      alphas: [0.5],
      quotas,
      countQuotas: [null],
      goals: { noSingleBlocker: true, noPairPasses: true },
    });
    expect(r.jagiellonianQuota).toBeCloseTo(0.6156, 3);
    expect(Math.abs(r.closest!.quota / 100 - r.jagiellonianQuota)).toBeLessThanOrEqual(0.005);
    expect(r.closest!.distanceToIdeal).toBeLessThan(0.001);
    // The Pareto set trades closeness to the ideal against the chance of passing: lower quotas pass more often.
    for (let i = 1; i < r.pareto.length; i++)
      expect(r.pareto[i]!.passProbability).toBeGreaterThan(r.pareto[i - 1]!.passProbability);
  });
});
