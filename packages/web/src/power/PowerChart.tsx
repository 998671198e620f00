import type { PowerResult } from '@concert/engine';
import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { PlotFigure } from './PlotFigure.tsx';

const SERIES = [
  { key: 'Banzhaf (normalised)', colour: '#0072b2' },
  { key: 'Shapley–Shubik', colour: '#e69f00' },
] as const;

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/** One row per member, strongest first: both indices as bars, the square-root ideal as a black tick. */
export function PowerChart({ result }: { result: PowerResult }) {
  const make = useCallback(() => {
    const ideal = new Map(result.domination?.members.map((m) => [m.id, m.squareRootIdeal]) ?? []);
    const order = [...result.players].sort((a, b) => b.banzhaf - a.banzhaf).map((p) => p.id);
    const bars = result.players.flatMap((p) => [
      { member: p.id, index: SERIES[0].key, value: p.banzhaf },
      ...(p.shapley === undefined ? [] : [{ member: p.id, index: SERIES[1].key, value: p.shapley }]),
    ]);
    const ticks = result.players
      .filter((p) => ideal.has(p.id))
      .map((p) => ({ member: p.id, ideal: ideal.get(p.id)! }));
    return Plot.plot({
      width: 760,
      height: 50 + order.length * 24,
      marginLeft: 56,
      x: { label: 'share of power (%)', grid: true, percent: true },
      y: { axis: null, domain: SERIES.map((s) => s.key) },
      fy: { label: null, domain: order, padding: 0.12 },
      color: { domain: SERIES.map((s) => s.key), range: SERIES.map((s) => s.colour), legend: true },
      marks: [
        Plot.barX(bars, {
          x: 'value',
          y: 'index',
          fy: 'member',
          fill: 'index',
          title: (d: (typeof bars)[number]) => `${d.member}, ${d.index}: ${pct(d.value)}`,
        }),
        Plot.tickX(ticks, {
          x: 'ideal',
          fy: 'member',
          stroke: '#1b1f24',
          strokeWidth: 2,
          title: (d: (typeof ticks)[number]) => `${d.member}, square-root ideal: ${pct(d.ideal)}`,
        }),
        Plot.ruleX([0]),
      ],
    });
  }, [result]);
  return (
    <figure className="power-chart">
      <PlotFigure
        make={make}
        label={`Bar chart: Banzhaf and Shapley–Shubik power of ${result.n} members against the square-root ideal; the table has the same numbers.`}
      />
      <figcaption className="muted">
        Black ticks: the Penrose square-root ideal (√population ÷ Σ√population), where populations are known.
      </figcaption>
    </figure>
  );
}
