import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { builtinCharter, builtinScenario, compareOnScenario } from '@concert/engine';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../database/test-support.ts';
import {
  type Client,
  eventFrames,
  finishedJob,
  jobUnderway,
  startTestPlatform,
  type TestPlatform,
} from '../test-support.ts';

const CLI = fileURLToPath(new URL('../../../cli/bin/concert.js', import.meta.url));
const run = promisify(execFile);

const withoutTimings = ({ timings: _t, ...rest }: Record<string, unknown>) => rest;

describeEachDatabase('simulation jobs', (t) => {
  let tp: TestPlatform;
  let deu: Client;
  let observer: Client;
  beforeAll(async () => {
    tp = await startTestPlatform(t.db, { jobs: { perUser: 1, maxRuns: 2_000_000 } });
    deu = await tp.login('delegate-deu');
    observer = await tp.login('observer');
  });
  afterAll(async () => {
    await tp.app.close();
  });

  it('gives the same report as the engine and as `concert simulate --json` for the same seed', async () => {
    const body = {
      kind: 'simulate',
      scenario: 'baltic-incursion',
      charters: ['continental', 'nato'],
      runs: 1500,
      seed: 7,
    };
    const started = await deu.post('/api/jobs', body);
    expect(started.statusCode).toBe(202);
    expect(started.headers.location).toBe(`/api/jobs/${started.json().id}`);
    const job = await finishedJob(deu, started.json().id);
    expect(job.status).toBe('succeeded');
    const engine = compareOnScenario(
      builtinScenario('baltic-incursion'),
      [builtinCharter('continental'), builtinCharter('nato')],
      { runs: 1500, seed: 7 },
    );
    expect(withoutTimings(job.result)).toEqual(JSON.parse(JSON.stringify(engine)));
    const cli = await run(process.execPath, [
      CLI,
      'simulate',
      'baltic-incursion',
      '--charter',
      'continental,nato',
      '--runs',
      '1500',
      '--seed',
      '7',
      '--json',
    ]);
    expect(withoutTimings(job.result)).toEqual(withoutTimings(JSON.parse(cli.stdout)));
  }, 60_000);

  it('runs a power analysis whose result is `concert power --json` for the same body and category', async () => {
    const started = await deu.post('/api/jobs', { kind: 'power', charter: 'unsc', category: 'substantive' });
    expect(started.statusCode, started.body).toBe(202);
    const job = await finishedJob(deu, started.json().id);
    expect(job.status, job.error).toBe('succeeded');
    const cli = await run(process.execPath, [
      CLI,
      'power',
      'unsc',
      '--category',
      'substantive',
      '--max-memory',
      '512',
      '--json',
    ]);
    const { computeMs: _a, ...server } = job.result;
    const { computeMs: _b, ...local } = JSON.parse(cli.stdout);
    expect(server).toEqual(local);
    expect(server.players.find((x: { id: string }) => x.id === 'USA').banzhaf).toBeGreaterThan(0.05);
  }, 60_000);

  it('gives one run as a timeline, as the CLI does', async () => {
    const started = await observer.post('/api/jobs', {
      kind: 'simulate',
      scenario: 'crimea-2014',
      charters: ['osce'],
      seed: 3,
    });
    const job = await finishedJob(observer, started.json().id);
    expect(job.result.runs).toBe(1);
    expect(job.result.charters[0].timeline.length).toBeGreaterThan(0);
  });

  it('streams progress as server-sent events and ends the stream with the outcome', async () => {
    const started = await deu.post('/api/jobs', {
      kind: 'simulate',
      scenario: 'unnotified-exercise',
      charters: ['continental'],
      runs: 20_000,
    });
    const res = await deu.get(`/api/jobs/${started.json().id}/events`);
    expect(res.headers['content-type']).toMatch(/text\/event-stream/);
    const events = eventFrames(res.body);
    const between = events.filter(
      (e) => e.event === 'progress' && e.data.fraction > 0 && e.data.fraction < 1,
    );
    expect(between.length).toBeGreaterThan(0);
    const fractions = events.filter((e) => e.event === 'progress').map((e) => e.data.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ event: 'succeeded', data: { status: 'succeeded' } });
  }, 60_000);

  it('cancels a running job: its thread is terminated and it never completes', async () => {
    const started = await deu.post('/api/jobs', {
      kind: 'simulate',
      scenario: 'baltic-incursion',
      charters: ['continental'],
      runs: 2_000_000,
    });
    const id = started.json().id;
    await jobUnderway(tp.app, id);
    const cancelled = await deu.post(`/api/jobs/${id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', error: 'cancelled by its owner' });
    expect(tp.app.jobs.activeWorkers).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    const after = (await deu.get(`/api/jobs/${id}`)).json();
    expect(after.status).toBe('cancelled');
    expect(after.result).toBeUndefined();
    expect((await deu.post(`/api/jobs/${id}/cancel`)).statusCode).toBe(409);
  }, 60_000);

  it('refuses a second running job for the same user with 429, and hides jobs from other users', async () => {
    const first = await deu.post('/api/jobs', {
      kind: 'simulate',
      scenario: 'baltic-incursion',
      charters: ['continental'],
      runs: 2_000_000,
    });
    const second = await deu.post('/api/jobs', { kind: 'simulate', scenario: 'gas-2009', charters: ['eu'] });
    expect(second.statusCode).toBe(429);
    expect(second.json().message).toMatch(/1 jobs running \(the limit per user\)/);
    expect((await observer.get(`/api/jobs/${first.json().id}`)).statusCode).toBe(404);
    expect((await observer.post(`/api/jobs/${first.json().id}/cancel`)).statusCode).toBe(404);
    expect((await deu.post(`/api/jobs/${first.json().id}/cancel`)).statusCode).toBe(200);
  });

  it('refuses bad input with 400 naming the field, before any thread starts', async () => {
    const base = { kind: 'simulate', scenario: 'baltic-incursion', charters: ['continental'], runs: 10 };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...base, runs: 0 }, 'runs', /runs/],
      [{ ...base, runs: 3_000_000 }, 'runs', /at most 2000000 runs/],
      [{ ...base, seed: -1 }, 'seed', /seed/],
      [{ ...base, kind: 'bake' }, 'kind', /kind/],
      [{ ...base, scenario: 'baltic-incurson' }, 'scenario', /did you mean baltic-incursion/],
      [
        { ...base, charters: ['continental', 'atlantis'] },
        'charters.1',
        /no institution or built-in charter "atlantis"/,
      ],
      [{ ...base, charters: [] }, 'charters', /charters/],
      [{ ...base, extra: 1 }, 'extra', /additional/],
      [
        {
          ...base,
          scenario: {
            ...builtinScenario('baltic-incursion'),
            incidents: [{ ...builtinScenario('baltic-incursion').incidents[0], severity: 9 }],
          },
        },
        'scenario.incidents.0.severity',
        /severity/,
      ],
      [{ ...base, scenario: 'id: x\ntitle: [' }, 'scenario', /line/],
      [
        { kind: 'power', charter: 'unsc' },
        'category',
        /several rules; name one \(procedural, substantive, chapter-vi\)/,
      ],
      [{ kind: 'power', charter: 'unsc', category: 'veto' }, 'category', /no category "veto"/],
      [
        { kind: 'power', charter: 'unsc', category: 'substantive', parties: ['DEU'] },
        'parties.0',
        /DEU is not a member/,
      ],
      [{ kind: 'power', charter: 'unsc', body: 'assembly' }, 'body', /no body "assembly"/],
      [{ kind: 'power', charter: 'unsc', method: 'guess' }, 'method', /method/],
      [{ kind: 'power', charter: 'unsc', scenario: 'gas-2009' }, 'scenario', /not a field of a power job/],
      [{ kind: 'power' }, 'charter', /required for a power job/],
      [{ kind: 'simulate', charters: ['eu'] }, 'scenario', /required for a simulate job/],
    ];
    for (const [body, field, message] of cases) {
      const res = await deu.post('/api/jobs', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().field).toBe(field);
      expect(res.json().message).toMatch(message);
      expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(tp.app.jobs.activeWorkers).toBe(0);
    expect((await tp.anonymous.post('/api/jobs', base)).statusCode).toBe(401);
  });
});

describeEachDatabase('simulation job time limit', (t) => {
  let tp: TestPlatform;
  beforeAll(async () => {
    tp = await startTestPlatform(t.db, { jobs: { timeLimitSeconds: 0.5 } });
  });
  afterAll(async () => {
    await tp.app.close();
  });

  it('stops a job that runs past the time limit and says why', async () => {
    const deu = await tp.login('delegate-deu');
    const started = await deu.post('/api/jobs', {
      kind: 'simulate',
      scenario: 'baltic-incursion',
      charters: ['continental'],
      runs: 1_000_000,
    });
    const job = await finishedJob(deu, started.json().id);
    expect(job).toMatchObject({ status: 'failed', error: expect.stringMatching(/stopped after 0.5 s/) });
    expect(tp.app.jobs.activeWorkers).toBe(0);
  }, 30_000);
});
