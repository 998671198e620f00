import { describe, expect, it } from 'vitest';
import {
  closestIds,
  DEFAULT_POPULATION_SERIES,
  editDistance,
  isStateId,
  organisationById,
  organisationIds,
  populationOf,
  populationSeries,
  populationSeriesIds,
  stateById,
  stateIds,
  UnknownIdError,
} from './index.ts';

describe('lookups by id', () => {
  it('finds states by alpha-3 id', () => {
    expect(stateById('DEU').name).toBe('Germany');
    expect(stateById('VAT').iso2).toBe('VA');
    expect(isStateId('MNG')).toBe(true);
    expect(isStateId('XKX')).toBe(false);
    expect(stateIds()).toHaveLength(57);
  });

  it('names an unknown state id and suggests the closest valid ids', () => {
    expect(() => stateById('DEX')).toThrow(UnknownIdError);
    try {
      stateById('GER');
      expect.unreachable();
    } catch (error) {
      const e = error as UnknownIdError;
      expect(e.kind).toBe('state');
      expect(e.id).toBe('GER');
      expect(e.suggestions[0]).toBe('DEU');
      expect(e.message).toMatch(/Unknown state id "GER"\. Did you mean/);
    }
  });

  it('returns undefined instead of throwing when asked to', () => {
    expect(stateById('ZZZ', { throwIfMissing: false })).toBeUndefined();
    expect(organisationById('NATTO', { throwIfMissing: false })).toBeUndefined();
    expect(populationSeries('nope', { throwIfMissing: false })).toBeUndefined();
  });

  it('suggests NATO for a mistyped organisation id', () => {
    expect(() => organisationById('NAT0')).toThrow(/Did you mean "NATO"/);
    expect(organisationIds()).toEqual(['CIS', 'COE', 'CSTO', 'EAEU', 'EU', 'NATO', 'OSCE', 'WEU']);
  });

  it('measures edit distance case-insensitively and ranks the nearest ids first', () => {
    expect(editDistance('deu', 'DEU')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closestIds('FRN')).toContain('FRA');
    expect(closestIds('GER')[0]).toBe('DEU');
    expect(closestIds('switz')[0]).toBe('CHE');
    expect(closestIds('DE')[0]).toBe('DEU');
    expect(closestIds('cst0', organisationIds())).toEqual(['CSTO']);
  });

  it('reads populations from a series, defaulting to the Factbook', () => {
    expect(DEFAULT_POPULATION_SERIES).toBe('cia-factbook');
    expect(populationOf('DEU')).toBe(84_012_284);
    expect(populationOf('DEU', 'wb-wdi-2024')).toBe(83_516_593);
    expect(populationOf('VAT', 'wb-wdi-2024')).toBeUndefined();
    expect(populationOf('CHE', 'eu-council-2025')).toBeUndefined();
    expect(() => populationOf('DEU', 'wb-2024')).toThrow(/Unknown population series id "wb-2024"/);
    expect(populationSeriesIds()).toEqual(['cia-factbook', 'eu-council-2025', 'wb-wdi-2024']);
  });
});
