// Two frames for one map. Europe: a conformal conic centred on the continent, where most participating States
// are and where shapes should look familiar. OSCE area: an equal-area azimuthal view centred on the North Pole,
// the one flat picture in which Vancouver and Vladivostok are both near the edge of one contiguous region
// (North America, Europe and the former Soviet Union meet across the Arctic) and areas stay comparable.
import { type GeoProjection, geoAzimuthalEqualArea, geoConicConformal, geoPath } from 'd3-geo';
import type { Country } from './geometry.ts';

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

function projectionFor(frame: FrameId): GeoProjection {
  if (frame === 'europe') return geoConicConformal().rotate([-12, 0]).parallels([40, 66]);
  return geoAzimuthalEqualArea().rotate([-20, -90]).clipAngle(75);
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
  const path = geoPath(projection);
  const others: string[] = [];
  const states: StateShape[] = [];
  for (const c of countries) {
    const d = path(c.feature);
    if (!c.state) {
      if (d) others.push(d);
      continue;
    }
    const shape: StateShape = { state: c.state, d: d ?? '' };
    const [x, y] = path.centroid(c.feature);
    const visible = d && path.area(c.feature) >= SMALLEST_VISIBLE;
    if (!visible && Number.isFinite(x) && Number.isFinite(y) && inside(x, y, width, height))
      shape.marker = [x, y];
    if (d || shape.marker) states.push(shape);
  }
  const background = frame === 'osce' ? (path({ type: 'Sphere' }) ?? '') : `M0,0H${width}V${height}H0Z`;
  return { width, height, background, others, states };
}

function inside(x: number, y: number, width: number, height: number): boolean {
  return x >= 0 && y >= 0 && x <= width && y <= height;
}
