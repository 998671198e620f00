// Country outlines from Natural Earth via world-atlas (1:50m, so that the small European states have shapes).
// The TopoJSON is a separate asset fetched at run time, not part of the JavaScript bundle.
import type { Feature, Geometry, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlasUrl from 'world-atlas/countries-50m.json?url';
import { stateForFeature } from './state-codes.ts';

export interface Country {
  /** The engine's state id for OSCE participating States; undefined for every other country. */
  state: string | undefined;
  name: string;
  feature: Feature<Geometry, { name: string }>;
  /** Longitude/latitude extremes of the outline's points (a cheap pre-filter, not a spherical bounding box). */
  box: Box;
  /** The polygons of the outline with their boxes, so a frame projects only the parts it can show. */
  parts: { polygon: Polygon['coordinates']; box: Box }[];
}

export interface Box {
  west: number;
  east: number;
  south: number;
  north: number;
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
  return collection.features.map((f) => {
    const parts = partsOf(f.geometry);
    return { state: stateForFeature(f.id), name: f.properties.name, feature: f, box: unionOf(parts), parts };
  });
}

export function boxOf(geometry: Geometry | null): Box {
  const box = { west: 180, east: -180, south: 90, north: -90 };
  const visit = (coordinates: unknown): void => {
    if (typeof (coordinates as number[])[0] === 'number') {
      const [x, y] = coordinates as [number, number];
      box.west = Math.min(box.west, x);
      box.east = Math.max(box.east, x);
      box.south = Math.min(box.south, y);
      box.north = Math.max(box.north, y);
    } else {
      for (const c of coordinates as unknown[]) visit(c);
    }
  };
  if (!geometry) return box;
  if (geometry.type === 'GeometryCollection') {
    for (const g of geometry.geometries) {
      const b = boxOf(g);
      visit([
        [b.west, b.south],
        [b.east, b.north],
      ]);
    }
  } else {
    visit(geometry.coordinates);
  }
  return box;
}

export function partsOf(geometry: Geometry | null): Country['parts'] {
  if (geometry?.type === 'Polygon') return [{ polygon: geometry.coordinates, box: boxOf(geometry) }];
  if (geometry?.type !== 'MultiPolygon') return [];
  return geometry.coordinates.map((polygon) => ({
    polygon,
    box: boxOf({ type: 'Polygon', coordinates: polygon }),
  }));
}

export function unionOf(parts: Country['parts']): Box {
  const box = { west: 180, east: -180, south: 90, north: -90 };
  for (const { box: b } of parts) {
    box.west = Math.min(box.west, b.west);
    box.east = Math.max(box.east, b.east);
    box.south = Math.min(box.south, b.south);
    box.north = Math.max(box.north, b.north);
  }
  return box;
}
