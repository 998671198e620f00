import { useEffect, useMemo, useRef } from 'react';
import { api, type User } from '../api.ts';
import { routeHref } from '../router.ts';
import { Agenda } from './Agenda.tsx';
import { memberOf } from './format.ts';
import { type Connection, useAction, useResource, useSessionEvents } from './hooks.ts';
import { MotionList } from './Motions.tsx';
import type { Delegation, Institution, SessionDetail } from './types.ts';

const CONNECTION_TEXT: Record<Connection, string> = {
  connecting: 'Connecting to live updates…',
  live: 'Live: updates arrive as they happen.',
  reconnecting: 'Live updates interrupted — reconnecting…',
};

/** One session of a body: agenda, attendance, motions and their polls, kept current by the event stream. */
export function SessionRoom({ sessionId, user }: { sessionId: number; user: User }) {
  const { version, connection } = useSessionEvents(sessionId);
  const session = useResource<SessionDetail>(`/api/sessions/${sessionId}`, version);
  const s = session.data;
  const institution = useResource<Institution>(s ? `/api/institutions/${s.institution}` : null);
  const delegations = useResource<Delegation[]>(s ? `/api/institutions/${s.institution}/delegations` : null);
  const names = useMemo(
    () => new Map((delegations.data ?? []).map((d) => [d.memberId, d.name])),
    [delegations.data],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = !!s;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);
  if (session.error && !s) {
    return (
      <p role="alert" className="error">
        {session.error}
      </p>
    );
  }
  if (!s) return <p role="status">Loading the session…</p>;
  const body = institution.data?.bodies.find((b) => b.id === s.body);
  return (
    <section className="council-room" aria-labelledby="session-title">
      <p>
        <a href={routeHref('council')}>← All sessions</a>
      </p>
      <h2 id="session-title" ref={heading} tabIndex={-1}>
        Session {s.id}: {s.title}
      </h2>
      <p className="muted">
        {body?.name ?? s.body} of {institution.data?.name ?? s.institution} · {s.status}
      </p>
      <p className={`council-connection ${connection}`}>{CONNECTION_TEXT[connection]}</p>
      {session.error && (
        <p role="alert" className="error">
          {session.error}
        </p>
      )}
      <Agenda session={s} user={user} onChange={session.reload} />
      <Attendance session={s} user={user} names={names} onChange={session.reload} />
      <MotionList
        sessionId={s.id}
        motions={s.motions}
        polls={s.polls}
        categories={body?.categories ?? []}
        user={user}
        version={version}
        names={names}
        sessionOpen={s.status === 'open'}
        onChange={session.reload}
      />
    </section>
  );
}

function Attendance({
  session,
  user,
  names,
  onChange,
}: {
  session: SessionDetail;
  user: User;
  names: Map<string, string>;
  onChange: () => void;
}) {
  const present = session.attendance.filter((a) => a.present).map((a) => memberOf(a.delegation));
  const mine = user.delegation ? session.attendance.find((a) => a.delegation === user.delegation) : undefined;
  const checkedIn = mine?.present ?? false;
  const toggle = useAction(async (next: boolean) => {
    await api.post(`/api/sessions/${session.id}/attendance`, { present: next });
    return true;
  });
  return (
    <section aria-labelledby="attendance-title">
      <h3 id="attendance-title">Attendance</h3>
      {user.role === 'delegate' && user.delegation && session.status === 'open' && (
        <div className="council-actions">
          <p>
            Your delegation ({names.get(memberOf(user.delegation)) ?? memberOf(user.delegation)}) is{' '}
            <strong>{checkedIn ? 'checked in' : 'not checked in'}</strong>.
          </p>
          <button
            type="button"
            aria-disabled={toggle.pending}
            onClick={async () => {
              if (await toggle.run(!checkedIn)) onChange();
            }}
          >
            {checkedIn ? 'Check out' : 'Check in'}
          </button>
          {toggle.error && (
            <p role="alert" className="error">
              {toggle.error}
            </p>
          )}
        </div>
      )}
      <p>
        Present ({present.length}): {present.map((m) => names.get(m) ?? m).join(', ') || 'nobody yet'}
      </p>
    </section>
  );
}
