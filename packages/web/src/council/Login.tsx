import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { api, type User } from '../api.ts';
import { useAction, useResource } from './hooks.ts';
import type { Delegation } from './types.ts';
import { useLogin } from './use-login.ts';

const ROLE_NAME: Record<User['role'], string> = {
  delegate: 'delegate',
  presidency: 'presidency (chair)',
  secretariat: 'secretariat',
  observer: 'observer (read only)',
};

export function LoginForm({ onLogin }: { onLogin: (user: User) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useAction(api.login);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (login.error) first.current?.focus();
  }, [login.error]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const user = await login.run(username, password);
    if (user) onLogin(user);
  };
  return (
    <form className="council-login panel" onSubmit={submit} aria-labelledby="login-title">
      <h2 id="login-title">Log in</h2>
      <p className="muted">
        Delegations, the presidency, the secretariat and observers log in with the accounts the secretariat
        gave them (a first start writes them to <code>data/credentials.txt</code>).
      </p>
      <div className="controls">
        <label>
          Username
          <input
            ref={first}
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" aria-disabled={login.pending}>
          {login.pending ? 'Logging in…' : 'Log in'}
        </button>
      </div>
      {login.error && (
        <p role="alert" className="error">
          {login.error}
        </p>
      )}
    </form>
  );
}

export function WhoAmI({
  user,
  delegationName,
  onLogout,
}: {
  user: User;
  delegationName: string | null;
  onLogout: () => void;
}) {
  const logout = useAction(endLogin);
  const here = useRef<HTMLParagraphElement>(null);
  // Focus lands here after logging in, so a keyboard user continues from the room's top.
  useEffect(() => here.current?.focus(), []);
  return (
    <div className="council-who panel">
      <p ref={here} tabIndex={-1}>
        <strong>Logged in as {user.username}</strong>
        <span className="muted">
          {' '}
          · role: {ROLE_NAME[user.role]}
          {user.delegation ? ` · delegation: ${delegationName ?? user.delegation}` : ''}
        </span>
      </p>
      <button
        type="button"
        className="secondary"
        aria-disabled={logout.pending}
        onClick={async () => {
          if (await logout.run()) onLogout();
        }}
      >
        Log out
      </button>
      {logout.error && (
        <p role="alert" className="error">
          {logout.error}
        </p>
      )}
    </div>
  );
}

async function endLogin(): Promise<true> {
  await api.logout();
  return true;
}

/** Who is logged in (with the delegation's name) and a Log out button. */
export function Identity({ user, onLogout }: { user: User; onLogout: () => void }) {
  const delegations = useResource<Delegation[]>(
    user.institution ? `/api/institutions/${user.institution}/delegations` : null,
  );
  const name = delegations.data?.find((d) => d.id === user.delegation)?.name ?? null;
  return <WhoAmI user={user} delegationName={name} onLogout={onLogout} />;
}

/**
 * A view for logged-in users (council room, disputes): the login form until someone logs in, then who they are
 * and the view itself. One login serves every such view.
 */
export function LoginGate({ children }: { children: (user: User) => ReactNode }) {
  const { user, error, loggedIn, loggedOut } = useLogin();
  return (
    <>
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
          {children(user)}
        </>
      )}
    </>
  );
}
