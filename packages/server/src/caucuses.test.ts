import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './database/test-support.ts';
import { CAUCUS_CHARTER, SECRET_CHARTER } from './test-charters.ts';
import { type Client, startTestPlatform, type TestPlatform } from './test-support.ts';

const MEMBERS = ['DEU', 'FRA', 'NLD', 'ITA', 'ESP', 'POL'];

describeEachDatabase('caucuses', (t) => {
  let tp: TestPlatform;
  let secretariat: Client;
  let chair: Client;
  let observer: Client;
  const delegates = new Map<string, Client>();
  let sessionId: number;

  beforeAll(async () => {
    tp = await startTestPlatform(t.db);
    secretariat = await tp.login('secretariat');
    chair = await tp.login('presidency');
    observer = await tp.login('observer');
    for (const [id, charterSource] of [
      ['sextet', CAUCUS_CHARTER],
      ['quintet', SECRET_CHARTER],
    ] as const) {
      const created = await secretariat.post('/api/institutions', {
        id,
        charterSource,
        adoptedOn: '2026-01-01',
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    for (const m of MEMBERS) {
      delegates.set(m, await tp.account(secretariat, `s-${m.toLowerCase()}`, 'delegate', `sextet:${m}`));
    }
    const opened = await chair.post('/api/sessions', {
      institution: 'sextet',
      body: 'council',
      title: 'Caucuses',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    sessionId = opened.json().id;
    for (const m of MEMBERS)
      await delegates.get(m)!.post(`/api/sessions/${sessionId}/attendance`, { present: true });
  });

  async function poll(category: 'open' | 'secret', choices: Record<string, 'yes' | 'no' | 'abstain'>) {
    const tabled = await chair.post(`/api/sessions/${sessionId}/motions`, {
      category,
      text: `A ${category} motion`,
    });
    expect(tabled.statusCode, tabled.body).toBe(201);
    const opened = await chair.post(`/api/motions/${tabled.json().id}/polls`);
    expect(opened.statusCode, opened.body).toBe(201);
    const id: number = opened.json().id;
    for (const [m, choice] of Object.entries(choices))
      expect((await delegates.get(m)!.post(`/api/polls/${id}/votes`, { choice })).statusCode).toBe(204);
    return id;
  }

  const caucus = (body: { caucuses: { name: string }[] }, name: string) =>
    // biome-ignore lint/suspicious/noExplicitAny: test responses are read loosely
    body.caucuses.find((c) => c.name === name) as any;

  it("lists an institution's caucuses from the charter's groups clause, for every role", async () => {
    for (const reader of [secretariat, chair, observer, delegates.get('POL')!]) {
      const res = await reader.get('/api/institutions/sextet/caucuses');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        institution: 'sextet',
        date: '2026-01-01',
        caucuses: [
          { by: 'subregion', name: 'Eastern Europe', members: [{ delegation: 'sextet:POL', state: 'POL' }] },
          {
            by: 'subregion',
            name: 'Southern Europe',
            members: [
              { delegation: 'sextet:ESP', state: 'ESP' },
              { delegation: 'sextet:ITA', state: 'ITA' },
            ],
          },
          {
            by: 'subregion',
            name: 'Western Europe',
            members: ['DEU', 'FRA', 'NLD'].map((m) => ({ delegation: `sextet:${m}`, state: m })),
          },
        ],
      });
    }
    expect((await observer.get('/api/institutions/quintet/caucuses')).json().caucuses).toEqual([]);
    expect((await observer.get('/api/institutions/nowhere/caucuses')).statusCode).toBe(404);
    expect((await tp.anonymous.get('/api/institutions/sextet/caucuses')).statusCode).toBe(401);
  });

  it('shows a roll call caucus by caucus: positions, counts and the condition so far', async () => {
    const id = await poll('open', { DEU: 'yes', FRA: 'yes', NLD: 'no', ITA: 'yes', ESP: 'no' });
    const res = await observer.get(`/api/polls/${id}/caucuses`);
    expect(res.statusCode, res.body).toBe(200);
    const west = caucus(res.json(), 'Western Europe');
    expect(west).toMatchObject({
      members: 3,
      notVoted: 0,
      counts: { yes: 2, no: 1, abstain: 0 },
      conditionMet: true,
    });
    expect(west.positions).toContainEqual({ delegation: 'sextet:NLD', state: 'NLD', choice: 'no' });
    expect(caucus(res.json(), 'Southern Europe')).toMatchObject({
      counts: { yes: 1, no: 1, abstain: 0 },
      conditionMet: false,
    });
    expect(caucus(res.json(), 'Eastern Europe')).toMatchObject({
      notVoted: 1,
      conditionMet: false,
      positions: [{ delegation: 'sextet:POL', state: 'POL', choice: null }],
    });
    await delegates.get('POL')!.post(`/api/polls/${id}/votes`, { choice: 'yes' });
    expect(
      caucus((await observer.get(`/api/polls/${id}/caucuses`)).json(), 'Eastern Europe').conditionMet,
    ).toBe(true);
    expect((await chair.post(`/api/polls/${id}/close`)).json().result.adopted).toBe(true);
    const closed = (await observer.get(`/api/polls/${id}/caucuses`)).json();
    expect(closed.status).toBe('closed');
    expect(closed.caucuses.map((c: { conditionMet: boolean }) => c.conditionMet)).toEqual([
      true,
      false,
      true,
    ]);
    expect((await observer.get('/api/polls/999999/caucuses')).statusCode).toBe(404);
  });

  it('never shows how a member voted in a secret poll: who has voted while open, counts only after close', async () => {
    const id = await poll('secret', { DEU: 'yes', FRA: 'no', NLD: 'yes', ITA: 'yes', ESP: 'abstain' });
    const leaks = (body: string) => /"choice":"(yes|no|abstain)"/.test(body);
    for (const reader of [secretariat, chair, observer, delegates.get('DEU')!]) {
      const res = await reader.get(`/api/polls/${id}/caucuses`);
      expect(res.statusCode, res.body).toBe(200);
      expect(leaks(res.body)).toBe(false);
      for (const c of res.json().caucuses) {
        expect(c.positions).toBeNull();
        expect(c.counts).toBeNull();
        expect(c.conditionMet).toBeNull();
      }
      expect(caucus(res.json(), 'Western Europe')).toMatchObject({
        voted: ['sextet:DEU', 'sextet:FRA', 'sextet:NLD'],
        notVoted: 0,
      });
      expect(caucus(res.json(), 'Eastern Europe')).toMatchObject({ voted: [], notVoted: 1 });
    }
    await chair.post(`/api/polls/${id}/close`);
    for (const reader of [secretariat, chair, observer]) {
      const res = await reader.get(`/api/polls/${id}/caucuses`);
      expect(leaks(res.body)).toBe(false);
      // Groups of three or fewer: their counts would give ballots away, so they are withheld (small-groups.test.ts).
      for (const name of ['Western Europe', 'Southern Europe', 'Eastern Europe']) {
        expect(caucus(res.json(), name)).toMatchObject({
          positions: null,
          counts: null,
          conditionMet: null,
          suppressed: true,
        });
      }
    }
  });
});
