// The session cookie is httpOnly, so the page cannot see whether it holds a login. Asking /api/me on every
// visit would log a 401 in the console of everyone who is not logged in; this flag, set on login and cleared
// on logout, says whether asking is worth it.
const KEY = 'concert.council.loggedIn';

export const loginHint = {
  get: (): boolean => {
    try {
      return localStorage.getItem(KEY) === '1';
    } catch {
      return false;
    }
  },
  set(on: boolean): void {
    try {
      if (on) localStorage.setItem(KEY, '1');
      else localStorage.removeItem(KEY);
    } catch {
      // Storage may be disabled; the user then logs in again after a reload.
    }
  },
};
