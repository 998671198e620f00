import type { Scenario } from '@concert/engine';
import { useEffect, useId, useState } from 'react';
import { replaceParams } from '../router.ts';
import { UPLOADED, type Uploads, useUploads } from '../uploads/store.ts';
import { EnsembleResults } from './EnsembleResults.tsx';
import { type EnsembleState, useEnsembleJob } from './job.ts';
import { ScenarioUpload } from './ScenarioUpload.tsx';
import {
  type CrisisSelection,
  charterChoices,
  charterOf,
  MAX_RUNS,
  normaliseSelection,
  scenarioChoices,
  scenarioOf,
  selectionParams,
} from './selection.ts';
import { Timeline } from './Timeline.tsx';
import './crisis.css';
import { ProgressBar } from '../components/ProgressBar.tsx';

export function CrisisLab({ params }: { params: URLSearchParams }) {
  const up = useUploads();
  const [selection, setSelection] = useState<CrisisSelection>(() => normaliseSelection(params, up));
  const job = useEnsembleJob();
  const { start, reset } = job;
  const { scenario, charters, runs, seed, ignoreRecusal } = selection;
  const key = charters.join(',');
  // Every change of choice (or of an uploaded file in use) starts a fresh ensemble, terminating any running
  // one, so no stale numbers stay up.
  useEffect(() => {
    if (key === '') reset();
    else
      start({
        scenario: scenarioOf(scenario, up),
        charters: key.split(',').map((id) => charterOf(id, up)),
        runs,
        seed,
        ignoreRecusal,
      });
  }, [start, reset, scenario, key, runs, seed, ignoreRecusal, up]);
  const update = (next: Partial<CrisisSelection>) => {
    const s = { ...selection, ...next };
    setSelection(s);
    replaceParams('crisis', selectionParams(s));
  };
  return (
    <>
      <CrisisForm selection={selection} update={update} up={up} />
      <ScenarioUpload onUploaded={() => update({ scenario: UPLOADED })} />
      <ScenarioPanel scenario={scenarioOf(selection.scenario, up)} />
      {selection.charters[0] ? (
        <Timeline
          scenario={scenarioOf(selection.scenario, up)}
          charter={charterOf(selection.charters[0], up)}
          seed={selection.seed}
          ignoreRecusal={selection.ignoreRecusal}
        />
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
  up,
}: {
  selection: CrisisSelection;
  update: (next: Partial<CrisisSelection>) => void;
  up: Uploads;
}) {
  const choices = charterChoices(up);
  const toggle = (id: string, on: boolean) =>
    update({
      charters: choices.map((c) => c.id).filter((c) => (c === id ? on : selection.charters.includes(c))),
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
          {scenarioChoices(up).map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>Charters</legend>
        {choices.map((c) => (
          <label key={c.id}>
            <input
              type="checkbox"
              checked={selection.charters.includes(c.id)}
              onChange={(e) => toggle(c.id, e.target.checked)}
            />{' '}
            {c.label}
          </label>
        ))}
        {up.charter ? null : (
          <span className="muted">
            Your own charter: check it in <a href="#/charters?upload=1">Charters</a> or upload it in the{' '}
            <a href="#/power">power lab</a>; it is then listed here.
          </span>
        )}
      </fieldset>
      <fieldset>
        <legend>Recusal</legend>
        <label>
          <input
            type="checkbox"
            checked={selection.ignoreRecusal}
            onChange={(e) => update({ ignoreRecusal: e.target.checked })}
          />{' '}
          Let the parties vote (ignore recusal: the counterfactual of <code>--no-recusal</code>)
        </label>
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

function ScenarioPanel({ scenario: s }: { scenario: Scenario }) {
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
