import { beforeAll, expect, it } from 'vitest';
import type { Queryable } from '../database/index.ts';
import { describeEachDatabase } from '../database/test-support.ts';
import { startTestPlatform } from '../test-support.ts';
import { appendSessionEvent, type SessionEvent, SessionFeeds, SessionSignals } from './events.ts';

describeEachDatabase('session feeds', (t) => {
  let session: number;
  beforeAll(async () => {
    const platform = await startTestPlatform(t.db);
    const chair = await platform.login('presidency');
    session = (
      await chair.post('/api/sessions', { institution: 'continental', body: 'council', title: 'Feeds' })
    ).json().id;
  });

  it('gives 50 streams of one session every new event once, with one read per commit, not one per stream', async () => {
    let reads = 0;
    const counting: Queryable = {
      query: (sql, params) => {
        if (sql.includes('FROM session_events')) reads++;
        return t.db.query(sql, params);
      },
    };
    const signals = new SessionSignals();
    const feeds = new SessionFeeds(counting, signals, (e) => {
      throw e;
    });
    const received = Array.from({ length: 50 }, () => [] as number[]);
    const leave = await Promise.all(
      received.map((got) =>
        feeds.join(session, (events: SessionEvent[]) => got.push(...events.map((e) => e.id))),
      ),
    );
    const opened = reads; // the feed's starting point: one read for all 50
    const written: number[] = [];
    for (let k = 0; k < 5; k++) {
      written.push(await appendSessionEvent(t.db, session, 'agenda.added', new Date().toISOString(), { k }));
      signals.changed(session);
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const got of received) expect(got).toEqual(written);
    expect(opened).toBe(1);
    expect(reads - opened).toBeLessThanOrEqual(5);
    for (const l of leave) l();
  });
});
