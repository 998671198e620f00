import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { TEST_COST } from '../auth/passwords.ts';
import { openDatabase } from '../database/index.ts';
import { describeEachDatabase } from '../database/test-support.ts';
import {
  type Client,
  followEventStream,
  SLOVENIA_CROATIA,
  startTestPlatform,
  type TestPlatform,
} from '../test-support.ts';

/** Reads a session's stream from a live server until `count` events have arrived, then leaves. */
async function readEvents(url: string, reader: Client, count: number, lastEventId?: number) {
  const headers = { ...reader.headers, ...(lastEventId ? { 'last-event-id': String(lastEventId) } : {}) };
  const stream = await followEventStream(url, headers);
  expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
  try {
    return await stream.take(count);
  } finally {
    stream.close();
  }
}

describeEachDatabase('live updates', (t) => {
  let tp: TestPlatform;
  let base: string;
  let chair: Client;
  let observer: Client;
  beforeAll(async () => {
    tp = await startTestPlatform(t.db);
    base = await tp.app.listen({ port: 0, host: '127.0.0.1' });
    chair = await tp.login('presidency');
    observer = await tp.login('observer');
  });
  afterAll(async () => {
    await tp.app.close();
  });

  it('streams a session as it happens, and a reconnect with Last-Event-ID gets exactly what it missed', async () => {
    const s = (
      await chair.post('/api/sessions', { institution: 'continental', body: 'council', title: 'Live' })
    ).json().id;
    const url = `${base}/api/sessions/${s}/events`;
    const first = readEvents(url, observer, 3);
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
    const missed = await readEvents(url, observer, 3, seen[2]!.id);
    expect(missed.map((e) => e.event)).toEqual(['poll.opened', 'vote.cast', 'poll.closed']);
    expect(missed[0]!.id).toBeGreaterThan(seen[2]!.id!);
    expect(missed[1]!.data).toMatchObject({
      delegation: 'continental:DEU',
      choice: 'yes',
      tally: { yes: 1, no: 0, abstain: 0 },
    });
    expect(missed[2]!.data).toMatchObject({ poll: poll.id, result: { adopted: false } });
  });

  // Two server processes on one PostgreSQL database: each wakes the other's streams (domain/relay.ts).
  /** Runs `work` with a second server on the same PostgreSQL schema, listening on a port of its own. */
  const withOtherServer = async (work: (otherBase: string) => Promise<void>) => {
    const db = await openDatabase({ databaseUrl: t.url!, schema: t.schema! });
    const other = await buildApp({ db, logger: false, passwordCost: TEST_COST });
    try {
      await work(await other.listen({ port: 0, host: '127.0.0.1' }));
    } finally {
      await other.close();
      await db.close();
    }
  };

  it.runIf(t.kind === 'postgresql')(
    'wakes the streams of another server sharing the database: session events and dispute changes',
    () =>
      withOtherServer(async (otherBase) => {
        const s = (
          await chair.post('/api/sessions', {
            institution: 'continental',
            body: 'council',
            title: 'Two servers',
          })
        ).json().id;
        const sessionStream = await followEventStream(
          `${otherBase}/api/sessions/${s}/events`,
          observer.headers,
        );
        const disputeStream = await followEventStream(
          `${otherBase}/api/disputes/stream?institution=continental`,
          observer.headers,
        );
        expect((await sessionStream.take(1)).map((e) => e.event)).toEqual(['session.opened']); // caught up
        const deu = await tp.login('delegate-deu');
        await deu.post(`/api/sessions/${s}/attendance`, { present: true });
        const motion = await deu.post(`/api/sessions/${s}/motions`, {
          category: 'procedural',
          text: 'Relayed',
        });
        expect(motion.statusCode, motion.body).toBe(201);
        const poll = (await chair.post(`/api/motions/${motion.json().id}/polls`)).json();
        await deu.post(`/api/polls/${poll.id}/votes`, { choice: 'no' });
        // Nothing happened on the other server: only the relay can have woken its stream.
        expect((await sessionStream.take(4)).map((e) => e.event)).toEqual([
          'attendance.changed',
          'motion.tabled',
          'poll.opened',
          'vote.cast',
        ]);
        sessionStream.close();
        const svn = await tp.login('delegate-svn');
        const filed = await svn.post('/api/disputes', SLOVENIA_CROATIA);
        expect(filed.statusCode, filed.body).toBe(201);
        const [change] = await disputeStream.take(1);
        expect(change).toMatchObject({
          event: 'dispute.event',
          data: { case: filed.json().id, type: 'file' },
        });
        disputeStream.close();
      }),
  );

  it.runIf(t.kind === 'postgresql')(
    "catches another server's streams up once its lost listening connection is back",
    () =>
      withOtherServer(async (otherBase) => {
        const s = (
          await chair.post('/api/sessions', { institution: 'continental', body: 'council', title: 'Cut off' })
        ).json().id;
        const stream = await followEventStream(`${otherBase}/api/sessions/${s}/events`, observer.headers);
        expect((await stream.take(1)).map((e) => e.event)).toEqual(['session.opened']);
        // Both servers' listening connections are cut; the change's notification goes out while they are down.
        const [row] = await t.db.query<{ cut: number }>(
          `SELECT count(pg_terminate_backend(pid))::int AS cut FROM pg_stat_activity
            WHERE query LIKE 'LISTEN %' AND query LIKE $1`,
          [`%concert_${t.schema}%`],
        );
        expect(row?.cut).toBe(2);
        await new Promise((r) => setTimeout(r, 100));
        const deu = await tp.login('delegate-deu');
        expect((await deu.post(`/api/sessions/${s}/attendance`, { present: true })).statusCode).toBe(204);
        // No further change: only the catch-up after reconnecting (1 s later) can bring it.
        expect((await stream.take(1)).map((e) => e.event)).toEqual(['attendance.changed']);
        stream.close();
      }),
  );

  it('refuses a stream without a login', async () => {
    const s = (
      await chair.post('/api/sessions', { institution: 'continental', body: 'council', title: 'Closed door' })
    ).json().id;
    expect((await fetch(`${base}/api/sessions/${s}/events`)).status).toBe(401);
  });
});
