import { type FormEvent, useState } from 'react';
import { api, type User } from '../api.ts';
import { routeHref } from '../router.ts';
import { useAction, useResource } from './hooks.ts';
import { InstitutionSelect } from './InstitutionSelect.tsx';
import type { Institution, SessionSummary } from './types.ts';

const canOpenSessions = (user: User) => user.role === 'presidency' || user.role === 'secretariat';

/** The institution's sessions, and for the presidency and secretariat a form to open a new one. */
export function SessionList({
  user,
  institutionId,
  onInstitution,
}: {
  user: User;
  institutionId: string;
  onInstitution: (id: string) => void;
}) {
  const sessions = useResource<SessionSummary[]>(
    `/api/sessions?institution=${encodeURIComponent(institutionId)}`,
  );
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions</h2>
      {!user.institution && <InstitutionSelect value={institutionId} onChange={onInstitution} />}
      {sessions.error && (
        <p role="alert" className="error">
          {sessions.error}
        </p>
      )}
      {sessions.data?.length === 0 && <p>No sessions yet.</p>}
      {sessions.data && sessions.data.length > 0 && (
        <ul className="council-sessions">
          {sessions.data.map((s) => (
            <li key={s.id}>
              <a href={routeHref('council', { session: String(s.id) })}>
                Session {s.id}: {s.title}
              </a>{' '}
              <span className="muted">
                ({s.body}, {s.status})
              </span>
            </li>
          ))}
        </ul>
      )}
      {canOpenSessions(user) && <NewSession institutionId={institutionId} />}
    </section>
  );
}

function NewSession({ institutionId }: { institutionId: string }) {
  const institution = useResource<Institution>(`/api/institutions/${encodeURIComponent(institutionId)}`);
  const [title, setTitle] = useState('');
  const [agenda, setAgenda] = useState('');
  const [body, setBody] = useState('');
  const create = useAction((b: { institution: string; body: string; title: string; agenda: string[] }) =>
    api.post<SessionSummary>('/api/sessions', b),
  );
  const bodies = institution.data?.bodies ?? [];
  const chosenBody = body || bodies[0]?.id || '';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const items = agenda
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const session = await create.run({ institution: institutionId, body: chosenBody, title, agenda: items });
    if (session) location.hash = routeHref('council', { session: String(session.id) });
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="new-session-title">
      <h3 id="new-session-title">Open a new session</h3>
      <div className="controls">
        <label>
          Body
          <select value={chosenBody} onChange={(e) => setBody(e.target.value)}>
            {bodies.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Session title
          <input required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          Agenda (one item a line)
          <textarea rows={3} cols={40} value={agenda} onChange={(e) => setAgenda(e.target.value)} />
        </label>
        <button type="submit" aria-disabled={create.pending || !chosenBody}>
          {create.pending ? 'Opening…' : 'Open session'}
        </button>
      </div>
      {(create.error || institution.error) && (
        <p role="alert" className="error">
          {create.error ?? institution.error}
        </p>
      )}
    </form>
  );
}
