import { beforeAll, expect, it } from 'vitest';
import { buildApp, CSRF_HEADER, SESSION_COOKIE } from './app.ts';
import { TEST_COST } from './auth/passwords.ts';
import { describeEachDatabase } from './database/test-support.ts';
import { type Client, startTestPlatform, type TestPlatform } from './test-support.ts';

// Every bad request is a 4xx naming the field, never a 500 and never a partial write; cookies need CSRF tokens.
describeEachDatabase('requests', (t) => {
  let tp: TestPlatform;
  let chair: Client;
  let deu: Client;
  let sessionId: number;
  let pollId: number;
  beforeAll(async () => {
    tp = await startTestPlatform(t.db);
    chair = await tp.login('presidency');
    deu = await tp.login('delegate-deu');
    sessionId = (
      await chair.post('/api/sessions', { institution: 'continental', body: 'council', title: 'V' })
    ).json().id;
    await deu.post(`/api/sessions/${sessionId}/attendance`, { present: true });
    const motion = (
      await chair.post(`/api/sessions/${sessionId}/motions`, { category: 'procedural', text: 'M' })
    ).json();
    pollId = (await chair.post(`/api/motions/${motion.id}/polls`)).json().id;
  });

  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        ['motions', 'audit_log', 'session_events', 'polls', 'votes', 'institutions', 'delegations'].map(
          async (table) => {
            const [row] = await t.db.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${table}`);
            return [table, Number(row!.n)];
          },
        ),
      ),
    );

  it.each([
    ['an unknown choice', `/api/polls/{poll}/votes`, { choice: 'maybe' }, 'choice'],
    ['a missing choice', `/api/polls/{poll}/votes`, {}, 'choice'],
    ['an unknown field', `/api/polls/{poll}/votes`, { choice: 'yes', weight: 2 }, 'weight'],
    ['a malformed delegation', `/api/polls/{poll}/votes`, { choice: 'yes', delegation: 'DEU' }, 'delegation'],
    ['a non-numeric id', `/api/polls/abc/votes`, { choice: 'yes' }, 'id'],
    [
      'an unknown category',
      `/api/sessions/{session}/motions`,
      { category: 'nonsense', text: 'x' },
      'category',
    ],
    [
      'a party that is not a member',
      `/api/sessions/{session}/motions`,
      { category: 'major-security-action', text: 'x', parties: ['USA'] },
      'parties',
    ],
    ['an empty motion text', `/api/sessions/{session}/motions`, { category: 'procedural', text: '' }, 'text'],
    [
      'a sponsor of another institution',
      `/api/sessions/{session}/motions`,
      { category: 'procedural', text: 'x', sponsor: 'eu:DEU' },
      'sponsor',
    ],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_, url, body, field) => {
    const before = await counts();
    const client = url.includes('votes')
      ? deu
      : field === 'parties' || field === 'text' || field === 'category'
        ? deu
        : chair;
    const res = await client.post(
      url.replace('{poll}', String(pollId)).replace('{session}', String(sessionId)),
      body,
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().field).toBe(field);
    expect(res.json().message).toEqual(expect.any(String));
    expect(await counts()).toEqual(before);
  });

  it('refuses a malformed charter with its line and column, an unknown poll with 404, bad JSON with 400', async () => {
    const secretariat = await tp.login('secretariat');
    const bad = await secretariat.post('/api/institutions', {
      id: 'broken',
      charterSource: 'id: x\nname: [unclosed',
      adoptedOn: '2026-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'charterSource', message: expect.stringMatching(/line \d+/) });
    expect(
      (
        await secretariat.post('/api/institutions', { id: 'x', charterId: 'eu', adoptedOn: '2026-02-30' })
      ).json().field,
    ).toBe('adoptedOn');
    expect((await deu.post('/api/polls/999999/votes', { choice: 'yes' })).statusCode).toBe(404);
    const raw = await tp.app.inject({
      method: 'POST',
      url: `/api/polls/${pollId}/votes`,
      headers: { 'content-type': 'application/json', authorization: 'Bearer nope' },
      payload: '{"choice":',
    });
    expect([400, 401]).toContain(raw.statusCode);
  });

  it('needs the CSRF token for state changes with a cookie, and ends the login on logout', async () => {
    const login = await tp.app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: 'delegate-fra', password: tp.passwords.get('delegate-fra') },
    });
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const headers = { cookie: `${SESSION_COOKIE}=${cookie.value}` };
    const url = `/api/sessions/${sessionId}/attendance`;
    expect((await tp.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(200);
    expect(
      (await tp.app.inject({ method: 'POST', url, headers, payload: { present: true } })).statusCode,
    ).toBe(403);
    const withToken = { ...headers, [CSRF_HEADER]: login.json().csrfToken };
    expect(
      (
        await tp.app.inject({
          method: 'POST',
          url,
          headers: { ...headers, [CSRF_HEADER]: 'wrong' },
          payload: { present: true },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await tp.app.inject({ method: 'POST', url, headers: withToken, payload: { present: true } }))
        .statusCode,
    ).toBe(204);
    expect((await tp.app.inject({ method: 'POST', url: '/api/logout', headers: withToken })).statusCode).toBe(
      204,
    );
    expect((await tp.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(401);
  });

  it('refuses a wrong password without saying which part was wrong, and rate-limits logins', async () => {
    const wrong = await tp.anonymous.post('/api/login', { username: 'presidency', password: 'guess' });
    const unknown = await tp.anonymous.post('/api/login', { username: 'nobody', password: 'guess' });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().message).toBe(unknown.json().message);
    const limited = await buildApp({ db: t.db, passwordCost: TEST_COST, loginRateLimit: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (
          await limited.inject({
            method: 'POST',
            url: '/api/login',
            payload: { username: 'presidency', password: 'guess' },
          })
        ).statusCode,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    await limited.close();
  });

  it('gives a vote racing the close one clear outcome: counted if acknowledged, refused otherwise', async () => {
    const members = ['AUT', 'BEL', 'BGR', 'CHE', 'CZE', 'DNK', 'ESP', 'EST', 'FIN', 'FRA'];
    const secretariat = await tp.login('secretariat');
    const s = (
      await chair.post('/api/sessions', { institution: 'continental', body: 'council', title: 'Race' })
    ).json().id;
    for (const m of members)
      await secretariat.post(`/api/sessions/${s}/attendance`, {
        delegation: `continental:${m}`,
        present: true,
      });
    const motion = (
      await chair.post(`/api/sessions/${s}/motions`, { category: 'procedural', text: 'Race' })
    ).json();
    const poll = (await chair.post(`/api/motions/${motion.id}/polls`)).json().id;
    const voters = await Promise.all(members.map((m) => tp.login(`delegate-${m.toLowerCase()}`)));
    const [closed, ...votes] = await Promise.all([
      chair.post(`/api/polls/${poll}/close`),
      ...voters.map((v) => v.post(`/api/polls/${poll}/votes`, { choice: 'yes' })),
    ]);
    expect(closed!.statusCode).toBe(200);
    const ballots = new Map<string, string>(
      closed!.json().result.ballots.map((b: { id: string; vote: string }) => [b.id, b.vote]),
    );
    votes.forEach((v, i) => {
      expect([204, 409]).toContain(v.statusCode);
      expect(ballots.get(members[i]!)).toBe(v.statusCode === 204 ? 'yes' : 'abstain');
    });
    const second = await chair.post(`/api/polls/${poll}/close`);
    expect(second.statusCode).toBe(409);
  });

  it('lets exactly one of two simultaneous closes win, and counts a double submission once', async () => {
    const s = (
      await chair.post('/api/sessions', { institution: 'continental', body: 'council', title: 'Twice' })
    ).json().id;
    await deu.post(`/api/sessions/${s}/attendance`, { present: true });
    const motion = (
      await chair.post(`/api/sessions/${s}/motions`, { category: 'procedural', text: 'Twice' })
    ).json();
    const poll = (await chair.post(`/api/motions/${motion.id}/polls`)).json().id;
    const twice = await Promise.all(
      [1, 2].map(() => deu.post(`/api/polls/${poll}/votes`, { choice: 'yes' })),
    );
    expect(twice.map((r) => r.statusCode)).toEqual([204, 204]);
    const otherChair = await tp.login('presidency');
    const closes = await Promise.all([chair, otherChair].map((c) => c.post(`/api/polls/${poll}/close`)));
    expect(closes.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const result = closes.find((r) => r.statusCode === 200)!.json().result;
    expect(result.tally).toMatchObject({ yes: 1 });
    const [row] = await t.db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM votes WHERE poll_id = $1', [
      poll,
    ]);
    expect(Number(row!.n)).toBe(1);
  });
});
