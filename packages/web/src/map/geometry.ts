// Country outlines from Natural Earth via world-atlas (1:50m, so that the small European states have shapes).
// The TopoJSON is a separate asset fetched at run time, not part of the JavaScript bundle.
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlasUrl from 'world-atlas/countries-50m.json?url';
import { stateForFeature } from './state-codes.ts';

export interface Country {
  /** The engine's state id for OSCE participating States; undefined for every other country. */
  state: string | undefined;
  name: string;
  feature: Feature<Geometry, { name: string }>;
}

let loading: Promise<Country[]> | undefined;

/** Every country of world-atlas, fetched once per page. */
export function loadCountries(): Promise<Country[]> {
  loading ??= fetchCountries().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

async function fetchCountries(): Promise<Country[]> {
  const response = await fetch(atlasUrl);
  if (!response.ok) throw new Error(`map outlines: HTTP ${response.status} for ${atlasUrl}`);
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  return collection.features.map((f) => ({
    state: stateForFeature(f.id),
    name: f.properties.name,
    feature: f,
  }));
}
