import type { Decision } from '@concert/engine';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../database/test-support.ts';
import { SECRET_CHARTER } from '../test-charters.ts';
import { type Client, startTestPlatform, type TestPlatform } from '../test-support.ts';
import { replaySession, sameJson, storedLog } from './replay.ts';

// The session is an event log: replaying it through the engine reproduces every stored result exactly.
describeEachDatabase('session replay', (t) => {
  let tp: TestPlatform;
  let chair: Client;
  let secretariat: Client;
  beforeAll(async () => {
    tp = await startTestPlatform(t.db);
    chair = await tp.login('presidency');
    secretariat = await tp.login('secretariat');
  });

  async function storedDecisions(sessionId: number) {
    const rows = await t.db.query<{ id: number; decision: Decision }>(
      `SELECT p.id, p.decision FROM polls p JOIN motions m ON m.id = p.motion_id WHERE m.session_id = $1 AND p.status = 'closed' ORDER BY p.id`,
      [sessionId],
    );
    return rows;
  }

  it('reproduces every result of a continental session: check-ins and check-outs, changed votes, a recused party', async () => {
    const s = (
      await chair.post('/api/sessions', { institution: 'continental', body: 'council', title: 'Replayed' })
    ).json().id;
    const members = (await chair.get('/api/institutions/continental/delegations'))
      .json()
      .map((d: { memberId: string }) => d.memberId);
    const at = (m: string) => `continental:${m}`;
    for (const m of members.slice(0, 40))
      await secretariat.post(`/api/sessions/${s}/attendance`, { delegation: at(m), present: true });
    const vote = async (poll: number, m: string, choice: string) => {
      const c = await tp.login(`delegate-${m.toLowerCase()}`);
      const res = await c.post(`/api/polls/${poll}/votes`, { choice });
      expect(res.statusCode, res.body).toBe(204);
    };
    const motions = [
      { category: 'procedural', text: 'Agenda' },
      { category: 'ordinary', text: 'Budget' },
      { category: 'major-security-action', text: 'Monitoring mission', parties: ['RUS'] },
    ];
    for (const [k, body] of motions.entries()) {
      const motion = (await chair.post(`/api/sessions/${s}/motions`, body)).json();
      const poll = (await chair.post(`/api/motions/${motion.id}/polls`)).json().id;
      for (const [i, m] of members.slice(0, k === 0 ? 40 : 30).entries()) {
        if (body.parties?.includes(m)) continue;
        await vote(poll, m, (i + k) % 5 === 0 ? 'no' : i % 7 === 0 ? 'abstain' : 'yes');
      }
      await vote(poll, members[1]!, 'no'); // a changed vote
      if (k === 0)
        for (const m of members.slice(30, 40))
          await secretariat.post(`/api/sessions/${s}/attendance`, { delegation: at(m), present: false });
      expect((await chair.post(`/api/polls/${poll}/close`)).statusCode).toBe(200);
    }
    const stored = await storedDecisions(s);
    expect(stored).toHaveLength(3);
    const replayed = replaySession(await storedLog(t.db, s, true));
    expect(replayed.map((r) => r.poll)).toEqual(stored.map((x) => x.id));
    for (const [i, r] of replayed.entries()) expect(sameJson(r.decision, stored[i]!.decision)).toBe(true);
    // The public log, as a client downloads it, replays to the same results.
    const log = (await chair.get(`/api/sessions/${s}/log`)).json();
    expect(log.replay.every((x: { reproduced: boolean }) => x.reproduced === true)).toBe(true);
    expect(stored.map((x) => x.decision.recused)).toEqual([[], [], ['RUS']]);
  });

  it('reproduces a secret ballot from the sealed log the server keeps', async () => {
    await secretariat.post('/api/institutions', {
      id: 'quintet',
      charterSource: SECRET_CHARTER,
      adoptedOn: '2026-01-01',
    });
    const deu = await tp.account(secretariat, 'q-deu', 'delegate', 'quintet:DEU');
    const fra = await tp.account(secretariat, 'q-fra', 'delegate', 'quintet:FRA');
    const s = (
      await chair.post('/api/sessions', { institution: 'quintet', body: 'council', title: 'Secret' })
    ).json().id;
    for (const c of [deu, fra]) await c.post(`/api/sessions/${s}/attendance`, { present: true });
    await secretariat.post(`/api/sessions/${s}/attendance`, { delegation: 'quintet:ITA', present: true });
    for (const category of ['election', 'weighted']) {
      const motion = (await chair.post(`/api/sessions/${s}/motions`, { category, text: category })).json();
      const poll = (await chair.post(`/api/motions/${motion.id}/polls`)).json().id;
      await deu.post(`/api/polls/${poll}/votes`, { choice: 'yes' });
      await fra.post(`/api/polls/${poll}/votes`, { choice: 'yes' });
      await chair.post(`/api/polls/${poll}/close`);
    }
    const stored = await storedDecisions(s);
    const replayed = replaySession(await storedLog(t.db, s, true), SECRET_CHARTER);
    for (const [i, r] of replayed.entries()) expect(sameJson(r.decision, stored[i]!.decision)).toBe(true);
    const publicReplay = (await chair.get(`/api/sessions/${s}/log`)).json().replay;
    expect(publicReplay.map((x: { reproduced: boolean | null }) => x.reproduced)).toEqual([null, true]);
  });
});
