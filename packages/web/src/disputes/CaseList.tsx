import { type FormEvent, useState } from 'react';
import { api, type User } from '../api.ts';
import { useAction, useResource } from '../council/hooks.ts';
import { InstitutionSelect } from '../council/InstitutionSelect.tsx';
import type { Delegation } from '../council/types.ts';
import { nameOf } from '../map/StateMap.tsx';
import { routeHref } from '../router.ts';
import { canFile, ownState } from './actions.ts';
import { LiveNote } from './LiveNote.tsx';
import { useDisputeFeed } from './live.ts';
import { relativeTo } from './timeline.ts';
import type { CaseListEntry, CaseSummary } from './types.ts';

export const SUBJECTS = ['territorial', 'resource', 'treaty-interpretation', 'other'] as const;

export const STATUS_LABELS: Record<CaseSummary['status'], string> = {
  'not-filed': 'not filed',
  'in-step': 'in a step',
  'awaiting-step': 'awaiting the next step',
  'awaiting-compliance': 'awaiting compliance',
  settled: 'settled',
  complied: 'complied',
  withdrawn: 'withdrawn',
  referred: 'referred',
  exhausted: 'procedure exhausted',
};

export const partyNames = (parties: string[]) => parties.map(nameOf).join(' – ');

/** The registry of an institution's dispute cases, and for its members and the secretariat a filing form. */
export function CaseList({
  user,
  institution,
  onInstitution,
}: {
  user: User;
  institution: string;
  onInstitution: (id: string) => void;
}) {
  const feed = useDisputeFeed(institution);
  const cases = useResource<CaseListEntry[]>(
    `/api/disputes?institution=${encodeURIComponent(institution)}`,
    feed.version,
  );
  return (
    <section aria-labelledby="registry-title">
      <h2 id="registry-title">Registry of cases</h2>
      {!user.institution && <InstitutionSelect value={institution} onChange={onInstitution} />}
      <LiveNote liveness={feed.liveness} last={feed.last} />
      <p>
        <a href={routeHref('disputes', { institution }, 'territory')}>
          Territory: border changes, demilitarized zones, violations →
        </a>
      </p>
      {cases.error && (
        <p role="alert" className="error">
          {cases.error}
        </p>
      )}
      {cases.data?.length === 0 && <p>No cases filed in {institution} yet.</p>}
      {cases.data && cases.data.length > 0 && (
        <table className="dispute-registry">
          <caption className="visually-hidden">Dispute cases of {institution}</caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Parties</th>
              <th scope="col">Subject</th>
              <th scope="col">Filed</th>
              <th scope="col">Current stage</th>
              <th scope="col">Next deadline</th>
            </tr>
          </thead>
          <tbody>
            {cases.data.map((c) => (
              <CaseRow key={c.id} summary={c} />
            ))}
          </tbody>
        </table>
      )}
      {canFile(user, institution) && <FileCase user={user} institution={institution} />}
    </section>
  );
}

/** One row: the server's list carries the stage and the engine's next deadline, so no row fetches its case. */
function CaseRow({ summary: c }: { summary: CaseListEntry }) {
  const next = c.nextDeadline;
  return (
    <tr>
      <td>
        <a href={routeHref('disputes', undefined, String(c.id))}>
          Case {c.id}
          {c.title ? `: ${c.title}` : ''}
        </a>
      </td>
      <td>{partyNames(c.parties)}</td>
      <td>{c.subject}</td>
      <td className="date">{c.filed}</td>
      <td>
        {STATUS_LABELS[c.status]}
        {c.stepTitle ? ` — ${c.stepTitle}` : c.step ? ` — ${c.step}` : ''}
      </td>
      <td>
        {next ? (
          <>
            {next.due}: {next.what}{' '}
            <span className="muted">({relativeTo(c.asOf, next.due)} after the last event)</span>
          </>
        ) : (
          <span className="muted">none running</span>
        )}
      </td>
    </tr>
  );
}

function FileCase({ user, institution }: { user: User; institution: string }) {
  const delegations = useResource<Delegation[]>(
    `/api/institutions/${encodeURIComponent(institution)}/delegations`,
  );
  const own = ownState(user, institution);
  const members = (delegations.data ?? [])
    .map((d) => d.memberId)
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [by, setBy] = useState('');
  const [respondent, setRespondent] = useState('');
  const [subject, setSubject] = useState<string>('territorial');
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const file = useAction((body: Record<string, unknown>) => api.post<CaseSummary>('/api/disputes', body));
  const filer = own ?? (by || members[0] || '');
  const other = respondent || members.find((m) => m !== filer) || '';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const filed = await file.run({
      institution,
      date,
      by: filer,
      parties: [filer, other],
      subject,
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (filed) location.hash = routeHref('disputes', undefined, String(filed.id));
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="file-title">
      <h3 id="file-title">File a case</h3>
      <p className="muted">
        The engine checks that both parties are members on the date and that the charter's procedure covers
        the subject; the first step (for the continental charter, a mandated negotiation) opens on filing.
      </p>
      <div className="controls">
        <label>
          Filing date
          <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        {own ? (
          <p>
            Filed by <strong>{nameOf(own)}</strong>
          </p>
        ) : (
          <MemberSelect label="Filed by" value={filer} members={members} onChange={setBy} />
        )}
        <MemberSelect
          label="Other party"
          value={other}
          members={members.filter((m) => m !== filer)}
          onChange={setRespondent}
        />
        <label>
          Subject
          <select value={subject} onChange={(e) => setSubject(e.target.value)}>
            {SUBJECTS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Title
          <input maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          Note
          <input maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" aria-disabled={file.pending || !filer || !other}>
          {file.pending ? 'Filing…' : 'File the case'}
        </button>
      </div>
      {(file.error || delegations.error) && (
        <p role="alert" className="error">
          {file.error ?? delegations.error}
        </p>
      )}
    </form>
  );
}

function MemberSelect(props: {
  label: string;
  value: string;
  members: string[];
  onChange: (id: string) => void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.members.map((m) => (
          <option key={m} value={m}>
            {nameOf(m)}
          </option>
        ))}
      </select>
    </label>
  );
}
