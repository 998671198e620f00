import type { DesignCandidate, DesignResult, Player } from '@concert/engine';
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo, useState } from 'react';
import { DEFAULT_DESIGN, type DesignForm, designPlan } from './design-form.ts';
import { percent } from './format.ts';
import { JobProgress } from './JobProgress.tsx';
import { usePowerJob } from './job.ts';
import { PlotFigure } from './PlotFigure.tsx';
import type { Outcome } from './protocol.ts';

type Designed = Extract<Outcome, { type: 'designed' }>;
/** The form's fields of one type. */
type KeysOf<T> = { [K in keyof DesignForm]: DesignForm[K] extends T ? K : never }[keyof DesignForm];

/** The engine's design search over the selected body's members: goals in, Pareto set out. */
export function DesignPanel({ players, label }: { players: Player[]; label: string }) {
  const [form, setForm] = useState<DesignForm>(DEFAULT_DESIGN);
  const job = usePowerJob<Designed>();
  const plan = useMemo(() => designPlan(form, players), [form, players]);
  const set = <K extends keyof DesignForm>(key: K, value: DesignForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  // A labelled input bound to one field of the form: numbers unless `text`, checkboxes for the goals' switches.
  const field = (
    key: KeysOf<string>,
    label: string,
    size: number,
    { text = false, disabled = false }: { text?: boolean; disabled?: boolean } = {},
  ) => (
    <label>
      {label}
      <input
        inputMode={text ? undefined : 'decimal'}
        size={size}
        value={form[key]}
        disabled={disabled}
        onChange={(e) => set(key, e.target.value)}
      />
    </label>
  );
  const check = (key: KeysOf<boolean>, label: string) => (
    <label className="check">
      <input type="checkbox" checked={form[key]} onChange={(e) => set(key, e.target.checked)} />
      {label}
    </label>
  );
  const running = job.state.status === 'running';
  const [maxDistance, setMaxDistance] = useState<number | null>(null);
  const run = () => {
    if (!plan.ok) return;
    setMaxDistance(plan.maxDistance);
    job.start({ type: 'design', input: plan.input }, label);
  };
  return (
    <section aria-labelledby="design-title">
      <h2 id="design-title">Design search</h2>
      <p className="muted">
        Tries every rule “weight ≥ q% of the total (and members ≥ c%)” with integer weights ∝ population^α
        over these {players.length} members, analyses each exactly, and keeps those meeting the goals.
      </p>
      <fieldset className="controls design-form">
        <legend>Goals and search grid</legend>
        {field('quotaFrom', 'Quota from (%)', 5)}
        {field('quotaTo', 'Quota to (%)', 5)}
        {field('quotaStep', 'Quota step', 5)}
        {check('populationWeights', 'Weights population^α')}
        {field('alphas', 'Exponents α (comma-separated)', 12, {
          text: true,
          disabled: !form.populationWeights,
        })}
        {field('countQuota', 'Also a share of members (%, optional)', 5)}
        {check('noSingleBlocker', 'No single member can block')}
        {check('noPairPasses', 'No two members pass alone')}
        {field('minPass', 'Passage probability at least (0–1, optional)', 5)}
        {field('maxDistance', 'Distance to the square-root ideal at most (RMS, optional)', 7)}
      </fieldset>
      {!plan.ok ? (
        <p className="error" role="alert">
          {plan.message}
        </p>
      ) : null}
      <div className="controls">
        <button type="button" disabled={!plan.ok || running} onClick={run}>
          Run design search
          {plan.ok
            ? ` (${plan.input.quotas.length * plan.input.alphas.length * plan.input.countQuotas.length} rules)`
            : ''}
        </button>
      </div>
      <JobProgress state={job.state} cancel={job.cancel} name="Design search" />
      {job.state.status === 'done' ? (
        <DesignOutcome result={job.state.outcome.result} maxDistance={maxDistance} label={job.state.label} />
      ) : null}
    </section>
  );
}

const weightsName = (alpha: number) =>
  alpha === 0 ? 'equal' : alpha === 1 ? 'population' : `population^${alpha}`;

function DesignOutcome({
  result,
  maxDistance,
  label,
}: {
  result: DesignResult;
  maxDistance: number | null;
  label: string;
}) {
  // Filtering by distance keeps the Pareto set a Pareto set: whatever dominates a kept rule is at least as close.
  const { feasible, pareto } = useMemo(() => {
    const within = (c: DesignCandidate) => maxDistance === null || c.distanceToIdeal <= maxDistance;
    return {
      feasible: result.candidates.filter((c) => c.meetsGoals && within(c)),
      pareto: result.pareto.filter(within),
    };
  }, [result, maxDistance]);
  const make = useCallback(
    () =>
      Plot.plot({
        width: 640,
        height: 360,
        grid: true,
        x: { label: 'RMS distance of Banzhaf power from the square-root ideal →', tickFormat: '.3f' },
        y: { label: '↑ passage probability', percent: true },
        color: { domain: ['meets the goals', 'Pareto set'], range: ['#bbbbbb', '#d55e00'], legend: true },
        marks: [
          Plot.dot(feasible, {
            x: 'distanceToIdeal',
            y: 'passProbability',
            fill: () => 'meets the goals',
            r: 3,
          }),
          Plot.line(pareto, {
            x: 'distanceToIdeal',
            y: 'passProbability',
            stroke: '#d55e00',
            sort: 'distanceToIdeal',
          }),
          Plot.dot(pareto, {
            x: 'distanceToIdeal',
            y: 'passProbability',
            fill: () => 'Pareto set',
            r: 5,
            title: (c: DesignCandidate) => `${weightsName(c.alpha)}, quota ${c.quota}%`,
          }),
        ],
      }),
    [feasible, pareto],
  );
  return (
    <div className="design-outcome">
      <p role="status">
        {label}: {result.candidates.length} rules tried, {feasible.length} meet the goals, {pareto.length} on
        the Pareto set. Square-root weights' optimal quota by the Słomczyński–Życzkowski approximation:{' '}
        {percent(result.jagiellonianQuota, 2)}.
      </p>
      {pareto.length ? (
        <>
          <PlotFigure
            make={make}
            label={`Scatter plot of the ${feasible.length} rules meeting the goals, distance to the square-root ideal against passage probability, with the ${pareto.length} Pareto-optimal rules highlighted; the table lists them.`}
          />
          <table className="pareto-table">
            <caption>Pareto set: closeness to the square-root ideal against the chance of passing</caption>
            <thead>
              <tr>
                <th scope="col">Weights</th>
                <th scope="col" className="num">
                  Quota
                </th>
                <th scope="col" className="num">
                  Members
                </th>
                <th scope="col" className="num">
                  Distance
                </th>
                <th scope="col" className="num">
                  P(pass)
                </th>
                <th scope="col">Largest (power ÷ ideal)</th>
                <th scope="col" className="num">
                  Smallest blocking
                </th>
              </tr>
            </thead>
            <tbody>
              {pareto.map((c) => (
                <tr key={`${c.alpha}/${c.quota}/${c.countQuota}`}>
                  <td>{weightsName(c.alpha)}</td>
                  <td className="num">{c.quota}%</td>
                  <td className="num">{c.countQuota === null ? '—' : `${c.countQuota}%`}</td>
                  <td className="num">{c.distanceToIdeal.toFixed(5)}</td>
                  <td className="num">{c.passProbability.toFixed(4)}</td>
                  <td>
                    {c.largest.id} {percent(c.largest.banzhaf)} ({c.largest.ratioToIdeal.toFixed(2)}×)
                  </td>
                  <td className="num">{c.smallestBlocking ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p>No rule in the grid meets every goal; widen the quotas or relax a goal.</p>
      )}
    </div>
  );
}
