// Seed 004 (Nopens, 2009): "technically the countries that are not protected under any legally binding Treaty are
// Switzerland, the states of the Former Yugoslavia (except NATO members Slovenia and Croatia), Ukraine, Moldova,
// Azerbaijan, Georgia and Turkmenistan." Concert recomputes that list from the data and pins where it differs.
import { describe, expect, it } from 'vitest';
import { coverageOn } from './index.ts';

/** The seed's list, as OSCE states (Kosovo was not, and is not, a participating State). */
const SEED_004_UNCOVERED = ['AZE', 'BIH', 'CHE', 'GEO', 'MDA', 'MKD', 'MNE', 'SRB', 'TKM', 'UKR'];
/** Microstates the seed does not mention: in no alliance and outside the EU. */
const MICROSTATES = ['AND', 'LIE', 'MCO', 'SMR', 'VAT'];
/** EU members outside NATO: covered only once Art. 42(7) TEU entered into force with the Lisbon Treaty. */
const EU_NON_NATO = ['AUT', 'CYP', 'FIN', 'IRL', 'MLT', 'SWE'];

const sorted = (ids: string[]) => [...ids].sort();

describe('uncovered OSCE states in 2009 compared with seed 004', () => {
  it('on 2009-06-24 (before Lisbon) Concert finds the seed list plus the five microstates and the six EU states outside NATO', () => {
    const { uncovered } = coverageOn('2009-06-24');
    expect(uncovered).toEqual(sorted([...SEED_004_UNCOVERED, ...MICROSTATES, ...EU_NON_NATO]));
  });

  it('on 2009-12-01 (Lisbon in force) Austria, Cyprus, Finland, Ireland, Malta and Sweden become covered by Art. 42(7) TEU', () => {
    const { uncovered, states } = coverageOn('2009-12-01');
    expect(uncovered).toEqual(sorted([...SEED_004_UNCOVERED, ...MICROSTATES]));
    for (const id of EU_NON_NATO) {
      const guarantees = states.find((s) => s.id === id)?.guarantees ?? [];
      expect(
        guarantees.map((g) => g.clause),
        id,
      ).toEqual(['eu-art42-7']);
    }
  });

  it('so the seed list matches Concert exactly once the microstates are set aside and Lisbon is in force', () => {
    const { uncovered } = coverageOn('2009-12-01');
    expect(uncovered.filter((id) => !MICROSTATES.includes(id))).toEqual(SEED_004_UNCOVERED);
  });

  it('explains the pre-Lisbon gap for the EU neutrals in words', () => {
    const { explanations } = coverageOn('2009-06-24');
    expect(explanations.AUT).toMatch(
      /member of the EU, but Treaty on European Union, Art\. 42\(7\) only applies from 2009-12-01/,
    );
    expect(explanations.CHE).toMatch(/not a member of NATO, WEU, CSTO/);
  });

  it('counts the CSTO members the seed counts as protected (Art. 4 of the Collective Security Treaty)', () => {
    const { states } = coverageOn('2009-06-24');
    const viaCsto = states.filter((s) => s.guarantees.some((g) => g.via === 'CSTO')).map((s) => s.id);
    expect(viaCsto).toEqual(['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']);
  });

  it('bilateral treaties change nothing in 2009: the Russia-Armenia treaty protects a state the CSTO already covers', () => {
    expect(coverageOn('2009-06-24', { includeBilateral: true }).uncovered).toEqual(
      coverageOn('2009-06-24').uncovered,
    );
  });
});
