import { describe, expect, it } from 'vitest';
import { builtinCharter } from '../builtin/index.ts';
import { institutionOn } from '../charter/institution.ts';
import type { Vote } from '../rules/index.ts';
import { evaluate } from './index.ts';

// Real questions about the built-in charters, answered by the engine and checked against the treaty texts.
function everyone(charterId: string, date: string, overrides: Record<string, Vote>, rest: Vote = 'yes') {
  const c = builtinCharter(charterId);
  const ids = institutionOn(c, date).members.map((m) => m.id);
  return {
    charter: c,
    ballots: Object.fromEntries(ids.map((id) => [id, overrides[id] ?? rest])) as Record<string, Vote>,
  };
}

describe('EU Council, qualified majority (Art. 16(4) TEU)', () => {
  const date = '2026-01-01';
  it('lets the four largest states block: they hold more than 35% of the population and are four', () => {
    const { charter, ballots } = everyone('eu', date, { DEU: 'no', FRA: 'no', ITA: 'no', ESP: 'no' });
    const d = evaluate({ charter, body: 'council', category: 'qmv', ballots, date });
    expect(d.adopted).toBe(false);
  });

  it('does not let the three largest block, although they hold over 35% of the population: a blocking minority needs four', () => {
    const { charter, ballots } = everyone('eu', date, { DEU: 'no', FRA: 'no', ITA: 'no' });
    const d = evaluate({ charter, body: 'council', category: 'qmv', ballots, date });
    expect(d.adopted).toBe(true);
    expect(d.clauses.find((c) => c.label?.startsWith('Population'))?.met).toBe(false);
  });

  it('counts an abstention like a no under QMV but not under unanimity (Art. 238(4) TFEU)', () => {
    const { charter, ballots } = everyone('eu', date, { HUN: 'abstain' });
    expect(evaluate({ charter, body: 'council', category: 'unanimity', ballots, date }).adopted).toBe(true);
    const vetoed = everyone('eu', date, { HUN: 'no' });
    expect(
      evaluate({ charter, body: 'council', category: 'unanimity', ballots: vetoed.ballots, date }).adopted,
    ).toBe(false);
  });

  it('applies the Nice weights on 2009-06-24 and refuses the post-2014 rule on that date', () => {
    const { charter, ballots } = everyone('eu', '2009-06-24', {});
    expect(
      evaluate({ charter, body: 'council', category: 'nice-qmv', ballots, date: '2009-06-24' }).adopted,
    ).toBe(true);
    expect(() =>
      evaluate({ charter, body: 'council', category: 'qmv', ballots, date: '2009-06-24' }),
    ).toThrow(/applies from 2014-11-01/);
  });
});

describe('UN Security Council (Art. 27 UN Charter)', () => {
  const date = '2026-01-01';
  it('adopts a substantive resolution when a permanent member abstains (no veto)', () => {
    const { charter, ballots } = everyone('unsc', date, { RUS: 'abstain' });
    expect(
      evaluate({ charter, body: 'security-council', category: 'substantive', ballots, date }).adopted,
    ).toBe(true);
  });
  it('fails on a permanent member voting no, even with fourteen votes for', () => {
    const { charter, ballots } = everyone('unsc', date, { CHN: 'no' });
    const d = evaluate({ charter, body: 'security-council', category: 'substantive', ballots, date });
    expect(d.adopted).toBe(false);
    expect(d.pivotal.map((p) => p.id)).toEqual(['CHN']);
  });
  it('has fifteen members on 2009-06-24 and on 2026-01-01', () => {
    const c = builtinCharter('unsc');
    expect(institutionOn(c, '2009-06-24').members).toHaveLength(15);
    expect(institutionOn(c, '2026-01-01').members).toHaveLength(15);
  });
});

describe('OSCE (consensus; Prague 1992 consensus-minus-one)', () => {
  const date = '2026-01-01';
  it('lets a single objection block consensus', () => {
    const { charter, ballots } = everyone('osce', date, { RUS: 'no' });
    expect(
      evaluate({ charter, body: 'permanent-council', category: 'consensus', ballots, date }).adopted,
    ).toBe(false);
  });
  it('ignores the objection of the state concerned under consensus-minus-one, but not a second objection', () => {
    const { charter, ballots } = everyone('osce', date, { BLR: 'no' });
    const { RUS: _concerned, ...others } = ballots;
    expect(
      evaluate({
        charter,
        body: 'permanent-council',
        category: 'consensus-minus-one',
        ballots: others,
        date,
        parties: ['RUS'],
      }).adopted,
    ).toBe(false);
    const { ballots: clean } = everyone('osce', date, {});
    const { RUS: _c, ...rest } = clean;
    const d = evaluate({
      charter,
      body: 'permanent-council',
      category: 'consensus-minus-one',
      ballots: rest,
      date,
      parties: ['RUS'],
    });
    expect(d.adopted).toBe(true);
    expect(d.recused).toEqual(['RUS']);
  });
});

describe('Draft European Security Treaty (2009)', () => {
  const date = '2009-12-01';
  it('counts 56 states and 5 organisations as parties, so a Conference quorum is 41', () => {
    const c = builtinCharter('est-2009');
    const members = institutionOn(c, date).members;
    expect(members).toHaveLength(61);
    const present = Object.fromEntries(members.map((m, i) => [m.id, (i < 41 ? 'yes' : 'absent') as Vote]));
    expect(
      evaluate({ charter: c, body: 'conference', category: 'decision', ballots: present, date }).adopted,
    ).toBe(true);
    const short = Object.fromEntries(members.map((m, i) => [m.id, (i < 40 ? 'yes' : 'absent') as Vote]));
    expect(
      evaluate({ charter: c, body: 'conference', category: 'decision', ballots: short, date }).adopted,
    ).toBe(false);
  });
  it('lets one organisation (NATO) block a Conference decision by objecting', () => {
    const { charter, ballots } = everyone('est-2009', date, { NATO: 'no' });
    expect(evaluate({ charter, body: 'conference', category: 'decision', ballots, date }).adopted).toBe(
      false,
    );
  });
});
