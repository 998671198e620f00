import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './database/test-support.ts';
import { type Client, startTestPlatform, type TestPlatform } from './test-support.ts';

// The chair's powers follow the rotating presidency: on the continental council DNK presides until
// 2026-06-30 and AUT from 2026-07-01 (six-month terms by region). The clock is pinned and moved across the
// boundary in the middle of a poll.
describeEachDatabase('chair follows the presidency', (t) => {
  let tp: TestPlatform;
  let clock = new Date('2026-06-30T23:58:00Z');
  let dnk: Client;
  let aut: Client;
  let chair: Client;
  const lastEntry = async (action: string) =>
    (await chair.get('/api/audit?limit=1000'))
      .json()
      .entries.findLast((e: { action: string }) => e.action === action) as { actor: string };

  beforeAll(async () => {
    tp = await startTestPlatform(t.db, { now: () => clock });
    dnk = await tp.login('delegate-dnk');
    aut = await tp.login('delegate-aut');
    chair = await tp.login('presidency');
  });

  it('hands the chair from DNK to AUT at the term boundary', async () => {
    const presidency = (await chair.get('/api/institutions/continental/presidency?date=2026-06-30')).json();
    expect(presidency.presidency.member).toBe('DNK');
    const opened = await dnk.post('/api/sessions', {
      institution: 'continental',
      body: 'council',
      title: 'June',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect((await lastEntry('session.open')).actor).toBe('delegate:delegate-dnk (chair: continental:DNK)');
    const s = opened.json().id;
    expect((await aut.post(`/api/sessions/${s}/agenda`, { title: 'Item' })).statusCode).toBe(403);
    await dnk.post(`/api/sessions/${s}/attendance`, { present: true });
    const motion = (
      await dnk.post(`/api/sessions/${s}/motions`, { category: 'procedural', text: 'M' })
    ).json();
    const refused = await aut.post(`/api/motions/${motion.id}/polls`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/on 2026-06-30 the presidency .* is held by continental:DNK/);
    const poll = (await dnk.post(`/api/motions/${motion.id}/polls`)).json().id;
    await dnk.post(`/api/polls/${poll}/votes`, { choice: 'yes' });

    clock = new Date('2026-07-01T00:00:30Z');
    expect((await dnk.post(`/api/polls/${poll}/close`)).statusCode).toBe(403);
    const closed = await aut.post(`/api/polls/${poll}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await lastEntry('poll.close')).actor).toBe('delegate:delegate-aut (chair: continental:AUT)');
    expect((await aut.post(`/api/sessions/${s}/close`)).statusCode).toBe(204);
  });

  it('records the presidency account as acting for the holder of the day', async () => {
    const opened = await chair.post('/api/sessions', {
      institution: 'continental',
      body: 'council',
      title: 'July',
    });
    expect(opened.statusCode).toBe(201);
    expect((await lastEntry('session.open')).actor).toBe('presidency:presidency (chair: continental:AUT)');
  });

  it('leaves a body without a rotation to the presidency account', async () => {
    const nato = { institution: 'nato', body: 'north-atlantic-council', title: 'NAC' };
    expect((await aut.post('/api/sessions', nato)).statusCode).toBe(403);
    expect((await chair.post('/api/sessions', nato)).statusCode).toBe(201);
    expect((await lastEntry('session.open')).actor).toBe('presidency:presidency');
  });
});
