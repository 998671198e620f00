import { builtinCharter, builtinScenario, builtinScenarioIds } from '@concert/engine';
import { useEffect, useId, useState } from 'react';
import { replaceParams } from '../router.ts';
import { EnsembleResults } from './EnsembleResults.tsx';
import { type EnsembleState, useEnsembleJob } from './job.ts';
import {
  type CrisisSelection,
  ladderCharterIds,
  MAX_RUNS,
  normaliseSelection,
  selectionParams,
} from './selection.ts';
import { Timeline } from './Timeline.tsx';
import './crisis.css';
import { ProgressBar } from '../components/ProgressBar.tsx';

export function CrisisLab({ params }: { params: URLSearchParams }) {
  const [selection, setSelection] = useState<CrisisSelection>(() => normaliseSelection(params));
  const job = useEnsembleJob();
  const { start, reset } = job;
  const { scenario, charters, runs, seed } = selection;
  const key = charters.join(',');
  // Every change of choice starts a fresh ensemble (terminating any running one), so no stale numbers stay up.
  useEffect(() => {
    if (key === '') reset();
    else start({ scenario, charters: key.split(','), runs, seed });
  }, [start, reset, scenario, key, runs, seed]);
  const update = (next: Partial<CrisisSelection>) => {
    const s = { ...selection, ...next };
    setSelection(s);
    replaceParams('crisis', selectionParams(s));
  };
  return (
    <>
      <CrisisForm selection={selection} update={update} />
      <ScenarioPanel id={selection.scenario} />
      {selection.charters[0] ? (
        <Timeline scenario={selection.scenario} charter={selection.charters[0]} seed={selection.seed} />
      ) : null}
      {selection.charters.length === 0 ? <p role="status">Tick at least one charter.</p> : null}
      <EnsembleStatus state={job.state} cancel={job.cancel} />
      {job.state.status === 'done' ? <EnsembleResults summaries={job.state.summaries} /> : null}
    </>
  );
}

function CrisisForm({
  selection,
  update,
}: {
  selection: CrisisSelection;
  update: (next: Partial<CrisisSelection>) => void;
}) {
  const toggle = (id: string, on: boolean) =>
    update({
      charters: ladderCharterIds().filter((c) => (c === id ? on : selection.charters.includes(c))),
    });
  return (
    <form className="crisis-form panel" onSubmit={(e) => e.preventDefault()}>
      <div>
        <label htmlFor="crisis-scenario">Scenario</label>{' '}
        <select
          id="crisis-scenario"
          value={selection.scenario}
          onChange={(e) => update({ scenario: e.target.value })}
        >
          {builtinScenarioIds().map((id) => (
            <option key={id} value={id}>
              {builtinScenario(id).title}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>Charters</legend>
        {ladderCharterIds().map((id) => (
          <label key={id}>
            <input
              type="checkbox"
              checked={selection.charters.includes(id)}
              onChange={(e) => toggle(id, e.target.checked)}
            />{' '}
            {builtinCharter(id).name} ({id})
          </label>
        ))}
      </fieldset>
      <NumberField
        label="Runs"
        value={selection.runs}
        min={1}
        max={MAX_RUNS}
        onChange={(runs) => update({ runs })}
      />
      <NumberField
        label="Seed"
        value={selection.seed}
        min={0}
        max={2 ** 32 - 1}
        onChange={(seed) => update({ seed })}
      />
    </form>
  );
}

/** An integer input that passes on only whole numbers in range; anything else is shown as invalid. */
function NumberField({
  label,
  value,
  min,
  max,
  onChange,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (n: number) => void;
}) {
  const [text, setText] = useState(String(value));
  const n = Number(text);
  const valid = text !== '' && Number.isInteger(n) && n >= min && n <= max;
  const id = useId();
  return (
    <div>
      <label htmlFor={id}>{label}</label>{' '}
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={text}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : `${id}-error`}
        onChange={(e) => {
          setText(e.target.value);
          const next = Number(e.target.value);
          if (e.target.value !== '' && Number.isInteger(next) && next >= min && next <= max) onChange(next);
        }}
      />
      {valid ? null : (
        <span id={`${id}-error`} className="error" role="alert">
          {' '}
          a whole number from {min.toLocaleString('en')} to {max.toLocaleString('en')}
        </span>
      )}
    </div>
  );
}

function ScenarioPanel({ id }: { id: string }) {
  const s = builtinScenario(id);
  return (
    <section className="panel" aria-labelledby="scenario-title">
      <h2 id="scenario-title">{s.title}</h2>
      <p>
        {s.kind === 'historical' ? 'Historical' : 'Hypothetical'}, day 0 = {s.date}. {s.summary}
      </p>
      <h3>Parties</h3>
      <ul className="crisis-parties">
        {s.parties.map((p) => (
          <li key={p.id}>
            {p.id}: {p.role}
            {p.note ? ` (${p.note})` : ''}
          </li>
        ))}
      </ul>
      {s.assumptions.length ? (
        <>
          <h3>Assumptions</h3>
          <ul>
            {s.assumptions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function EnsembleStatus({ state, cancel }: { state: EnsembleState; cancel: () => void }) {
  if (state.status === 'running')
    return (
      <ProgressBar
        name="Ensemble"
        fraction={state.fraction}
        stage={state.stage}
        onCancel={cancel}
        className="crisis-progress"
      />
    );
  if (state.status === 'cancelled') return <p role="status">Ensemble cancelled.</p>;
  if (state.status === 'failed')
    return (
      <p className="error" role="alert">
        Ensemble failed: {state.message}
      </p>
    );
  return null;
}
