import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../database/test-support.ts';
import { type Client, startTestPlatform, type TestPlatform } from '../test-support.ts';

// Logins, logouts, failed logins and account creation are in the audit chain, never a password; failed
// logins add entries only at the 1st, 2nd, 4th, 8th … failure of an account (or of unknown names) an hour.
describeEachDatabase('login audit', (t) => {
  let tp: TestPlatform;
  let secretariat: Client;
  beforeAll(async () => {
    // A pinned clock: the failures below must fall in one hour's window.
    tp = await startTestPlatform(t.db, { now: () => new Date('2026-03-02T10:15:00Z') });
    secretariat = await tp.login('secretariat');
  });

  const entries = async () =>
    (await secretariat.get('/api/audit?limit=1000')).json().entries as {
      actor: string;
      action: string;
      subject: string;
      content: Record<string, unknown>;
    }[];
  const tryLogin = (username: string, password: string) =>
    tp.app.inject({ method: 'POST', url: '/api/login', payload: { username, password, mode: 'bearer' } });

  it('records a login and a logout by whom, and never the password or the token', async () => {
    const res = await tryLogin('delegate-deu', tp.passwords.get('delegate-deu')!);
    const token = res.json().token as string;
    const logout = await tp.app.inject({
      method: 'POST',
      url: '/api/logout',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(logout.statusCode).toBe(204);
    const log = await entries();
    const mine = log.filter((e) => e.subject === 'user:delegate-deu');
    expect(mine.map((e) => [e.action, e.actor])).toEqual([
      ['login', 'delegate:delegate-deu'],
      ['logout', 'delegate:delegate-deu'],
    ]);
    expect(mine[0]!.content).toEqual({ mode: 'bearer', failedThisHour: 0 });
    const text = JSON.stringify(log);
    expect(text).not.toContain(tp.passwords.get('delegate-deu')!);
    expect(text).not.toContain(token);
  });

  it('aggregates failed logins: 20 wrong passwords give 5 entries (1, 2, 4, 8, 16); the next login tells the count', async () => {
    for (let i = 0; i < 20; i++) expect((await tryLogin('delegate-fra', `guess-${i}`)).statusCode).toBe(401);
    const failed = (await entries()).filter(
      (e) => e.action === 'login.failed' && e.subject === 'user:delegate-fra',
    );
    expect(failed.map((e) => e.content.failures)).toEqual([1, 2, 4, 8, 16]);
    expect(failed.every((e) => e.actor === 'anonymous')).toBe(true);
    expect(JSON.stringify(failed)).not.toMatch(/guess-/);
    await tryLogin('delegate-fra', tp.passwords.get('delegate-fra')!);
    const login = (await entries()).findLast(
      (e) => e.action === 'login' && e.subject === 'user:delegate-fra',
    );
    expect(login!.content.failedThisHour).toBe(20);
  });

  it('puts unknown usernames in one bucket and never records them', async () => {
    for (let i = 0; i < 9; i++)
      expect((await tryLogin(`no-such-user-${i}`, 'whatever')).statusCode).toBe(401);
    const log = await entries();
    const unknown = log.filter((e) => e.action === 'login.failed' && e.subject === 'unknown-user');
    expect(unknown.map((e) => e.content.failures)).toEqual([1, 2, 4, 8]);
    expect(JSON.stringify(log)).not.toMatch(/no-such-user/);
  });

  it('records account creation with its role, not its password', async () => {
    const res = await secretariat.post('/api/users', {
      username: 'new-observer',
      password: 'observer-password-42',
      role: 'observer',
    });
    expect(res.statusCode).toBe(201);
    const log = await entries();
    const created = log.find((e) => e.action === 'user.create' && e.subject === 'user:new-observer');
    expect(created).toMatchObject({
      actor: 'secretariat:secretariat',
      content: { role: 'observer', delegation: null },
    });
    expect(log.find((e) => e.action === 'users.create')!.actor).toBe('system:first-start');
    expect(JSON.stringify(log)).not.toContain('observer-password-42');
    expect((await secretariat.get('/api/audit/verify')).json().ok).toBe(true);
  });
});
