import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './database/test-support.ts';
import { OCTET_CHARTER } from './test-charters.ts';
import { type Client, startTestPlatform, type TestPlatform } from './test-support.ts';

// A secret poll's per-caucus counts, and the caucus clauses of its published result, are withheld for a
// caucus whose counts would disclose ballots (domain/disclosure.ts); a large, divided caucus is published.
describeEachDatabase('secret ballots in small groups', (t) => {
  let tp: TestPlatform;
  let observer: Client;
  let pollId: number;
  const choices = {
    AUT: 'abstain',
    BEL: 'no',
    DEU: 'yes',
    FRA: 'yes',
    NLD: 'no',
    ITA: 'yes',
    ESP: 'yes',
    POL: 'no',
  } as const;

  beforeAll(async () => {
    tp = await startTestPlatform(t.db);
    const secretariat = await tp.login('secretariat');
    const chair = await tp.login('presidency');
    observer = await tp.login('observer');
    await secretariat.post('/api/institutions', {
      id: 'octet',
      charterSource: OCTET_CHARTER,
      adoptedOn: '2026-01-01',
    });
    const s = (
      await chair.post('/api/sessions', { institution: 'octet', body: 'council', title: 'S' })
    ).json().id;
    const motion = (await chair.post(`/api/sessions/${s}/motions`, { category: 'secret', text: 'M' })).json();
    const delegates: Client[] = [];
    for (const m of Object.keys(choices)) {
      const c = await tp.account(secretariat, `o-${m.toLowerCase()}`, 'delegate', `octet:${m}`);
      await c.post(`/api/sessions/${s}/attendance`, { present: true });
      delegates.push(c);
    }
    pollId = (await chair.post(`/api/motions/${motion.id}/polls`)).json().id;
    for (const [i, choice] of Object.values(choices).entries()) {
      expect((await delegates[i]!.post(`/api/polls/${pollId}/votes`, { choice })).statusCode).toBe(204);
    }
    expect((await chair.post(`/api/polls/${pollId}/close`)).statusCode).toBe(200);
  });

  it('publishes a divided caucus of five and withholds the caucuses of two and one', async () => {
    const caucuses = (await observer.get(`/api/polls/${pollId}/caucuses`)).json().caucuses;
    const byName = Object.fromEntries(caucuses.map((c: { name: string }) => [c.name, c]));
    expect(byName['Western Europe']).toMatchObject({
      counts: { yes: 2, no: 2, abstain: 1 },
      conditionMet: false,
      suppressed: false,
    });
    for (const name of ['Southern Europe', 'Eastern Europe']) {
      expect(byName[name]).toMatchObject({ counts: null, conditionMet: null, suppressed: true });
      expect(byName[name].voted.length).toBeGreaterThan(0); // who voted stays public
    }
  });

  it("withholds the small caucuses' clauses of the published result, keeping the outcome and the tally", async () => {
    const result = (await observer.get(`/api/polls/${pollId}`)).json().result;
    expect(result.tally).toEqual({ yes: 4, no: 3, abstain: 1, absent: 0 });
    const groupClauses = result.clauses.filter((c: { group?: string }) => c.group !== undefined);
    const south = groupClauses.find((c: { group: string }) => c.group === 'Southern Europe');
    expect(south).toEqual({ op: south.op, depth: south.depth, group: 'Southern Europe', suppressed: true });
    const west = groupClauses.find((c: { group: string }) => c.group === 'Western Europe');
    expect(west).toMatchObject({ met: false, value: 2 });
    const events = (await observer.get(`/api/sessions/1/log`)).json().events;
    const closed = events.find((e: { type: string }) => e.type === 'poll.closed');
    expect(JSON.stringify(closed.data)).not.toMatch(/"group":"Eastern Europe","met"/);
  });
});
