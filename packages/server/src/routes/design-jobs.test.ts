import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  builtinCharter,
  decisionGame,
  designSearch,
  institutionOn,
  powerGameFromDecision,
} from '@concert/engine';
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

/** The engine's own search over the EU Council's members under QMV on the charter's reference date. */
function engineDesign(search: Omit<Parameters<typeof designSearch>[0], 'ids' | 'population'>) {
  const eu = builtinCharter('eu');
  const game = powerGameFromDecision(decisionGame(institutionOn(eu, eu.reference_date), 'council', 'qmv'));
  return JSON.parse(JSON.stringify(designSearch({ ids: game.ids, population: game.population!, ...search })));
}

// Long enough to be cancelled or stopped: 810 rules over the 57 OSCE states, half with a member quota.
const LONG = { kind: 'design', charter: 'osce', quotas: '50:90:0.5', countQuotas: [null, 50] };

describeEachDatabase('design jobs', (t) => {
  let tp: TestPlatform;
  let deu: Client;
  beforeAll(async () => {
    tp = await startTestPlatform(t.db, { jobs: { perUser: 1 } });
    deu = await tp.login('delegate-deu');
  });
  afterAll(async () => {
    await tp.app.close();
  });

  it('finds the Pareto set the engine finds, and `concert design --json` prints, with 61.5% closest for square-root weights', async () => {
    const started = await deu.post('/api/jobs', {
      kind: 'design',
      charter: 'eu',
      category: 'qmv',
      alphas: [0.5],
      quotas: '50:90:0.5',
    });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json().input).toMatchObject({ kind: 'design', body: 'council', category: 'qmv' });
    const job = await finishedJob(deu, started.json().id);
    expect(job.status, job.error).toBe('succeeded');
    const quotas = Array.from({ length: 81 }, (_, i) => 50 + i / 2);
    const engine = engineDesign({
      alphas: [0.5],
      quotas,
      countQuotas: [null],
      goals: { noSingleBlocker: true, noPairPasses: true },
    });
    expect(job.result.pareto).toEqual(engine.pareto);
    expect(job.result.candidates).toEqual(engine.candidates);
    expect(job.result.closest.quota).toBe(61.5);
    const cli = await run(process.execPath, [
      CLI,
      'design',
      'eu',
      '--category',
      'qmv',
      '--alpha',
      '0.5',
      '--quota',
      '50:90:0.5',
      '--json',
    ]);
    expect(job.result).toEqual(JSON.parse(cli.stdout));
  }, 60_000);

  it('takes member quotas, a subset of the goals and a least probability of passage as the engine does', async () => {
    const started = await deu.post('/api/jobs', {
      kind: 'design',
      charter: 'eu',
      category: 'qmv',
      alphas: [0.5, 1],
      quotas: [55, 60, 62, 65, 70],
      countQuotas: [null, 55],
      goals: ['no-single-blocker'],
      minPass: 0.1,
    });
    const job = await finishedJob(deu, started.json().id);
    expect(job.status, job.error).toBe('succeeded');
    const engine = engineDesign({
      alphas: [0.5, 1],
      quotas: [55, 60, 62, 65, 70],
      countQuotas: [null, 55],
      goals: { noSingleBlocker: true, noPairPasses: false, minPassProbability: 0.1 },
    });
    expect(job.result.pareto).toEqual(engine.pareto);
    expect(job.result.candidates.length).toBe(20);
    // The passage floor is a goal: some rules fail it, and the Pareto set holds only those that meet it.
    expect(job.result.candidates.some((c: { failures: string[] }) => /passage/.test(c.failures.join()))).toBe(
      true,
    );
    for (const c of job.result.pareto) expect(c.passProbability).toBeGreaterThanOrEqual(0.1);
  }, 60_000);

  it('streams progress over server-sent events and ends with the outcome', async () => {
    const started = await deu.post('/api/jobs', {
      kind: 'design',
      charter: 'osce',
      alphas: [0.5],
      quotas: '50:90:2',
      countQuotas: [null, 50],
    });
    const res = await deu.get(`/api/jobs/${started.json().id}/events`);
    const events = eventFrames(res.body);
    const between = events.filter(
      (e) => e.event === 'progress' && e.data.fraction > 0 && e.data.fraction < 1,
    );
    expect(between.length).toBeGreaterThan(0);
    expect(between[0]!.data.stage).toBe('design search');
    expect(events.at(-1)).toMatchObject({ event: 'succeeded' });
  }, 60_000);

  it('cancels a running design search: its thread is terminated', async () => {
    const started = await deu.post('/api/jobs', LONG);
    const id = started.json().id;
    await jobUnderway(tp.app, id);
    const cancelled = await deu.post(`/api/jobs/${id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    expect(tp.app.jobs.activeWorkers).toBe(0);
    expect((await deu.get(`/api/jobs/${id}`)).json().result).toBeUndefined();
  }, 60_000);

  it('refuses bad input with 400 naming the field, before any thread starts', async () => {
    const base = { kind: 'design', charter: 'eu', category: 'qmv' };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ kind: 'design', charter: 'eu' }, 'category', /several rules; name one/],
      [{ ...base, alphas: [3] }, 'alphas.0', /2/],
      [{ ...base, alphas: [] }, 'alphas', /alphas/],
      [{ ...base, quotas: '90:50' }, 'quotas', /not a range from:to:step/],
      [{ ...base, quotas: '50:90:0' }, 'quotas', /not a range/],
      [{ ...base, quotas: [120] }, 'quotas.0', /quotas/],
      [{ ...base, alphas: [0, 0.5, 1], quotas: '0:100:0.01' }, 'quotas', /over the 5000 one job may try/],
      [{ ...base, countQuotas: [55, 'half'] }, 'countQuotas.1', /countQuotas/],
      [{ ...base, goals: ['no-dictator'] }, 'goals.0', /goals/],
      [{ ...base, minPass: 1.5 }, 'minPass', /minPass/],
      [{ ...base, population: 'census-1897' }, 'population', /unknown population series "census-1897"/],
      [{ ...base, parties: ['USA'] }, 'parties.0', /USA is not a member/],
      [{ ...base, runs: 10 }, 'runs', /not a field of a design job/],
      [{ ...base, method: 'enumeration' }, 'method', /not a field of a design job/],
      [{ kind: 'design' }, 'charter', /required for a design job/],
      [{ kind: 'design', charter: 'atlantis' }, 'charter', /no institution or built-in charter "atlantis"/],
    ];
    for (const [body, field, message] of cases) {
      const res = await deu.post('/api/jobs', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().field, JSON.stringify(body)).toBe(field);
      expect(res.json().message).toMatch(message);
      expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(tp.app.jobs.activeWorkers).toBe(0);
  });
});

describeEachDatabase('design job limits', (t) => {
  let tp: TestPlatform;
  beforeAll(async () => {
    tp = await startTestPlatform(t.db, { jobs: { timeLimitSeconds: 0.5 } });
  });
  afterAll(async () => {
    await tp.app.close();
  });

  it('stops a design search that runs past the time limit and says what to ask for instead', async () => {
    const deu = await tp.login('delegate-deu');
    const job = await finishedJob(deu, (await deu.post('/api/jobs', LONG)).json().id);
    expect(job).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/stopped after 0.5 s .*coarser quota step/),
    });
    expect(tp.app.jobs.activeWorkers).toBe(0);
  }, 30_000);
});
