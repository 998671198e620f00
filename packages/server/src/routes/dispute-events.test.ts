import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../database/test-support.ts';
import {
  type Client,
  followEventStream,
  SLOVENIA_CROATIA,
  startTestPlatform,
  type TestPlatform,
} from '../test-support.ts';

describeEachDatabase('live dispute registry', (t) => {
  let tp: TestPlatform;
  let base: string;
  let svn: Client;
  let observer: Client;
  beforeAll(async () => {
    tp = await startTestPlatform(t.db);
    base = await tp.app.listen({ port: 0, host: '127.0.0.1' });
    svn = await tp.login('delegate-svn');
    observer = await tp.login('observer');
  });
  afterAll(async () => {
    await tp.app.close();
  });

  it('tells a follower of the institution each filing and action, with the case and its new status', async () => {
    const stream = await followEventStream(
      `${base}/api/disputes/stream?institution=continental`,
      observer.headers,
    );
    const elsewhere = await followEventStream(
      `${base}/api/disputes/stream?institution=osce`,
      observer.headers,
    );
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const filed = await svn.post('/api/disputes', SLOVENIA_CROATIA);
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
        id: 1,
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
        id: 2,
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
      headers: observer.headers,
    });
    expect(missing.status).toBe(400);
    const unknown = await fetch(`${base}/api/disputes/stream?institution=atlantis`, {
      headers: observer.headers,
    });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).message).toMatch(/institution "atlantis"/);
  });
});
