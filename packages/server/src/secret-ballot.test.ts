import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './database/test-support.ts';
import { SECRET_CHARTER } from './test-charters.ts';
import { type Client, startTestPlatform, type TestPlatform } from './test-support.ts';

// Nobody — not the secretariat, not the presidency, not another delegation — reads a secret vote through
// the API; the delegation itself does. The result is published as an aggregate.
describeEachDatabase('secret ballot', (t) => {
  let tp: TestPlatform;
  let secretariat: Client;
  let chair: Client;
  let observer: Client;
  const delegates = new Map<string, Client>();
  let pollId: number;
  let sessionId: number;
  const choices: Record<string, 'yes' | 'no' | 'abstain'> = {
    DEU: 'no',
    FRA: 'yes',
    ITA: 'yes',
    ESP: 'abstain',
  };

  beforeAll(async () => {
    tp = await startTestPlatform(t.db);
    secretariat = await tp.login('secretariat');
    chair = await tp.login('presidency');
    observer = await tp.login('observer');
    const created = await secretariat.post('/api/institutions', {
      id: 'quintet',
      charterSource: SECRET_CHARTER,
      adoptedOn: '2026-01-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    for (const m of ['DEU', 'FRA', 'ITA', 'ESP', 'POL']) {
      delegates.set(m, await tp.account(secretariat, `q-${m.toLowerCase()}`, 'delegate', `quintet:${m}`));
    }
    const opened = await chair.post('/api/sessions', {
      institution: 'quintet',
      body: 'council',
      title: 'Election',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    sessionId = opened.json().id;
    for (const m of Object.keys(choices))
      await delegates.get(m)!.post(`/api/sessions/${sessionId}/attendance`, { present: true });
    const tabled = await chair.post(`/api/sessions/${sessionId}/motions`, {
      category: 'election',
      text: 'Elect the rapporteur',
    });
    expect(tabled.statusCode, tabled.body).toBe(201);
    const motion = tabled.json();
    const poll = await chair.post(`/api/motions/${motion.id}/polls`);
    expect(poll.statusCode, poll.body).toBe(201);
    expect(poll.json().ballot).toBe('secret');
    pollId = poll.json().id;
    for (const [m, c] of Object.entries(choices)) {
      expect((await delegates.get(m)!.post(`/api/polls/${pollId}/votes`, { choice: c })).statusCode).toBe(
        204,
      );
    }
  });

  const leaks = (body: string) => ['"no"', '"yes"', '"abstain"'].some((c) => body.includes(`"choice":${c}`));

  it('shows who has voted, never how, while the poll is open', async () => {
    for (const reader of [secretariat, chair, observer, delegates.get('POL')!]) {
      const res = await reader.get(`/api/polls/${pollId}`);
      const body = res.json();
      expect(body.voted).toEqual(['quintet:DEU', 'quintet:ESP', 'quintet:FRA', 'quintet:ITA']);
      expect(body.votes).toBeNull();
      expect(body.tally).toBeNull();
      expect(leaks(res.body)).toBe(false);
      const standing = await reader.get(`/api/motions/${body.motion}/standing`);
      expect(Object.keys(standing.json().scenarios)).toEqual(['presence']);
      expect(standing.json().notVoted).toEqual(['POL']);
    }
  });

  it("lets a delegation read its own vote and nobody else's", async () => {
    expect((await delegates.get('DEU')!.get(`/api/polls/${pollId}/votes/mine`)).json().choice).toBe('no');
    expect((await delegates.get('DEU')!.get(`/api/polls/${pollId}`)).json().ownVote).toBe('no');
    expect((await secretariat.get(`/api/polls/${pollId}/votes/mine`)).statusCode).toBe(400);
  });

  it('keeps choices out of the audit log and the session log (commitments only)', async () => {
    const audit = await observer.get('/api/audit?limit=1000');
    const votes = audit.json().entries.filter((e: { action: string }) => e.action === 'vote.cast');
    expect(votes).toHaveLength(4);
    for (const v of votes)
      expect(v.content).toEqual({
        poll: pollId,
        delegation: expect.any(String),
        commitment: expect.stringMatching(/^sha256:/),
      });
    expect(leaks(audit.body)).toBe(false);
    expect(leaks((await observer.get(`/api/sessions/${sessionId}/log`)).body)).toBe(false);
  });

  it('publishes the aggregate result only, and refuses a named or anonymised roll call', async () => {
    const closed = await chair.post(`/api/polls/${pollId}/close`);
    const result = closed.json().result;
    expect(result.adopted).toBe(true); // 4 of 5 present; 2 yes of 3 voting
    expect(result.tally).toEqual({ yes: 2, no: 1, abstain: 1, absent: 1 });
    expect(result.ballots).toBeUndefined();
    expect(result.pivotal).toBeUndefined();
    expect(JSON.stringify(result)).not.toMatch(/"members":/);
    for (const reader of [secretariat, chair, observer]) {
      expect((await reader.get(`/api/polls/${pollId}/roll-call?view=named`)).statusCode).toBe(403);
      expect((await reader.get(`/api/polls/${pollId}/roll-call?view=anonymised`)).statusCode).toBe(403);
      const agg = await reader.get(`/api/polls/${pollId}/roll-call?format=csv`);
      expect(agg.body).toBe('vote,count\r\nyes,2\r\nno,1\r\nabstain,1\r\nabsent,1\r\n');
      const res = await reader.get(`/api/polls/${pollId}`);
      expect(res.json().votes).toBeNull();
      expect(leaks(res.body)).toBe(false);
    }
    const log = (await observer.get(`/api/sessions/${sessionId}/log`)).json();
    expect(log.replay).toEqual([
      { poll: pollId, reproduced: null, note: expect.stringMatching(/secret ballot/) },
    ]);
  });
});
