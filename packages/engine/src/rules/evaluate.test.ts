import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRule } from './compile.ts';
import { passes, trace } from './evaluate.ts';
import { oracle } from './oracle.test-support.ts';
import type { Player } from './players.ts';
import type { Filter, Rule, Vote } from './types.ts';

const players = (weights: number[]): Player[] =>
  weights.map((w, i) => ({
    id: `P${i}`,
    attributes: { pop: w, region: i % 2 ? 'east' : 'west', big: w >= 10 },
  }));
const run = (rule: Rule, ps: Player[], votes: Vote[]) => passes(compileRule(rule, ps), votes);

describe('quota', () => {
  it('rounds a percentage threshold up exactly: 72% of 27 members needs 20, not 19', () => {
    const ps = players(Array(27).fill(1));
    const rule: Rule = { quota: { weight: 'count', at_least: '72%' } };
    const votes = (yes: number): Vote[] => ps.map((_, i) => (i < yes ? 'yes' : 'no'));
    expect(run(rule, ps, votes(19))).toBe(false);
    expect(run(rule, ps, votes(20))).toBe(true);
  });

  it('distinguishes "more than half" from "at least half" on a tie', () => {
    const ps = players([1, 1, 1, 1]);
    const tie: Vote[] = ['yes', 'yes', 'no', 'no'];
    expect(run({ quota: { weight: 'count', at_least: '50%' } }, ps, tie)).toBe(true);
    expect(run({ quota: { weight: 'count', more_than: '1/2' } }, ps, tie)).toBe(false);
  });

  it('counts an abstention as a no over members but ignores it over those voting', () => {
    const ps = players([1, 1, 1]);
    const votes: Vote[] = ['yes', 'yes', 'abstain'];
    expect(run({ quota: { weight: 'count', at_least: '100%', of: 'members' } }, ps, votes)).toBe(false);
    expect(run({ quota: { weight: 'count', at_least: '100%', of: 'voting' } }, ps, votes)).toBe(true);
  });

  it('keeps decimal weights exact: 0.1 + 0.2 reaches 0.3', () => {
    const ps: Player[] = [0.1, 0.2, 0.7].map((w, i) => ({ id: `P${i}`, attributes: { w } }));
    expect(run({ quota: { weight: 'w', at_least: 0.3 } }, ps, ['yes', 'yes', 'no'])).toBe(true);
  });

  it('expresses a blocking minority: fewer than 4 members saying not-yes cannot block', () => {
    const ps = players(Array(10).fill(1));
    const rule: Rule = { not: { quota: { weight: 'count', side: 'not_yes', at_least: 4 } } };
    expect(run(rule, ps, ['no', 'no', 'no', ...Array(7).fill('yes')])).toBe(true);
    expect(run(rule, ps, ['no', 'no', 'no', 'abstain', ...Array(6).fill('yes')])).toBe(false);
  });

  it('reports the value, base, threshold and citation in the trace', () => {
    const ps = players([60, 30, 10]);
    const rule: Rule = {
      quota: { weight: 'pop', at_least: '65%' },
      label: 'Population',
      cite: 'Art. 16(4) TEU',
    };
    const t = trace(compileRule(rule, ps), ['yes', 'no', 'yes'], ['P0', 'P1', 'P2']);
    expect(t).toMatchObject({ met: true, value: 70, baseTotal: 100, threshold: 65, cite: 'Art. 16(4) TEU' });
    expect(t.text).toBe('Population 70.0% (70 of 100) ≥ 65% of members ✓, Art. 16(4) TEU');
  });
});

describe('consensus, unanimity, quorum and groups', () => {
  const ps = players([1, 2, 3, 4]);
  it('lets consensus pass with abstentions and absences but not with an objection', () => {
    expect(run({ consensus: {} }, ps, ['yes', 'abstain', 'absent', 'yes'])).toBe(true);
    expect(run({ consensus: {} }, ps, ['yes', 'no', 'yes', 'yes'])).toBe(false);
  });
  it('makes unanimity fail on an abstention', () => {
    expect(run({ unanimous: {} }, ps, ['yes', 'abstain', 'yes', 'yes'])).toBe(false);
  });
  it('lets a veto apply only to the filtered members', () => {
    const rule: Rule = { consensus: { where: { big: true } } };
    expect(run(rule, players([1, 20, 30]), ['no', 'yes', 'abstain'])).toBe(true);
    expect(run(rule, players([1, 20, 30]), ['yes', 'no', 'yes'])).toBe(false);
  });
  it('compiles a filtered rule over no players (every member recused) instead of refusing the attribute', () => {
    const rule: Rule = {
      all: [{ consensus: { where: { big: true } } }, { quota: { weight: 'pop', at_least: '1/2' } }],
    };
    expect(() => compileRule(rule, [])).not.toThrow();
    // With players, an attribute nobody has is still a mistake in the rule.
    expect(() => compileRule({ consensus: { where: { nosuch: true } } }, players([1, 2]))).toThrow(
      /no player has/,
    );
  });
  it('counts presence for a quorum', () => {
    const rule: Rule = { quorum: { weight: 'count', at_least: '2/3' } };
    expect(run(rule, ps, ['absent', 'no', 'no', 'no'])).toBe(true);
    expect(run(rule, ps, ['absent', 'absent', 'yes', 'yes'])).toBe(false);
  });
  it('requires the inner rule within enough groups, with percentages relative to each group', () => {
    const rule: Rule = {
      groups: { by: 'region', at_least: 2, rule: { quota: { weight: 'count', more_than: '50%' } } },
    };
    expect(run(rule, ps, ['yes', 'yes', 'no', 'no'])).toBe(false); // west 1/2, east 1/2
    expect(run(rule, ps, ['yes', 'yes', 'yes', 'no'])).toBe(false); // west 2/2, east 1/2
    expect(run(rule, ps, ['yes', 'yes', 'yes', 'yes'])).toBe(true);
  });
});

// Random rules over a small fixed attribute vocabulary, for property tests.
const boundArb = fc.oneof(
  fc.integer({ min: 0, max: 12 }),
  fc.integer({ min: 0, max: 100 }).map((p) => `${p}%`),
  fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 5, max: 6 })).map(([a, b]) => `${a}/${b}`),
);
const whereArb = fc.option(
  fc.constantFrom<Filter>({ region: 'east' }, { big: true }, { region: ['east', 'west'] }),
  { nil: undefined },
);
const leafArb = (monotone: boolean): fc.Arbitrary<Rule> =>
  fc.oneof(
    fc
      .record({
        weight: fc.constantFrom('count', 'pop'),
        bound: boundArb,
        strict: fc.boolean(),
        of: monotone
          ? fc.constant('members' as const)
          : fc.constantFrom('members' as const, 'present' as const, 'voting' as const),
        side: monotone
          ? fc.constant('yes' as const)
          : fc.constantFrom('yes' as const, 'no' as const, 'abstain' as const, 'not_yes' as const),
        where: whereArb,
      })
      .map(({ weight, bound, strict, of, side, where }) => ({
        quota: {
          weight,
          ...(strict ? { more_than: bound } : { at_least: bound }),
          of,
          side,
          ...(where ? { where } : {}),
        },
      })),
    whereArb.map((where) => ({ unanimous: where ? { where } : {} })),
    whereArb.map((where) => ({ consensus: where ? { where } : {} })),
  );
const ruleArb = (monotone: boolean): fc.Arbitrary<Rule> =>
  fc.letrec<{ rule: Rule }>((tie) => ({
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leafArb(monotone),
      fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
      ...(monotone ? [] : [tie('rule').map((r) => ({ not: r }))]),
      fc
        .tuple(tie('rule'), fc.integer({ min: 1, max: 2 }))
        .map(([rule, at_least]) => ({ groups: { by: 'region', rule, at_least } })),
    ),
  })).rule;
const gameArb = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc.record({
    weights: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: n, maxLength: n }),
    votes: fc.array(fc.constantFrom<Vote>('yes', 'no', 'abstain', 'absent'), { minLength: n, maxLength: n }),
  }),
);

describe('properties', () => {
  it('agrees with a naive oracle on random rules and ballots', () => {
    fc.assert(
      fc.property(ruleArb(false), gameArb, (rule, { weights, votes }) => {
        const ps = players(weights);
        const byId = Object.fromEntries(ps.map((p, i) => [p.id, votes[i]!]));
        const compiled = compileRule(rule, ps);
        expect(passes(compiled, votes)).toBe(oracle(rule, ps, byId));
        expect(
          trace(
            compiled,
            votes,
            ps.map((p) => p.id),
          ).met,
        ).toBe(passes(compiled, votes));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps monotone rules monotone: turning a no into a yes never defeats a motion', () => {
    fc.assert(
      fc.property(ruleArb(true), gameArb, fc.nat(), (rule, { weights, votes }, pick) => {
        const ps = players(weights);
        const yesNo = votes.map((v) => (v === 'yes' ? 'yes' : 'no')) as Vote[];
        const compiled = compileRule(rule, ps);
        const i = pick % ps.length;
        if (yesNo[i] === 'yes' || !passes(compiled, yesNo)) return;
        const more = yesNo.slice();
        more[i] = 'yes';
        expect(passes(compiled, more)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
