import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMonotone, pivotalMembers, smallestChanges } from './changes.ts';
import { compileRule } from './compile.ts';
import { passes } from './evaluate.ts';
import type { Player } from './players.ts';
import type { Rule, Vote } from './types.ts';

const players = (weights: number[]): Player[] =>
  weights.map((w, i) => ({ id: `P${i}`, attributes: { pop: w } }));
const ids = (ps: Player[]) => ps.map((p) => p.id);
const dualMajority: Rule = {
  all: [{ quota: { weight: 'count', at_least: '55%' } }, { quota: { weight: 'pop', at_least: '65%' } }],
};

describe('pivotal members', () => {
  it('names the yes-voters whose defection would defeat an adopted motion', () => {
    const ps = players([50, 30, 10, 10]);
    const votes: Vote[] = ['yes', 'yes', 'yes', 'no'];
    const pivots = pivotalMembers(
      compileRule(dualMajority, ps),
      votes,
      ids(ps),
      ps.map(() => true),
    );
    expect(pivots.map((p) => p.id)).toEqual(['P0', 'P1', 'P2']);
    expect(pivots[0]!.to).toEqual(['no', 'abstain', 'absent']);
  });
});

describe('smallest changes to pass', () => {
  it('finds that the one heavyweight switching is enough, and proves it minimal', () => {
    const ps = players([50, 5, 5, 5, 5, 30]);
    const votes: Vote[] = ['no', 'yes', 'yes', 'yes', 'yes', 'no'];
    const r = smallestChanges(
      compileRule(dualMajority, ps),
      votes,
      ids(ps),
      ps.map(() => true),
    );
    expect(r).toEqual({ size: 1, sets: [['P0']], proven: true });
  });

  it('says no change can pass when even unanimity would not (non-eligible members excluded)', () => {
    const ps = players([1, 1]);
    const rule = compileRule({ unanimous: {} }, ps);
    expect(smallestChanges(rule, ['no', 'no'], ids(ps), [true, false]).size).toBeNull();
  });

  it('is truly minimal on random weighted games (checked by brute force)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        (weights, pc, pp, yes) => {
          const ps = players(weights);
          const rule = compileRule(
            {
              all: [
                { quota: { weight: 'count', at_least: `${pc}%` } },
                { quota: { weight: 'pop', at_least: `${pp}%` } },
              ],
            },
            ps,
          );
          const votes = ps.map((_, i) => (yes[i] ? 'yes' : 'no')) as Vote[];
          const r = smallestChanges(
            rule,
            votes,
            ids(ps),
            ps.map(() => true),
          );
          expect(r.size).toBe(bruteForceMinimum(ps.length, votes, (v) => passes(rule, v)));
          expect(r.proven).toBe(true);
          for (const set of r.sets) {
            const trial = votes.map((v, i) => (set.includes(`P${i}`) ? 'yes' : v)) as Vote[];
            expect(passes(rule, trial)).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('monotonicity', () => {
  it('recognises the EU blocking-minority clause as monotone and a bare "not" of a yes-quota as not', () => {
    const ps = players([1, 1, 1, 1, 1]);
    const eu: Rule = {
      any: [
        { quota: { weight: 'count', at_least: 3 } },
        { not: { quota: { weight: 'count', side: 'not_yes', at_least: 2 } } },
      ],
    };
    expect(isMonotone(compileRule(eu, ps))).toBe(true);
    expect(isMonotone(compileRule({ not: { quota: { weight: 'count', at_least: 3 } } }, ps))).toBe(false);
  });
});

function bruteForceMinimum(n: number, votes: Vote[], ok: (v: Vote[]) => boolean): number | null {
  let best: number | null = null;
  for (let mask = 0; mask < 1 << n; mask++) {
    const trial = votes.map((v, i) => ((mask >> i) & 1 ? 'yes' : v)) as Vote[];
    const changed = votes.filter((v, i) => (mask >> i) & 1 && v !== 'yes').length;
    if (ok(trial) && (best === null || changed < best)) best = changed;
  }
  return best;
}
