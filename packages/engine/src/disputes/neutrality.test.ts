import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCharter } from '../builtin/index.ts';
import { membershipOn, stateById } from '../world/index.ts';
import { lot, neutralCandidates, partialityReasons } from './neutrality.ts';

const continental = builtinCharter('continental');
const osce = builtinCharter('osce');

describe('neutral mediators', () => {
  it('SVN v. HRV on 2026-01-15: no ally, no neighbour, no state of Southern Europe', () => {
    const r = neutralCandidates(continental, ['SVN', 'HRV'], '2026-01-15');
    const ids = r.eligible.map((e) => e.id).sort();
    expect(ids).toEqual(['ARM', 'AZE', 'BLR', 'CHE', 'GEO', 'LIE', 'MCO', 'MDA', 'RUS', 'UKR']);
    const why = new Map(r.excluded.map((x) => [x.id, x.reasons.join('; ')]));
    expect(why.get('SVN')).toMatch(/is a party/);
    expect(why.get('AUT')).toMatch(/land neighbour of SVN/);
    expect(why.get('SRB')).toMatch(/land neighbour of HRV/);
    expect(why.get('DEU')).toMatch(/shares NATO membership with SVN/);
    expect(why.get('AND')).toMatch(/same subregion as SVN \(Southern Europe\)/);
  });

  it('memberships are taken on the filing date: Finland was neutral towards NATO members before 2023-04-04', () => {
    const before = partialityReasons(osce, 'FIN', ['NOR', 'USA'], '2023-04-03');
    const after = partialityReasons(osce, 'FIN', ['NOR', 'USA'], '2023-04-05');
    expect(before.join()).not.toMatch(/NATO/);
    expect(after.join()).toMatch(/shares NATO membership with USA/);
  });

  it('a suspended CSTO member (Armenia since 2024) still counts as allied', () => {
    expect(partialityReasons(osce, 'ARM', ['RUS', 'EST'], '2025-01-01').join()).toMatch(/CSTO/);
  });

  it('the lot is reproducible and depends on the seed', () => {
    const a = neutralCandidates(continental, ['SVN', 'HRV'], '2026-01-15', { seed: 7 });
    const b = neutralCandidates(continental, ['SVN', 'HRV'], '2026-01-15', { seed: 7 });
    expect(a.eligible).toEqual(b.eligible);
    expect(a.lot.drawn).toBe(a.eligible[0]!.id);
    const seeds = new Set(
      [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => lot(['A', 'B', 'C', 'D', 'E'], seed).join('')),
    );
    expect(seeds.size).toBeGreaterThan(1);
  });

  it('property: an eligible state is never a party, an ally of a party on the date, or a land neighbour', () => {
    const states = [
      'SVN',
      'HRV',
      'ARM',
      'AZE',
      'GEO',
      'RUS',
      'UKR',
      'MDA',
      'DEU',
      'POL',
      'TUR',
      'GRC',
      'SRB',
      'NOR',
    ];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...states), { minLength: 2, maxLength: 3 }),
        fc.constantFrom('2010-06-01', '2020-01-01', '2026-01-15'),
        fc.nat(1000),
        (parties, date, seed) => {
          const r = neutralCandidates(continental, parties, date, { seed });
          for (const { id } of r.eligible) {
            if (parties.includes(id)) return false;
            for (const p of parties) {
              if (stateById(id).neighbours.value.includes(p)) return false;
              for (const org of ['NATO', 'EU', 'CSTO', 'CIS', 'EAEU'])
                if (
                  membershipOn(org, id, date) !== 'non-member' &&
                  membershipOn(org, p, date) !== 'non-member'
                )
                  return false;
            }
          }
          return (
            r.eligible.length + r.excluded.length >= r.eligible.length &&
            r.excluded.every((x) => x.reasons.length > 0)
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('charter checks on the dispute sections', () => {
  it('an unknown alliance, step or body is refused with its path', async () => {
    const { builtinCharterSource } = await import('../builtin/index.ts');
    const { parseCharter } = await import('../charter/load.ts');
    const text = builtinCharterSource('continental')!;
    expect(() =>
      parseCharter(text.replace('alliances: [NATO, CSTO,', 'alliances: [NATO, CSTOX,'), { source: 'c.yaml' }),
    ).toThrow(/unknown organisation "CSTOX"/);
    expect(() =>
      parseCharter(text.replace('next: mediation', 'next: mediaton'), { source: 'c.yaml' }),
    ).toThrow(/no dispute step "mediaton"/);
    expect(() =>
      parseCharter(text.replace('escalate_to: { body: council', 'escalate_to: { body: counsel'), {
        source: 'c.yaml',
      }),
    ).toThrow(/no body "counsel"/);
  });
});
