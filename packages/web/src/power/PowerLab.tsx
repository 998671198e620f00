import type { Charter, Rule } from '@concert/engine';
import { useEffect, useMemo, useState } from 'react';
import { replaceParams } from '../router.ts';
import { UPLOADED, useUploads } from '../uploads/store.ts';
import { DesignPanel } from './DesignPanel.tsx';
import { JobProgress } from './JobProgress.tsx';
import { usePowerJob } from './job.ts';
import { PowerResults } from './PowerResults.tsx';
import { PowerUpload } from './PowerUpload.tsx';
import type { Outcome } from './protocol.ts';
import { RuleEditor } from './RuleEditor.tsx';
import { ruleToYaml } from './rule-text.ts';
import {
  charterChoices,
  charterOf,
  GAME_FILE,
  messageOf,
  normaliseSelection,
  type Selection,
  selectedGame,
} from './selection.ts';
import './power.css';

type Analysed = Extract<Outcome, { type: 'analysed' }>;

export function PowerLab({ params }: { params: URLSearchParams }) {
  const up = useUploads();
  const [selection, setSelection] = useState<Selection>(() => normaliseSelection(params, up));
  const charter = charterOf(selection.charter, up);
  const selected = useMemo(() => {
    try {
      return { ok: true as const, game: selectedGame(selection, up) };
    } catch (e) {
      return { ok: false as const, message: messageOf(e) };
    }
  }, [selection, up]);
  const job = usePowerJob<Analysed>();
  const { start, reset } = job;

  // A link or the address bar can change the hash while the lab is open; the lab follows it.
  const query = params.toString();
  useEffect(() => {
    const next = normaliseSelection(new URLSearchParams(query));
    setSelection((s) => (JSON.stringify(s) === JSON.stringify(next) ? s : next));
  }, [query]);
  useEffect(() => {
    replaceParams('power', { ...selection });
  }, [selection]);
  useEffect(() => {
    if (selected.ok) start({ type: 'analyse', ...selected.game }, selected.game.label);
    else reset();
  }, [selected, start, reset]);

  const choose = (change: Partial<Selection>) =>
    setSelection((s) => normaliseSelection(new URLSearchParams({ ...s, ...change })));
  const analyseEdited = (rule: Rule) => {
    if (selected.ok)
      start(
        {
          type: 'analyse',
          players: selected.game.players,
          rule,
          label: `${selected.game.label} (edited rule)`,
        },
        `${selected.game.label} — edited rule`,
      );
  };
  const rule = selected.ok ? selected.game.rule : null;
  const initialRule = useMemo(() => (rule ? ruleToYaml(rule) : ''), [rule]);

  return (
    <div className="power-lab">
      <fieldset className="controls selection">
        <legend className="visually-hidden">Decision to analyse</legend>
        <div className="field">
          <label htmlFor="power-charter">Charter</label>
          <select
            id="power-charter"
            value={selection.charter}
            onChange={(e) => choose({ charter: e.target.value, body: '', category: '' })}
          >
            {charterChoices(up).map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        {charter ? <BodyFields charter={charter} selection={selection} choose={choose} /> : null}
      </fieldset>
      {selected.ok ? (
        <p className="muted">
          {selected.game.players.length} members. Rule cited: {selected.game.cite}
        </p>
      ) : (
        <p className="error" role="alert">
          {selected.message}
        </p>
      )}
      <PowerUpload
        onUploaded={(kind) =>
          choose({ charter: kind === 'game' ? GAME_FILE : UPLOADED, body: '', category: '', date: '' })
        }
      />
      <details className="panel">
        <summary>Edit the rule (YAML)</summary>
        {selected.ok ? (
          <RuleEditor
            initial={initialRule}
            players={selected.game.players}
            busy={job.state.status === 'running'}
            onAnalyse={analyseEdited}
          />
        ) : null}
      </details>
      <JobProgress state={job.state} cancel={job.cancel} name="Power analysis" />
      {job.state.status === 'done' ? (
        <>
          <p className="muted" data-testid="analysed">
            Analysed: {job.state.label}
          </p>
          <PowerResults result={job.state.outcome.result} verdict={job.state.outcome.verdict} />
        </>
      ) : null}
      {selected.ok ? <DesignPanel players={selected.game.players} label={selected.game.label} /> : null}
    </div>
  );
}

/** Body, category and date: what a charter needs to name one decision (a game file has one rule and no dates). */
function BodyFields({
  charter,
  selection,
  choose,
}: {
  charter: Charter;
  selection: Selection;
  choose: (change: Partial<Selection>) => void;
}) {
  const body = charter.bodies.find((b) => b.id === selection.body) ?? charter.bodies[0]!;
  return (
    <>
      <div className="field">
        <label htmlFor="power-body">Body</label>
        <select
          id="power-body"
          value={selection.body}
          onChange={(e) => choose({ body: e.target.value, category: '' })}
        >
          {charter.bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="power-category">Category</label>
        <select
          id="power-category"
          value={selection.category}
          onChange={(e) => choose({ category: e.target.value })}
        >
          {body.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="power-date">Members as of</label>
        <input
          id="power-date"
          type="date"
          value={selection.date}
          onChange={(e) => e.target.value && choose({ date: e.target.value })}
        />
      </div>
    </>
  );
}
