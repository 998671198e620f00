import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../database/test-support.ts';
import { type Client, startTestPlatform, type TestPlatform } from '../test-support.ts';

interface Sse {
  id: number;
  event: string;
  data: Record<string, unknown>;
}

/** Reads server-sent events from a live server until `count` have arrived. */
async function readEvents(url: string, token: string, count: number, lastEventId?: number): Promise<Sse[]> {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: {
      authorization: `Bearer ${token}`,
      ...(lastEventId ? { 'last-event-id': String(lastEventId) } : {}),
    },
    signal: controller.signal,
  });
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: Sse[] = [];
  const timeout = setTimeout(() => controller.abort(), 10_000);
  try {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(
          block
            .split('\n')
            .filter((l) => l && !l.startsWith(':'))
            .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
        );
        if (fields.id)
          events.push({ id: Number(fields.id), event: fields.event!, data: JSON.parse(fields.data!) });
        end = buffer.indexOf('\n\n');
      }
    }
  } finally {
    clearTimeout(timeout);
    controller.abort();
  }
  return events;
}

describeEachDatabase('live updates', (t) => {
  let tp: TestPlatform;
  let base: string;
  let chair: Client;
  let token: string;
  beforeAll(async () => {
    tp = await startTestPlatform(t.db);
    base = await tp.app.listen({ port: 0, host: '127.0.0.1' });
    chair = await tp.login('presidency');
    const login = await tp.app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: 'observer', password: tp.passwords.get('observer'), mode: 'bearer' },
    });
    token = login.json().token;
  });
  afterAll(async () => {
    await tp.app.close();
  });

  it('streams a session as it happens, and a reconnect with Last-Event-ID gets exactly what it missed', async () => {
    const s = (
      await chair.post('/api/sessions', { institution: 'continental', body: 'council', title: 'Live' })
    ).json().id;
    const url = `${base}/api/sessions/${s}/events`;
    const first = readEvents(url, token, 3);
    const deu = await tp.login('delegate-deu');
    await deu.post(`/api/sessions/${s}/attendance`, { present: true });
    const motion = (
      await deu.post(`/api/sessions/${s}/motions`, { category: 'procedural', text: 'Live motion' })
    ).json();
    const seen = await first;
    expect(seen.map((e) => e.event)).toEqual(['session.opened', 'attendance.changed', 'motion.tabled']);
    expect(seen[1]!.data).toMatchObject({ delegation: 'continental:DEU', present: true });

    // While disconnected: a poll opens, DEU votes, the poll closes.
    const poll = (await chair.post(`/api/motions/${motion.id}/polls`)).json();
    await deu.post(`/api/polls/${poll.id}/votes`, { choice: 'yes' });
    await chair.post(`/api/polls/${poll.id}/close`);
    const missed = await readEvents(url, token, 3, seen[2]!.id);
    expect(missed.map((e) => e.event)).toEqual(['poll.opened', 'vote.cast', 'poll.closed']);
    expect(missed[0]!.id).toBeGreaterThan(seen[2]!.id);
    expect(missed[1]!.data).toMatchObject({
      delegation: 'continental:DEU',
      choice: 'yes',
      tally: { yes: 1, no: 0, abstain: 0 },
    });
    expect(missed[2]!.data).toMatchObject({ poll: poll.id, result: { adopted: false } });
  });

  it('refuses a stream without a login', async () => {
    const s = (
      await chair.post('/api/sessions', { institution: 'continental', body: 'council', title: 'Closed door' })
    ).json().id;
    expect((await fetch(`${base}/api/sessions/${s}/events`)).status).toBe(401);
  });
});
