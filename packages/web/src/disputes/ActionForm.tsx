import { type FormEvent, useState } from 'react';
import { api, type User } from '../api.ts';
import { useAction } from '../council/hooks.ts';
import {
  ACTION_LABELS,
  ACTION_TYPES,
  type ActionType,
  type Draft,
  defaultBy,
  eventOf,
  FIELDS,
  type Field,
} from './actions.ts';
import type { CaseDetail } from './types.ts';

const FIELD_LABELS: Record<Field, string> = {
  step: 'Step',
  mediator: 'Mediator (state id)',
  seed: 'Seed of the lot',
  arbitrator: 'Arbitrator’s nationality (state id)',
  role: 'Seat',
  for: 'For the party (when the authority fills its seat)',
  in_favour_of: 'In favour of (optional)',
  against: 'Against',
  deadline: 'Deadline',
};

/**
 * Record the next event of a case. The actions the procedure allows now come first; any other can be tried too,
 * and the server's refusal (the engine's reason and what is allowed instead) is shown next to the form.
 */
export function ActionForm({
  user,
  detail,
  onRecorded,
}: {
  user: User;
  detail: CaseDetail;
  onRecorded: () => void;
}) {
  const s = detail.state;
  const allowedTypes = [...new Set(s.allowed.map((a) => a.type))].filter(
    (t): t is ActionType => t !== 'file',
  );
  const ordered = [...allowedTypes, ...ACTION_TYPES.filter((t) => !allowedTypes.includes(t))];
  const first = ordered[0] ?? 'deadline';
  const fresh = (type: ActionType): Draft => ({
    type,
    date: s.asOf,
    by: defaultBy(user, detail.institution, s, type),
    note: '',
    ...(type === 'open-step' && s.nextStep ? { step: s.nextStep } : {}),
    ...(type === 'appoint-arbitrator' ? { role: 'party' } : {}),
    ...(type === 'draw-mediator' ? { seed: '1' } : {}),
    ...(type === 'deadline' && s.deadlines[0] ? { deadline: s.deadlines[0].id } : {}),
  });
  const [draft, setDraft] = useState<Draft>(() => fresh(first));
  const record = useAction((event: Record<string, unknown>) =>
    api.post(`/api/disputes/${detail.id}/events`, event),
  );
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The parent remounts the form on the new state, so the next action starts from what is allowed then.
    if ((await record.run(eventOf(draft))) !== undefined) onRecorded();
  };
  return (
    <form className="panel dispute-action" onSubmit={submit} aria-labelledby="action-title">
      <h3 id="action-title">Record the next event</h3>
      <p className="muted">
        Dates are the procedure's dates, on or after the last event ({s.asOf}). For a joint act, list the
        parties in “By”, separated by commas.
      </p>
      <div className="controls">
        <label>
          Action
          <select value={draft.type} onChange={(e) => setDraft(fresh(e.target.value as ActionType))}>
            {ordered.map((t) => (
              <option key={t} value={t}>
                {ACTION_LABELS[t]}
                {allowedTypes.includes(t) ? ' (allowed now)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Date
          <input type="date" required value={draft.date} onChange={(e) => set({ date: e.target.value })} />
        </label>
        <label>
          By
          <input value={draft.by} onChange={(e) => set({ by: e.target.value })} />
        </label>
        {FIELDS[draft.type].map((field) => (
          <FieldInput key={field} field={field} draft={draft} detail={detail} onChange={set} />
        ))}
        <label>
          Note
          <input maxLength={1000} value={draft.note} onChange={(e) => set({ note: e.target.value })} />
        </label>
        <button type="submit" aria-disabled={record.pending}>
          {record.pending ? 'Recording…' : 'Record'}
        </button>
      </div>
      {record.error && (
        <p role="alert" className="error">
          {record.error}
        </p>
      )}
    </form>
  );
}

function FieldInput({
  field,
  draft,
  detail,
  onChange,
}: {
  field: Field;
  draft: Draft;
  detail: CaseDetail;
  onChange: (change: Partial<Draft>) => void;
}) {
  const value = draft[field] ?? '';
  const label = FIELD_LABELS[field];
  if (field === 'role')
    return (
      <label>
        {label}
        <select value={value} onChange={(e) => onChange({ role: e.target.value })}>
          <option value="party">party arbitrator</option>
          <option value="presiding">presiding arbitrator</option>
        </select>
      </label>
    );
  if (field === 'deadline' && detail.state.deadlines.length > 0)
    return (
      <label>
        {label}
        <select value={value} onChange={(e) => onChange({ deadline: e.target.value })}>
          {detail.state.deadlines.map((d) => (
            <option key={d.id} value={d.id}>
              {d.what} (due {d.due})
            </option>
          ))}
        </select>
      </label>
    );
  if (field === 'against' || field === 'in_favour_of' || field === 'for')
    return (
      <label>
        {label}
        <select value={value} onChange={(e) => onChange({ [field]: e.target.value })}>
          <option value="">—</option>
          {detail.parties.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
    );
  return (
    <label>
      {label}
      <input
        value={value}
        inputMode={field === 'seed' ? 'numeric' : undefined}
        onChange={(e) => onChange({ [field]: e.target.value })}
      />
    </label>
  );
}
