import { readFileSync, statSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './database/test-support.ts';
import { type Client, startTestPlatform, type TestPlatform } from './test-support.ts';

// A whole session through the API: the presidency opens it, delegations check in and vote, the engine decides.
describeEachDatabase('council session', (t) => {
  let tp: TestPlatform;
  let chair: Client;
  let deu: Client;
  let fra: Client;
  beforeAll(async () => {
    tp = await startTestPlatform(t.db);
    chair = await tp.login('presidency');
    deu = await tp.login('delegate-deu');
    fra = await tp.login('delegate-fra', 'cookie');
  });

  it('reports health with the database kind and its durability', async () => {
    const res = await tp.anonymous.get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: t.kind, version: expect.any(String) });
    expect(res.json().durability).toMatch(
      t.kind === 'pglite' ? /process crash, not against a power loss/ : /real exercises/,
    );
  });

  it('sends the security headers on every answer: an API read, a refusal, an unknown route and /docs', async () => {
    for (const res of [
      await tp.anonymous.get('/api/health'),
      await tp.anonymous.get('/api/institutions'),
      await tp.anonymous.get('/api/no-such-route'),
      await tp.anonymous.get('/docs/'),
    ]) {
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(res.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/); // plain HTTP
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['strict-transport-security']).toBeUndefined(); // no HSTS over plain HTTP
    }
  });

  it('seeds the built-in charters as institutions and writes the demo credentials with mode 600', async () => {
    const list = (await chair.get('/api/institutions')).json();
    expect(list.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining(['continental', 'eu', 'nato', 'unsc']),
    );
    const delegations = (await chair.get('/api/institutions/continental/delegations')).json();
    expect(delegations).toHaveLength(48);
    expect(statSync(tp.credentialsFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(tp.credentialsFile, 'utf8')).toMatch(
      /^delegate-rus\tdelegate\tcontinental:RUS\t\S{20}$/m,
    );
  });

  it('computes the presidency from the rotation', async () => {
    const res = await chair.get('/api/institutions/continental/presidency?date=2026-07-01');
    expect(res.json().presidency).toMatchObject({ member: 'AUT', from: '2026-07-01', to: '2026-12-31' });
  });

  it('runs a session: check-in, motion, poll, votes (changeable), close, result explained by the engine', async () => {
    const opened = await chair.post('/api/sessions', {
      institution: 'continental',
      body: 'council',
      title: 'Session 1',
      agenda: ['Budget'],
    });
    expect(opened.statusCode).toBe(201);
    const sessionId = opened.json().id;
    const delegates = ['deu', 'fra', 'pol', 'ita', 'esp', 'rus', 'aut', 'bel'];
    const clients = new Map<string, Client>([
      ['deu', deu],
      ['fra', fra],
    ]);
    for (const d of delegates) if (!clients.has(d)) clients.set(d, await tp.login(`delegate-${d}`));
    for (const c of clients.values())
      expect((await c.post(`/api/sessions/${sessionId}/attendance`, { present: true })).statusCode).toBe(204);
    const motion = await deu.post(`/api/sessions/${sessionId}/motions`, {
      category: 'procedural',
      text: 'Adopt the agenda',
    });
    expect(motion.statusCode).toBe(201);
    expect(motion.json().sponsor).toBe('continental:DEU');
    const standingBefore = (await deu.get(`/api/motions/${motion.json().id}/standing`)).json();
    expect(standingBefore.present).toHaveLength(8);
    const quorum = standingBefore.scenarios.presence.criteria.find((c: { op: string }) => c.op === 'quorum');
    expect(quorum).toMatchObject({ value: 8, baseTotal: 48, met: false, distance: 16 });

    const poll = await chair.post(`/api/motions/${motion.json().id}/polls`);
    expect(poll.statusCode).toBe(201);
    const pollId = poll.json().id;
    expect(poll.json().ballot).toBe('roll-call');
    for (const [d, c] of clients)
      expect(
        (await c.post(`/api/polls/${pollId}/votes`, { choice: d === 'rus' ? 'no' : 'yes' })).statusCode,
      ).toBe(204);
    expect((await deu.post(`/api/polls/${pollId}/votes`, { choice: 'abstain' })).statusCode).toBe(204); // changed
    const live = (await chair.get(`/api/polls/${pollId}`)).json();
    expect(live.tally).toEqual({ yes: 6, no: 1, abstain: 1 });
    const closed = await chair.post(`/api/polls/${pollId}/close`);
    expect(closed.statusCode).toBe(200);
    const result = closed.json().result;
    expect(result.adopted).toBe(false); // 8 of 48 present: no quorum
    expect(result.tally).toEqual({ yes: 6, no: 1, abstain: 1, absent: 40 });
    expect(result.clauses[1].text).toMatch(/present/);
    expect((await fra.post(`/api/polls/${pollId}/votes`, { choice: 'no' })).statusCode).toBe(409);

    const csv = await chair.get(`/api/polls/${pollId}/roll-call?format=csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe('member,name,vote');
    expect(csv.body).toContain('RUS,Russia,no');
    const log = (await chair.get(`/api/sessions/${sessionId}/log`)).json();
    expect(log.replay).toEqual([{ poll: pollId, reproduced: true }]);
  });
});
