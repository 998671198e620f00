import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../database/test-support.ts';
import { type Client, startTestPlatform, type TestPlatform } from '../test-support.ts';

interface Sse {
  event: string;
  data: Record<string, unknown>;
}

/**
 * Opens a server-sent-event stream and resolves once its headers have arrived (the server is then listening);
 * `take(n)` reads until n events have come, or fails after a few seconds.
 */
async function openStream(url: string, token: string) {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const take = async (count: number): Promise<Sse[]> => {
    const events: Sse[] = [];
    const timeout = setTimeout(() => controller.abort(), 5_000);
    try {
      while (events.length < count) {
        const { value, done } = await reader!.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const fields = Object.fromEntries(
            buffer
              .slice(0, end)
              .split('\n')
              .filter((l) => l && !l.startsWith(':'))
              .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
          );
          buffer = buffer.slice(end + 2);
          if (fields.event) events.push({ event: fields.event, data: JSON.parse(fields.data!) });
        }
      }
    } finally {
      clearTimeout(timeout);
    }
    return events;
  };
  return { status: res.status, type: res.headers.get('content-type'), take, close: () => controller.abort() };
}

describeEachDatabase('live dispute registry', (t) => {
  let tp: TestPlatform;
  let base: string;
  let svn: Client;
  let token: string;
  beforeAll(async () => {
    tp = await startTestPlatform(t.db);
    base = await tp.app.listen({ port: 0, host: '127.0.0.1' });
    svn = await tp.login('delegate-svn');
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

  it('tells a follower of the institution each filing and action, with the case and its new status', async () => {
    const stream = await openStream(`${base}/api/disputes/stream?institution=continental`, token);
    const elsewhere = await openStream(`${base}/api/disputes/stream?institution=osce`, token);
    expect(stream.status).toBe(200);
    expect(stream.type).toMatch(/text\/event-stream/);
    const filed = await svn.post('/api/disputes', {
      institution: 'continental',
      date: '2026-01-15',
      by: 'SVN',
      parties: ['SVN', 'HRV'],
      subject: 'territorial',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json().id;
    const settled = await svn.post(`/api/disputes/${id}/events`, {
      date: '2026-02-01',
      type: 'settle',
      by: ['SVN', 'HRV'],
    });
    // A joint act is the secretariat's: refused, and so not announced.
    expect(settled.statusCode).toBe(403);
    const withdrawn = await svn.post(`/api/disputes/${id}/events`, {
      date: '2026-02-02',
      type: 'withdraw',
      by: 'SVN',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(201);
    const seen = await stream.take(2);
    expect(seen).toEqual([
      {
        event: 'dispute.event',
        data: expect.objectContaining({
          institution: 'continental',
          case: id,
          position: 0,
          type: 'file',
          date: '2026-01-15',
          status: 'in-step',
          step: 'negotiation',
          actor: expect.stringContaining('svn'),
        }),
      },
      {
        event: 'dispute.event',
        data: expect.objectContaining({ case: id, position: 1, type: 'withdraw', status: 'withdrawn' }),
      },
    ]);
    stream.close();
    // The other institution's follower heard nothing (its stream times out empty).
    const other = elsewhere.take(1);
    setTimeout(() => elsewhere.close(), 300);
    await expect(other).rejects.toThrow();
  });

  it('refuses a stream without a login, without an institution, or for an unknown one', async () => {
    expect((await fetch(`${base}/api/disputes/stream?institution=continental`)).status).toBe(401);
    const missing = await fetch(`${base}/api/disputes/stream`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(missing.status).toBe(400);
    const unknown = await fetch(`${base}/api/disputes/stream?institution=atlantis`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).message).toMatch(/institution "atlantis"/);
  });
});
