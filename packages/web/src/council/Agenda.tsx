import { type FormEvent, useState } from 'react';
import { api, type User } from '../api.ts';
import { useAction } from './hooks.ts';
import type { SessionDetail } from './types.ts';

/** The agenda; the presidency and the secretariat add items, the presidency closes the session. */
export function Agenda({
  session,
  user,
  onChange,
}: {
  session: SessionDetail;
  user: User;
  onChange: () => void;
}) {
  const [title, setTitle] = useState('');
  const add = useAction(async (t: string) => {
    await api.post(`/api/sessions/${session.id}/agenda`, { title: t });
    return true;
  });
  const close = useAction(async () => {
    await api.post(`/api/sessions/${session.id}/close`);
    return true;
  });
  const open = session.status === 'open';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await add.run(title)) {
      setTitle('');
      onChange();
    }
  };
  return (
    <section aria-labelledby="agenda-title">
      <h3 id="agenda-title">Agenda</h3>
      {session.agenda.length === 0 ? (
        <p>No agenda items.</p>
      ) : (
        <ol className="council-agenda">
          {session.agenda.map((a) => (
            <li key={a.id}>{a.title}</li>
          ))}
        </ol>
      )}
      {open && (user.role === 'presidency' || user.role === 'secretariat') && (
        <form className="controls" onSubmit={submit}>
          <label>
            New agenda item
            <input required maxLength={500} value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <button type="submit" className="secondary" aria-disabled={add.pending}>
            Add to agenda
          </button>
          {add.error && (
            <p role="alert" className="error">
              {add.error}
            </p>
          )}
        </form>
      )}
      {open && user.role === 'presidency' && (
        <div className="council-actions">
          <button
            type="button"
            className="secondary"
            aria-disabled={close.pending}
            onClick={async () => {
              if (await close.run()) onChange();
            }}
          >
            Close session
          </button>
          {close.error && (
            <p role="alert" className="error">
              {close.error}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
