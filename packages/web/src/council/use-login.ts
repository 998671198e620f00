import { useEffect, useState } from 'react';
import { api, type User } from '../api.ts';
import { messageOf } from './hooks.ts';
import { loginHint } from './loginHint.ts';

/**
 * The logged-in user of any view that acts through the API (council room, disputes): undefined while the server
 * is asked, null when nobody is logged in. One login serves every view (the session cookie is the server's).
 */
export function useLogin() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
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
  return { user, error, loggedIn, loggedOut };
}
