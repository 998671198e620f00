import type { EnsembleSummary } from '@concert/engine';
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { PlotFigure } from '../power/PlotFigure.tsx';

// Okabe–Ito, in the order charters are ticked.
const COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9'];

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function EnsembleResults({ summaries }: { summaries: EnsembleSummary[] }) {
  return (
    <section aria-labelledby="ensemble-title">
      <h2 id="ensemble-title">Ensemble: {summaries[0]?.runs.toLocaleString('en')} runs per charter</h2>
      <AdoptedChart summaries={summaries} />
      {summaries.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an uploaded charter may share a built-in one's id
        <CharterTable key={i} summary={s} />
      ))}
      <TimeToAdoption summaries={summaries} />
    </section>
  );
}

/** Adopted fraction per rung, one group of bars per charter (each charter has its own ladder). */
function AdoptedChart({ summaries }: { summaries: EnsembleSummary[] }) {
  const make = useCallback(() => {
    const bars = summaries.flatMap((s) =>
      s.rungs.map((r) => ({ charter: s.name, rung: `${s.id}: ${r.title}`, adopted: r.adopted })),
    );
    return Plot.plot({
      width: 760,
      height: 60 + bars.length * 22,
      marginLeft: 260,
      x: { label: 'runs in which the rung was adopted (%)', grid: true, percent: true, domain: [0, 1] },
      // One row per charter's rung, in ladder order, charters one after another: the groups.
      y: { label: null, domain: bars.map((b) => b.rung) },
      color: { domain: summaries.map((s) => s.name), range: COLOURS, legend: true },
      marks: [
        Plot.barX(bars, {
          x: 'adopted',
          y: 'rung',
          fill: 'charter',
          title: (d: (typeof bars)[number]) => `${d.charter}, ${d.rung}: ${pct(d.adopted)}`,
        }),
        Plot.ruleX([0]),
      ],
    });
  }, [summaries]);
  return (
    <figure className="crisis-chart">
      <PlotFigure
        make={make}
        label="Bar chart: fraction of runs in which each rung was adopted, grouped by charter; the tables below have the same numbers."
      />
    </figure>
  );
}

function CharterTable({ summary: s }: { summary: EnsembleSummary }) {
  const blockers = s.blocking.slice(0, 5);
  return (
    <section className="panel" aria-labelledby={`ensemble-${s.id}`} data-charter={s.id}>
      <h3 id={`ensemble-${s.id}`}>{s.name}</h3>
      <table className="crisis-rungs">
        <caption className="muted">
          Fractions of {s.runs.toLocaleString('en')} runs; members as of {s.date}.
        </caption>
        <thead>
          <tr>
            <th scope="col">Rung</th>
            <th scope="col">Decided by</th>
            <th scope="col">Reached</th>
            <th scope="col">Adopted</th>
            <th scope="col">Most often blocked alone by</th>
          </tr>
        </thead>
        <tbody>
          {s.rungs.map((r) => (
            <tr key={`${r.guarantee}/${r.id}`} data-rung={r.id}>
              <th scope="row">{r.title}</th>
              <td>
                {r.decidedBy ? `${r.decidedBy.body} (${r.decidedBy.category})` : 'follows without a vote'}
              </td>
              <td className="num" data-value="reached">
                {r.reached.toFixed(4)}
              </td>
              <td className="num" data-value="adopted">
                {r.adopted.toFixed(4)}
              </td>
              <td>{r.blockers.map((b) => `${b.id} ${pct(b.share)}`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid={`blocking-${s.id}`}>
        Most often blocking (a pivotal no or abstention in a failed vote):{' '}
        {blockers.length ? blockers.map((b) => `${b.id} in ${pct(b.share)} of runs`).join(', ') : 'no one'}.
      </p>
    </section>
  );
}

const rungLabel = (s: EnsembleSummary, r: EnsembleSummary['rungs'][number]) => `${s.id}: ${r.title}`;

/**
 * When each rung is adopted: over the runs in which it was, the share of runs by day after the first incident
 * (dots sized by runs), with the median marked; the table below gives the median, 10–90% and mean.
 */
function TimeToAdoption({ summaries }: { summaries: EnsembleSummary[] }) {
  const adopted = useMemo(
    () =>
      summaries.flatMap((s) =>
        s.rungs.filter((r) => r.adopted > 0).map((r) => ({ s, r, rung: rungLabel(s, r) })),
      ),
    [summaries],
  );
  const make = useCallback(() => {
    const dots = adopted.flatMap(({ s, r, rung }) =>
      r.timeToAdoption.histogram.map((h) => ({ charter: s.name, rung, day: h.day, share: h.runs / s.runs })),
    );
    const medians = adopted.map(({ s, r, rung }) => ({
      charter: s.name,
      rung,
      day: r.timeToAdoption.median,
    }));
    return Plot.plot({
      width: 760,
      height: 70 + adopted.length * 26,
      marginLeft: 260,
      x: { label: 'day after the first incident on which the rung was adopted', grid: true },
      y: { label: null, domain: adopted.map((a) => a.rung) },
      r: { range: [1.5, 9] },
      color: { domain: summaries.map((s) => s.name), range: COLOURS, legend: true },
      marks: [
        Plot.dot(dots, {
          x: 'day',
          y: 'rung',
          r: 'share',
          fill: 'charter',
          fillOpacity: 0.7,
          title: (d: (typeof dots)[number]) => `${d.rung}, day ${d.day}: ${pct(d.share)} of runs`,
        }),
        Plot.tickX(medians, { x: 'day', y: 'rung', stroke: 'currentColor', strokeWidth: 2 }),
      ],
    });
  }, [adopted, summaries]);
  return (
    <section aria-labelledby="adoption-title" className="panel">
      <h3 id="adoption-title">Time to response: the day each rung is adopted</h3>
      {adopted.length === 0 ? (
        <p>No rung is adopted in any run.</p>
      ) : (
        <figure className="crisis-chart adoption-chart">
          <PlotFigure
            make={make}
            label="Dot chart: for each adopted rung, the share of runs in which it was adopted on each day after the first incident; a tick marks the median. The table below has the numbers."
          />
        </figure>
      )}
      <table className="crisis-adoption">
        <caption className="muted">
          Days after the first incident, over the runs in which the rung was adopted (rounded up to whole
          days).
        </caption>
        <thead>
          <tr>
            <th scope="col">Charter</th>
            <th scope="col">Rung</th>
            <th scope="col">Adopted in</th>
            <th scope="col">Median day</th>
            <th scope="col">10–90%</th>
            <th scope="col">Mean day</th>
          </tr>
        </thead>
        <tbody>
          {summaries.flatMap((s, i) =>
            s.rungs.map((r) => {
              const t = r.timeToAdoption;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: an uploaded charter may share a built-in one's id
                <tr key={`${i}/${r.guarantee}/${r.id}`} data-charter={s.id} data-rung={r.id}>
                  <td>{s.name}</td>
                  <th scope="row">{r.title}</th>
                  <td className="num">{pct(t.share)}</td>
                  <td className="num" data-value="median">
                    {t.median ?? '—'}
                  </td>
                  <td className="num">{t.p10 === null ? '—' : `${t.p10}–${t.p90}`}</td>
                  <td className="num">{t.mean === null ? '—' : t.mean.toFixed(1)}</td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </section>
  );
}
