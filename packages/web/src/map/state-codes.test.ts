import { stateById, stateIds } from '@concert/engine';
import { describe, expect, it } from 'vitest';
import atlas from 'world-atlas/countries-50m.json' with { type: 'json' };
import { NUMERIC_BY_STATE, stateForFeature } from './state-codes.ts';

const features = (
  atlas as { objects: { countries: { geometries: { id?: string; properties: { name: string } }[] } } }
).objects.countries.geometries;

describe('ISO numeric codes of the OSCE participating States', () => {
  it('names a code for every state the engine knows, and no code twice', () => {
    expect(Object.keys(NUMERIC_BY_STATE).sort()).toEqual(stateIds());
    const codes = Object.values(NUMERIC_BY_STATE);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('finds every code among the 1:50m outlines of world-atlas, so every state is drawn', () => {
    const ids = new Set(features.map((f) => f.id));
    const missing = stateIds().filter((s) => !ids.has(NUMERIC_BY_STATE[s]));
    expect(missing).toEqual([]);
  });

  it('pairs each code with the country of the same name in world-atlas', () => {
    // world-atlas abbreviates some names (e.g. "Bosnia and Herz."); the first word agrees for every state but four.
    const renamed = new Set(['MKD', 'TUR', 'VAT', 'USA']);
    for (const state of stateIds()) {
      const feature = features.find((f) => f.id === NUMERIC_BY_STATE[state]);
      const first = (text: string) => text.split(/[ ,]/)[0]!.toLowerCase();
      if (!renamed.has(state))
        expect(first(feature!.properties.name), state).toBe(first(stateById(state).name));
    }
  });

  it('reads world-atlas ids with or without leading zeros and leaves other countries out', () => {
    expect(stateForFeature('008')).toBe('ALB');
    expect(stateForFeature(8)).toBe('ALB');
    expect(stateForFeature('156')).toBeUndefined(); // China: not an OSCE participating State
    expect(stateForFeature(undefined)).toBeUndefined(); // Kosovo and Northern Cyprus have no ISO code in world-atlas
  });
});
