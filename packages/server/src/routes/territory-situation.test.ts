import { TEST_VALLEY } from '@concert/engine/fixtures/test-valley.ts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../database/test-support.ts';
import { type Client, SLOVENIA_CROATIA, startTestPlatform, type TestPlatform } from '../test-support.ts';

// Accepted border changes feed the queries that read borders: the coverage of a transferred area, the
// neutrality test's "not a land neighbour", and a dispute case's mediator. A constructed case, not geography:
// an Austrian valley passes to Switzerland from 2027-01-01 and gives Switzerland a land border with Slovenia.
const transfer = TEST_VALLEY;

describeEachDatabase('border changes feed coverage, neutrality and mediators', (t) => {
  let tp: TestPlatform;
  let svn: Client;
  let secretariat: Client;
  let observer: Client;
  let filedBefore: number;

  const file = async (date: string) => {
    const res = await svn.post('/api/disputes', { ...SLOVENIA_CROATIA, date });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    const open = await svn.post(`/api/disputes/${id}/events`, {
      date: '2027-06-01',
      type: 'open-step',
      step: 'mediation',
      by: 'SVN',
    });
    expect(open.statusCode, open.body).toBe(201);
    return id;
  };
  const proposeSwitzerland = (id: number) =>
    svn.post(`/api/disputes/${id}/events`, {
      date: '2027-06-02',
      type: 'propose-mediator',
      by: 'SVN',
      mediator: 'CHE',
    });

  beforeAll(async () => {
    tp = await startTestPlatform(t.db);
    svn = await tp.login('delegate-svn');
    secretariat = await tp.login('secretariat');
    observer = await tp.login('observer');
    // A case filed (on the server clock) before the change is recorded keeps the registry it was filed under.
    filedBefore = await file('2027-01-15');
    const res = await secretariat.post('/api/territory/border-changes', { change: transfer });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('moves the area’s holder and its coverage from the effect date, not before', async () => {
    const on = async (date: string) =>
      (await observer.get(`/api/territory/coverage?date=${date}&area=Test%20valley`)).json().areas[0];
    const before = await on('2026-12-31');
    const after = await on('2027-01-01');
    expect(before).toMatchObject({ holder: 'AUT', member: true });
    expect(before.defenceClauses.map((g: { clause: string }) => g.clause)).toEqual(['eu-art42-7']);
    expect(after).toMatchObject({ holder: 'CHE', member: true, transfer: { request: 'test-valley' } });
    expect(after.defenceClauses).toEqual([]);
    expect(after.charterGuarantees.length).toBeGreaterThan(0);
    const all = (await observer.get('/api/territory/coverage?date=2027-01-01')).json();
    expect(all).toMatchObject({ institution: 'continental', date: '2027-01-01', count: 1 });
    const neighbours = async (date: string) =>
      (await observer.get(`/api/territory/borders?date=${date}&state=SVN`)).json().neighbours;
    expect(await neighbours('2026-12-31')).not.toContain('CHE');
    expect(await neighbours('2027-01-01')).toContain('CHE');
  });

  it('excludes a state that became a land neighbour of a party from the effect date', async () => {
    const test = async (date: string) =>
      (await observer.get(`/api/territory/neutrality?parties=SVN,HRV&date=${date}&seed=3`)).json();
    const before = await test('2026-12-31');
    const after = await test('2027-01-01');
    expect(before.eligible.map((e: { id: string }) => e.id)).toContain('CHE');
    expect(after.eligible.map((e: { id: string }) => e.id)).not.toContain('CHE');
    expect(after.excluded).toContainEqual(
      expect.objectContaining({ id: 'CHE', reasons: ['land neighbour of SVN'] }),
    );
  });

  it('a case filed after the change refuses that mediator; one filed before keeps its registry', async () => {
    const id = await file('2027-01-15');
    const mediators = (await observer.get(`/api/disputes/${id}/mediators`)).json();
    expect(mediators.excluded).toContainEqual(
      expect.objectContaining({ id: 'CHE', reasons: ['land neighbour of SVN'] }),
    );
    const refused = await proposeSwitzerland(id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toMatch(/Switzerland is not neutral: land neighbour of SVN/);
    const kept = await proposeSwitzerland(filedBefore);
    expect(kept.statusCode, kept.body).toBe(201);
    const view = (await observer.get(`/api/disputes/${filedBefore}`)).json();
    expect(view.state.step.proposals).toEqual([{ by: 'SVN', mediator: 'CHE', date: '2027-06-02' }]);
  });

  it('places a violation in the transferred area at its holder on the date', async () => {
    const zone = {
      id: 'valley',
      name: 'Valley zone',
      area: 'the test valley',
      states: ['AUT', 'CHE', 'SVN'],
      established: '2026-06-01',
      limits: { 'battle-tanks': 0 },
      mission: { name: 'Valley mission', states: ['GEO', 'MDA', 'ARM'] },
    };
    const z = await secretariat.post('/api/territory/zones', { zone });
    expect(z.statusCode, z.body).toBe(201);
    const seen = {
      by: 'SVN',
      reported_by: 'SVN',
      place: 'pass',
      area: 'Test valley',
      observed: { 'battle-tanks': 2 },
    };
    for (const date of ['2026-12-31', '2027-01-01']) {
      const r = await svn.post('/api/territory/zones/valley/violations', { violation: { ...seen, date } });
      expect(r.statusCode, r.body).toBe(201);
    }
    const view = (await observer.get('/api/territory/violations?scenarioStart=2026-12-01')).json();
    expect(view.incidents.map((i: { day: number; place: string }) => [i.day, i.place])).toEqual([
      [30, 'AUT'],
      [31, 'CHE'],
    ]);
    const unknown = await svn.post('/api/territory/zones/valley/violations', {
      violation: { ...seen, date: '2027-02-01', area: 'Elsewhere' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      field: 'area',
      message: expect.stringMatching(/transfers "Elsewhere"/),
    });
  });

  it('judges a monitoring mission with the registry: a new neighbour of a zone state does not qualify', async () => {
    const zone = {
      id: 'after-change',
      name: 'Zone after the change',
      area: 'along the river',
      states: ['SVN', 'HRV'],
      established: '2027-02-01',
      limits: { troops: 0 },
      mission: { name: 'M', states: ['CHE', 'GEO', 'LIE'] },
    };
    const res = await secretariat.post('/api/territory/zones', { zone });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/CHE land neighbour of SVN/);
    const before = await secretariat.post('/api/territory/zones', {
      zone: { ...zone, id: 'before-change', established: '2026-12-01' },
    });
    expect(before.statusCode, before.body).toBe(201);
  });

  it('refuses bad coverage and neutrality queries with one clear 400', async () => {
    const bad: [string, RegExp, string][] = [
      [
        '/api/territory/coverage?area=Test%20vally',
        /no accepted border change concerns "Test vally" \(did you mean "Test valley"\?\)/,
        'area',
      ],
      ['/api/territory/coverage?date=2027-02-30', /not a calendar date/, 'date'],
      ['/api/territory/neutrality?parties=SVN', /at least two states/, 'parties'],
      ['/api/territory/neutrality?parties=SVN,XYZ', /unknown state "XYZ"/, 'parties'],
      ['/api/territory/neutrality?parties=SVN,HRV&date=soon', /not a calendar date/, 'date'],
    ];
    for (const [url, message, field] of bad) {
      const res = await observer.get(url);
      expect.soft(res.statusCode, url).toBe(400);
      expect.soft(res.json().message, url).toMatch(message);
      expect.soft(res.json().field, url).toBe(field);
    }
    expect((await observer.get('/api/territory/neutrality')).statusCode).toBe(400);
  });
});
