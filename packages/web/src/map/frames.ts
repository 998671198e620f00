// Two frames for one map. Europe: a conformal conic centred on the continent, where most participating States
// are and where shapes should look familiar. OSCE area: an equal-area azimuthal view centred on the North Pole,
// the one flat picture in which Vancouver and Vladivostok are both near the edge of one contiguous region
// (North America, Europe and the former Soviet Union meet across the Arctic) and areas stay comparable.

import {
  type GeoProjection,
  type GeoStream,
  geoAzimuthalEqualArea,
  geoConicConformal,
  geoPath,
} from 'd3-geo';
import type { Feature, MultiPolygon } from 'geojson';
import type { Box, Country } from './geometry.ts';

export const FRAMES = [
  { id: 'europe', label: 'Europe' },
  { id: 'osce', label: 'Whole OSCE area (Vancouver to Vladivostok)' },
] as const;
export type FrameId = (typeof FRAMES)[number]['id'];

export function isFrame(id: string | null): id is FrameId {
  return FRAMES.some((f) => f.id === id);
}

/** Points the frame must show; the projection is fitted to them. */
const EXTENTS: Record<FrameId, [number, number][]> = {
  europe: [
    [-24, 36],
    [-10, 35],
    [14, 34],
    [34, 33.5],
    [44, 36],
    [46, 66],
    [30, 71],
    [-24, 66],
  ],
  osce: [
    [-125, 25],
    [-170, 60],
    [-75, 25],
    [-10, 32],
    [14, 31],
    [34, 32],
    [50, 33],
    [135, 40],
    [175, 65],
  ],
};

/** Longitude/latitude window outside which a country cannot appear in the frame, so it is not projected at all. */
const WINDOWS: Record<FrameId, Box> = {
  europe: { west: -45, east: 75, south: 20, north: 90 },
  osce: { west: -180, east: 180, south: 10, north: 90 },
};

// precision(0): the 1:50m outlines are dense enough that adaptive resampling adds work and no visible accuracy.
function projectionFor(frame: FrameId): GeoProjection {
  if (frame === 'europe') return geoConicConformal().rotate([-12, 0]).parallels([40, 66]).precision(0);
  return geoAzimuthalEqualArea().rotate([-20, -90]).clipAngle(75).precision(0);
}

function inWindow(box: Box, frame: FrameId): boolean {
  const w = WINDOWS[frame];
  return box.east >= w.west && box.west <= w.east && box.north >= w.south && box.south <= w.north;
}

export interface StateShape {
  state: string;
  d: string;
  /** Where a state too small to see or click at this scale gets a dot. */
  marker?: [number, number];
}

export interface FramedMap {
  width: number;
  height: number;
  background: string;
  others: string[];
  states: StateShape[];
  /** Where a longitude/latitude falls on this map; undefined outside it (for marks such as contested areas). */
  project: (point: [number, number]) => [number, number] | undefined;
}

/** Below this projected area (px²) a state is drawn as a dot as well, so it can be seen, hovered and clicked. */
const SMALLEST_VISIBLE = 40;

export function frameCountries(
  countries: Country[],
  frame: FrameId,
  width: number,
  height: number,
): FramedMap {
  const projection = projectionFor(frame).fitExtent(
    [
      [8, 8],
      [width - 8, height - 8],
    ],
    { type: 'MultiPoint', coordinates: EXTENTS[frame] },
  );
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
  const path = geoPath({ stream: (sink) => projection.stream(thinned(sink)) });
  const exact = geoPath(projection);
  const others: string[] = [];
  const states: StateShape[] = [];
  for (const c of countries) {
    const shown = visibleParts(c, frame);
    if (!shown) continue;
    const d = path(shown);
    if (!c.state) {
      if (d) others.push(d);
      continue;
    }
    const shape: StateShape = { state: c.state, d: d ?? '' };
    // Only outlines small in degrees can be small on screen; the others skip two more projections.
    if ((c.box.east - c.box.west) * (c.box.north - c.box.south) < 4) {
      const [x, y] = exact.centroid(shown);
      const visible = d && exact.area(shown) >= SMALLEST_VISIBLE;
      if (!visible && Number.isFinite(x) && Number.isFinite(y) && inside(x, y, width, height))
        shape.marker = [x, y];
    }
    if (d || shape.marker) states.push(shape);
  }
  const background = frame === 'osce' ? (path({ type: 'Sphere' }) ?? '') : `M0,0H${width}V${height}H0Z`;
  const project = (point: [number, number]): [number, number] | undefined => {
    const xy = projection(point);
    return xy && inside(xy[0], xy[1], width, height) ? [xy[0], xy[1]] : undefined;
  };
  return { width, height, background, others, states, project };
}

function inside(x: number, y: number, width: number, height: number): boolean {
  return x >= 0 && y >= 0 && x <= width && y <= height;
}

/** The country's polygons that can fall inside the frame, as one feature; undefined when none can. */
function visibleParts(c: Country, frame: FrameId): Feature<MultiPolygon> | undefined {
  if (!inWindow(c.box, frame)) return undefined;
  const polygons = c.parts.filter((p) => inWindow(p.box, frame)).map((p) => p.polygon);
  if (polygons.length === 0) return undefined;
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: polygons } };
}

/**
 * Drops projected points closer than half a pixel to the last one kept: at map scale the 1:50m outlines carry
 * many such points, which cost path text and rendering and change nothing visible. Every line keeps its ends.
 */
function thinned(sink: GeoStream): GeoStream {
  let last: [number, number] | undefined;
  let pending: [number, number] | undefined;
  return {
    point(x, y) {
      if (last && Math.abs(x - last[0]) < 0.5 && Math.abs(y - last[1]) < 0.5) {
        pending = [x, y];
        return;
      }
      sink.point(x, y);
      last = [x, y];
      pending = undefined;
    },
    lineStart() {
      last = undefined;
      pending = undefined;
      sink.lineStart();
    },
    lineEnd() {
      if (pending) sink.point(pending[0], pending[1]);
      last = undefined;
      pending = undefined;
      sink.lineEnd();
    },
    polygonStart: () => sink.polygonStart(),
    polygonEnd: () => sink.polygonEnd(),
    sphere: () => sink.sphere?.(),
  };
}
