import { useEffect, useState } from 'react';
import { api, type User } from '../api.ts';
import { messageOf, useResource } from '../council/hooks.ts';
import { LoginForm, WhoAmI } from '../council/Login.tsx';
import { loginHint } from '../council/loginHint.ts';
import { SessionRoom } from '../council/Room.tsx';
import { SessionList } from '../council/Sessions.tsx';
import type { Delegation } from '../council/types.ts';
import '../council/council.css';

/** The council room: log in, pick a session of the institution, follow and take part in its votes. */
export function CouncilView({ params }: { params: URLSearchParams }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [institution, setInstitution] = useState('continental');
  useEffect(() => {
    if (!loginHint.get()) {
      setUser(null);
      return;
    }
    api.me().then(
      (u) => {
        loginHint.set(u !== null);
        setUser(u);
      },
      (e) => {
        setError(messageOf(e));
        setUser(null);
      },
    );
  }, []);
  const loggedIn = (u: User) => {
    loginHint.set(true);
    setUser(u);
  };
  const loggedOut = () => {
    loginHint.set(false);
    setUser(null);
  };
  const sessionParam = Number(params.get('session'));
  const sessionId = Number.isInteger(sessionParam) && sessionParam > 0 ? sessionParam : null;
  return (
    <section aria-labelledby="view-title" className="council">
      <h1 id="view-title">Council room</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {user === undefined && <p role="status">Checking your login…</p>}
      {user === null && <LoginForm onLogin={loggedIn} />}
      {user && (
        <>
          <Identity user={user} onLogout={loggedOut} />
          {sessionId === null ? (
            <SessionList
              user={user}
              institutionId={user.institution ?? institution}
              onInstitution={setInstitution}
            />
          ) : (
            <SessionRoom key={sessionId} sessionId={sessionId} user={user} />
          )}
        </>
      )}
    </section>
  );
}

function Identity({ user, onLogout }: { user: User; onLogout: () => void }) {
  const delegations = useResource<Delegation[]>(
    user.institution ? `/api/institutions/${user.institution}/delegations` : null,
  );
  const name = delegations.data?.find((d) => d.id === user.delegation)?.name ?? null;
  return <WhoAmI user={user} delegationName={name} onLogout={onLogout} />;
}
