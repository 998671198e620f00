import { stateIds } from '@concert/engine';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import atlas from 'world-atlas/countries-50m.json' with { type: 'json' };
import { frameCountries } from './frames.ts';
import { boxOf, type Country, partsOf } from './geometry.ts';
import { stateForFeature } from './state-codes.ts';

const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countries: Country[] = feature(topology, topology.objects.countries).features.map((f) => ({
  state: stateForFeature(f.id),
  name: f.properties.name,
  feature: f,
  box: boxOf(f.geometry),
  parts: partsOf(f.geometry),
}));

describe('map frames', () => {
  it('shows every OSCE participating State in the whole-area frame, Vancouver to Vladivostok', () => {
    const framed = frameCountries(countries, 'osce', 960, 640);
    expect(framed.states.map((s) => s.state).sort()).toEqual(stateIds());
  });

  it('gives the smallest states a dot where their outline is too small to point at', () => {
    for (const frame of ['europe', 'osce'] as const) {
      const framed = frameCountries(countries, frame, 960, 640);
      const dotted = framed.states.filter((s) => s.marker).map((s) => s.state);
      expect(dotted, frame).toEqual(expect.arrayContaining(['VAT', 'MCO', 'SMR', 'LIE', 'AND']));
      expect(dotted, frame).not.toContain('FRA');
    }
  });

  it('keeps the European frame on Europe: Portugal to the Caucasus in view, North America out', () => {
    const drawn = new Set(frameCountries(countries, 'europe', 960, 640).states.map((s) => s.state));
    for (const s of ['PRT', 'ISL', 'CYP', 'GEO', 'AZE', 'FIN', 'MLT']) expect(drawn.has(s), s).toBe(true);
    for (const s of ['USA', 'CAN']) expect(drawn.has(s), s).toBe(false);
  });
});
