import { stateById } from '@concert/engine';
import { type KeyboardEvent, type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { type Colouring, categoryLabel, colourOf } from './colourings.ts';
import { type FrameId, frameCountries, type StateShape } from './frames.ts';
import type { Country } from './geometry.ts';
import './map.css';

export interface StateMapProps {
  countries: Country[];
  frame: FrameId;
  colouring: Colouring;
  /** Accessible name of the map as a whole. */
  label: string;
  width?: number;
  height?: number;
  selected?: string | undefined;
  /** With a handler, states are focusable and open on click or Enter; without, the map is a picture. */
  onSelect?: (state: string) => void;
  /** Called after the first draw with handlers attached. */
  onDrawn?: () => void;
  /** Places drawn over the states (contested areas): each a focusable button that calls `onMark`. */
  marks?: MapMark[];
  selectedMark?: string | undefined;
  onMark?: (id: string) => void;
}

export interface MapMark {
  id: string;
  /** The accessible name and the tooltip. */
  label: string;
  at: [number, number];
}

interface Tip {
  state: string;
  x: number;
  y: number;
  /** A mark's label instead of a state's summary. */
  text?: string;
}

export function StateMap(props: StateMapProps) {
  const { countries, frame, colouring, width = 960, height = 640, selected, onSelect, onDrawn } = props;
  const { marks = [], selectedMark, onMark } = props;
  const framed = useMemo(
    () => frameCountries(countries, frame, width, height),
    [countries, frame, width, height],
  );
  const states = useMemo(() => [...framed.states].sort(byName), [framed]);
  const box = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<Tip | undefined>();
  const drawn = useRef(false);
  useEffect(() => {
    if (drawn.current) return;
    drawn.current = true;
    onDrawn?.();
  }, [onDrawn]);

  const tipAt = (state: string, clientX: number, clientY: number, text?: string) => {
    const r = box.current?.getBoundingClientRect();
    if (r) setTip({ state, x: clientX - r.left, y: clientY - r.top, ...(text ? { text } : {}) });
  };
  const handlers = (state: string) =>
    onSelect
      ? {
          tabIndex: 0,
          role: 'button',
          'aria-label': `${nameOf(state)}: ${categoryLabel(colouring, state)}`,
          'aria-pressed': selected === state,
          onClick: () => onSelect(state),
          onKeyDown: (e: KeyboardEvent) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              onSelect(state);
            }
          },
          onMouseMove: (e: MouseEvent) => tipAt(state, e.clientX, e.clientY),
          onMouseLeave: () => setTip(undefined),
          onFocus: (e: { currentTarget: Element }) => {
            const r = e.currentTarget.getBoundingClientRect();
            tipAt(state, r.left + r.width / 2, r.top + r.height / 2);
          },
          onBlur: () => setTip(undefined),
        }
      : {};
  const selectedShape = states.find((s) => s.state === selected);

  return (
    <div className="state-map" ref={box}>
      <svg
        viewBox={`0 0 ${framed.width} ${framed.height}`}
        role={onSelect ? 'group' : 'img'}
        aria-label={props.label}
        data-frame={frame}
      >
        <path className="sea" d={framed.background} />
        <g className="others">
          {framed.others.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the outlines of one frame never reorder
            <path key={i} d={d} />
          ))}
        </g>
        <g className="states">
          {states.map((s) => (
            <StateShapeView
              key={s.state}
              shape={s}
              fill={colourOf(colouring, s.state)}
              category={colouring.byState.get(s.state)?.category ?? ''}
              handlers={handlers(s.state)}
            />
          ))}
        </g>
        {selectedShape && (
          <g className="selected-outline">
            <path d={selectedShape.d} />
            {selectedShape.marker && (
              <circle cx={selectedShape.marker[0]} cy={selectedShape.marker[1]} r={7} />
            )}
          </g>
        )}
        {marks.length > 0 && (
          <g className="map-marks">
            {marks.map((m) => {
              const xy = framed.project(m.at);
              if (!xy) return null;
              return (
                // A diamond: a shape that no state colouring uses, so a mark reads as "a place", not a category.
                // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; role and keys make it one
                <path
                  key={m.id}
                  d={`M${xy[0]},${xy[1] - 8}L${xy[0] + 8},${xy[1]}L${xy[0]},${xy[1] + 8}L${xy[0] - 8},${xy[1]}Z`}
                  className={m.id === selectedMark ? 'mark selected' : 'mark'}
                  data-mark={m.id}
                  tabIndex={0}
                  role="button"
                  aria-label={m.label}
                  aria-pressed={m.id === selectedMark}
                  onClick={() => onMark?.(m.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      onMark?.(m.id);
                    }
                  }}
                  onMouseMove={(e) => tipAt('', e.clientX, e.clientY, m.label)}
                  onMouseLeave={() => setTip(undefined)}
                  onFocus={(e) => {
                    const r = e.currentTarget.getBoundingClientRect();
                    tipAt('', r.left + r.width / 2, r.top + r.height / 2, m.label);
                  }}
                  onBlur={() => setTip(undefined)}
                />
              );
            })}
          </g>
        )}
      </svg>
      {tip?.text && (
        <div className="map-tip" role="tooltip" style={{ left: tip.x + 12, top: tip.y + 12 }}>
          {tip.text}
        </div>
      )}
      {tip && !tip.text && (
        <div className="map-tip" role="tooltip" style={{ left: tip.x + 12, top: tip.y + 12 }}>
          <strong>{nameOf(tip.state)}</strong>
          <br />
          {categoryLabel(colouring, tip.state)}
          {colouring.byState.get(tip.state)?.value !== undefined && (
            <>
              <br />
              Banzhaf index {colouring.byState.get(tip.state)?.value?.toFixed(4)}
            </>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * One state: its outline, and for states too small to point at, a dot. The dot then carries the handlers and the
 * `data-state` hook (one interactive element per state).
 */
function StateShapeView({
  shape,
  fill,
  category,
  handlers,
}: {
  shape: StateShape;
  fill: string;
  category: string;
  handlers: Record<string, unknown>;
}) {
  const data = { 'data-state': shape.state, 'data-category': category };
  if (!shape.marker) return <path d={shape.d} fill={fill} {...data} {...handlers} />;
  return (
    <>
      {shape.d && <path d={shape.d} fill={fill} />}
      <circle
        className="marker"
        cx={shape.marker[0]}
        cy={shape.marker[1]}
        r={5}
        fill={fill}
        {...data}
        {...handlers}
      />
    </>
  );
}

export function nameOf(state: string): string {
  return stateById(state, { throwIfMissing: false })?.name ?? state;
}

function byName(a: StateShape, b: StateShape): number {
  return nameOf(a.state).localeCompare(nameOf(b.state));
}
