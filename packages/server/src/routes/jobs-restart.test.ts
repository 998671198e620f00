import { builtinCharter, builtinScenario, compareOnScenario } from '@concert/engine';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../database/index.ts';
import { describeEachDatabase } from '../database/test-support.ts';
import { HEARTBEAT_MS, MAX_ATTEMPTS } from '../jobs/runner.ts';
import {
  type Client,
  eventFrames,
  finishedJob,
  jobUnderway,
  platformOn,
  restartTestPlatform,
  startTestPlatform,
  type TestPlatform,
} from '../test-support.ts';

// Jobs are recorded in the database: they outlive the process that ran them, and a job whose process stopped
// is run again by the next one to look, to the result an uninterrupted run gives (jobs are deterministic).
const withoutTimings = ({ timings: _t, ...rest }: Record<string, unknown>) => rest;

const EXERCISE = {
  kind: 'simulate',
  scenario: 'unnotified-exercise',
  charters: ['continental'],
  runs: 20_000,
};
const exerciseReport = () =>
  JSON.parse(
    JSON.stringify(
      compareOnScenario(builtinScenario('unnotified-exercise'), [builtinCharter('continental')], {
        runs: 20_000,
        seed: 1,
      }),
    ),
  );

describeEachDatabase('jobs across restarts', (t) => {
  let tp: TestPlatform;
  let deu: Client;
  beforeAll(async () => {
    tp = await startTestPlatform(t.db);
    deu = await tp.login('delegate-deu');
  });
  afterAll(async () => {
    await tp.app.close();
  });
  const restart = async () => {
    tp = await restartTestPlatform(t.db, tp);
    deu = await tp.login('delegate-deu');
  };
  const row = async (id: string) =>
    (
      await t.db.query<{ status: string; attempts: number; runner: string | null }>(
        'SELECT status, attempts, runner FROM jobs WHERE id = $1',
        [id],
      )
    )[0]!;

  it('keeps a finished job, its result as it was returned, across a restart', async () => {
    const started = await deu.post('/api/jobs', { ...EXERCISE, runs: 1500, seed: 7 });
    const before = await finishedJob(deu, started.json().id);
    expect(before.status).toBe('succeeded');
    await restart();
    const after = (await deu.get(`/api/jobs/${before.id}`)).json();
    expect(after).toEqual(before);
    expect(JSON.stringify(after.result)).toBe(JSON.stringify(before.result)); // key order kept too
    const listed = (await deu.get('/api/jobs')).json();
    expect(listed.find((j: { id: string }) => j.id === before.id)).toMatchObject({ status: 'succeeded' });
    expect(listed[0].result).toBeUndefined();
  }, 60_000);

  it('runs a job a shutdown interrupted again in the next process, to the result an uninterrupted run gives', async () => {
    // Restarted at once: the job (a second or more of work) cannot have finished.
    const id = (await deu.post('/api/jobs', EXERCISE)).json().id;
    const streamed = deu.get(`/api/jobs/${id}/events`); // ends when the server stops
    await new Promise((r) => setTimeout(r, 50));
    await restart();
    const frames = eventFrames((await streamed).body);
    expect(frames.at(-1)).toMatchObject({ event: 'interrupted' });
    const job = await finishedJob(deu, id);
    expect(job.status).toBe('succeeded');
    expect(withoutTimings(job.result)).toEqual(exerciseReport());
    expect(job.attempts).toBe(2);
    expect(await row(id)).toMatchObject({ status: 'succeeded', attempts: 2, runner: null });
  }, 60_000);

  it.runIf(t.kind === 'postgresql')(
    'takes over a job whose process went silent (killed) at the next heartbeat, and finishes it',
    async () => {
      const id = (await deu.post('/api/jobs', EXERCISE)).json().id;
      // As if the process running it had been killed long ago: another runner, a heartbeat long past. (Should
      // the job finish here before the heartbeat notices, its outcome is not recorded — the row is no longer
      // this process's — and it is taken over all the same.)
      await t.db.query(
        "UPDATE jobs SET runner = 'killed', heartbeat_at = '2000-01-01T00:00:00.000Z' WHERE id = $1",
        [id],
      );
      const job = await finishedJob(deu, id);
      expect(job.status).toBe('succeeded');
      expect(withoutTimings(job.result)).toEqual(exerciseReport());
      expect((await row(id)).attempts).toBe(2);
    },
    60_000,
  );

  it(`fails a job its processes stopped under ${MAX_ATTEMPTS} times, saying so`, async () => {
    const id = (await deu.post('/api/jobs', { ...EXERCISE, runs: 1_000_000 })).json().id;
    await t.db.query('UPDATE jobs SET attempts = $2 WHERE id = $1', [id, MAX_ATTEMPTS]);
    await restart();
    const job = await finishedJob(deu, id);
    expect(job).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/stopped while it ran, 3 times/),
    });
    expect(tp.app.jobs.activeWorkers).toBe(0);
  }, 60_000);

  it.runIf(t.kind === 'postgresql')(
    'shows, follows and cancels a job from another server process sharing the database',
    async () => {
      const db = await openDatabase({ databaseUrl: t.url!, schema: t.schema! });
      const other = await platformOn(db, {}, tp.passwords, tp.credentialsFile);
      try {
        const elsewhere = await other.login('delegate-deu');
        const id = (await deu.post('/api/jobs', { ...EXERCISE, runs: 1_000_000 })).json().id;
        await jobUnderway(tp.app, id);
        await new Promise((r) => setTimeout(r, HEARTBEAT_MS * 1.5)); // a heartbeat records its progress
        const seen = (await elsewhere.get(`/api/jobs/${id}`)).json();
        expect(seen).toMatchObject({ status: 'running', progress: { fraction: expect.any(Number) } });
        expect(seen.progress.fraction).toBeGreaterThan(0);
        const followed = elsewhere.get(`/api/jobs/${id}/events`); // ends with the job's outcome
        const cancelled = await elsewhere.post(`/api/jobs/${id}/cancel`);
        expect(cancelled.json()).toMatchObject({ status: 'cancelled', error: 'cancelled by its owner' });
        expect(eventFrames((await followed).body).at(-1)).toMatchObject({ event: 'cancelled' });
        // The process running it stops its thread at its next heartbeat.
        for (let i = 0; i < 50 && tp.app.jobs.activeWorkers > 0; i++)
          await new Promise((r) => setTimeout(r, 100));
        expect(tp.app.jobs.activeWorkers).toBe(0);
        expect((await deu.get(`/api/jobs/${id}`)).json()).toMatchObject({ status: 'cancelled' });
      } finally {
        await other.app.close();
        await db.close();
      }
    },
    60_000,
  );
});
