import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidDateError, membersOf, UnknownIdError } from '../world/index.ts';
import { clausesInForce, coverageOn, guaranteesOf } from './index.ts';

const clauseIds = (id: string, date: string, includeBilateral = false) =>
  guaranteesOf(id, date, { includeBilateral }).map((g) => g.clause);

describe('coverage by collective-defence clauses', () => {
  it('covers exactly the OSCE participating States of the date', () => {
    expect(coverageOn('2009-06-24').states).toHaveLength(56);
    const today = coverageOn('2026-01-01');
    expect(today.states.map((s) => s.id)).toEqual(membersOf('OSCE', '2026-01-01'));
    expect(Object.keys(today.explanations).sort()).toEqual(today.states.map((s) => s.id));
    expect(coverageOn('1970-01-01').states).toEqual([]);
  });

  it('protects Croatia with NATO Art. 5 from its accession day, 2009-04-01, not the day before', () => {
    expect(clauseIds('HRV', '2009-03-31')).toEqual([]);
    expect(clauseIds('HRV', '2009-04-01')).toEqual(['nato-art5']);
  });

  it('gives Austria Art. 42(7) TEU from 2009-12-01 with the neutrality proviso attached', () => {
    expect(clauseIds('AUT', '2009-11-30')).toEqual([]);
    const [guarantee] = guaranteesOf('AUT', '2009-12-01');
    expect(guarantee).toMatchObject({
      clause: 'eu-art42-7',
      via: 'EU',
      kind: 'multilateral',
      standing: 'member',
    });
    expect(guarantee?.since).toBe('1995-01-01');
    expect(guarantee?.caveats.join(' ')).toMatch(/neutrals/);
  });

  it('ends WEU Art. V after 2011-06-30', () => {
    expect(clauseIds('FRA', '2011-06-30')).toEqual(['nato-art5', 'weu-art5', 'eu-art42-7']);
    expect(clauseIds('FRA', '2011-07-01')).toEqual(['nato-art5', 'eu-art42-7']);
  });

  it('drops the EU guarantee for the UK when it left, keeping NATO', () => {
    expect(clauseIds('GBR', '2020-01-31')).toEqual(['nato-art5', 'eu-art42-7']);
    expect(clauseIds('GBR', '2020-02-01')).toEqual(['nato-art5']);
  });

  it('still counts CSTO Art. 4 for Armenia after it froze its participation, but flags it', () => {
    const [guarantee] = guaranteesOf('ARM', '2026-01-01');
    expect(guarantee).toMatchObject({ clause: 'csto-art4', standing: 'suspended' });
    expect(guarantee?.caveats.join(' ')).toMatch(/suspended since 2024-02-22/);
    expect(coverageOn('2026-01-01').explanations.ARM).toMatch(/participation suspended/);
  });

  it('counts bilateral treaties only when asked, and lists them as bilateral', () => {
    expect(clauseIds('AZE', '2026-01-01')).toEqual([]);
    expect(coverageOn('2026-01-01').explanations.AZE).toMatch(
      /would apply if bilateral treaties are counted/,
    );
    const [guarantee] = guaranteesOf('AZE', '2026-01-01', { includeBilateral: true });
    expect(guarantee).toMatchObject({
      clause: 'tur-aze-2010',
      kind: 'bilateral',
      via: 'TUR',
      standing: 'party',
    });
    expect(coverageOn('2026-01-01', { includeBilateral: true }).uncovered).not.toContain('AZE');
  });

  it('lists the states uncovered on 2026-01-01: neutrals, microstates, the Western Balkans outside NATO and the post-Soviet non-aligned', () => {
    expect(coverageOn('2026-01-01').uncovered).toEqual([
      'AND',
      'AZE',
      'BIH',
      'CHE',
      'GEO',
      'LIE',
      'MCO',
      'MDA',
      'MNG',
      'SMR',
      'SRB',
      'TKM',
      'UKR',
      'UZB',
      'VAT',
    ]);
  });

  it('rejects bad dates and unknown states with typed errors', () => {
    expect(() => coverageOn('2009-02-30')).toThrow(InvalidDateError);
    expect(() => guaranteesOf('ATU', '2009-06-24')).toThrow(UnknownIdError);
    expect(() => clausesInForce('2009-13-01')).toThrow(/month 13/);
  });

  it('is consistent on random dates: uncovered means no guarantee, and bilateral treaties only ever add cover', () => {
    const dates = fc
      .date({ min: new Date('1973-06-25'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dates, (date) => {
        const multilateral = coverageOn(date);
        const withBilateral = coverageOn(date, { includeBilateral: true });
        for (const s of multilateral.states) {
          expect(multilateral.uncovered.includes(s.id)).toBe(s.guarantees.length === 0);
          expect(s.guarantees.every((g) => g.kind === 'multilateral')).toBe(true);
        }
        expect(withBilateral.uncovered.every((id) => multilateral.uncovered.includes(id))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
