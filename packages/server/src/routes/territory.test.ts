import { parseScenario } from '@concert/engine';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../database/test-support.ts';
import { type Client, startTestPlatform, type TestPlatform } from '../test-support.ts';

// The hypothetical Baarle-Hertog transfer of packages/cli/examples: refused by treaty alone, accepted with a
// supervised referendum meeting the continental charter's conditions (000 §V ¶1).
const byTreaty = {
  id: 'baarle-no-referendum',
  area: { name: 'Baarle-Hertog enclaves', from: 'BEL', to: 'NLD', area_km2: 2.3 },
  states_concerned: ['BEL', 'NLD'],
  requested: '2026-03-01',
  effective: '2027-01-01',
  agreements: [
    { state: 'BEL', date: '2026-10-01', instrument: 'boundary treaty' },
    { state: 'NLD', date: '2026-10-01', instrument: 'boundary treaty' },
  ],
};
const referendum = {
  date: '2026-09-13',
  supervised_by: 'Continental observer mission',
  observers: ['SRB', 'GEO', 'MDA', 'BIH', 'AND'],
  registered: 2100,
  votes_cast: 1500,
  valid: 1480,
  yes: 1004,
};
const withReferendum = { ...byTreaty, id: 'baarle-with-referendum', referendum };

const dragonja = {
  id: 'dragonja',
  name: 'Dragonja valley zone',
  area: '5 km either side of the Dragonja river from the coast to Sočerga',
  states: ['SVN', 'HRV'],
  established: '2026-06-01',
  limits: { troops: 0, 'battle-tanks': 0, 'armoured-combat-vehicles': 0, artillery: 0 },
  mission: { name: 'Continental Monitoring Mission Dragonja', states: ['CHE', 'GEO', 'LIE'] },
};

describeEachDatabase('territory registry', (t) => {
  let tp: TestPlatform;
  let bel: Client;
  let nld: Client;
  let svn: Client;
  let deu: Client;
  let secretariat: Client;
  let observer: Client;
  const auditSize = async () => (await observer.get('/api/audit/checkpoint')).json().checkpoint.size;

  beforeAll(async () => {
    tp = await startTestPlatform(t.db);
    bel = await tp.login('delegate-bel');
    nld = await tp.login('delegate-nld');
    svn = await tp.login('delegate-svn');
    deu = await tp.login('delegate-deu');
    secretariat = await tp.login('secretariat');
    observer = await tp.login('observer');
  });

  it('refuses a border change agreed by treaty alone, with the reason, and writes nothing', async () => {
    const size = await auditSize();
    const res = await bel.post('/api/territory/border-changes', {
      institution: 'continental',
      change: byTreaty,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/refused: no referendum under international supervision/);
    expect(res.json().assessment.checks).toContainEqual(
      expect.objectContaining({ check: 'referendum', ok: false }),
    );
    expect(await auditSize()).toBe(size);
    expect((await observer.get('/api/territory/border-changes')).json()).toEqual([]);
  });

  it('refuses a change one state concerned has not agreed to', async () => {
    const res = await bel.post('/api/territory/border-changes', {
      change: { ...withReferendum, agreements: byTreaty.agreements.slice(0, 1) },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/no agreement from NLD/);
  });

  it('accepts it with a supervised referendum and the registry reflects it from the effect date', async () => {
    const res = await nld.post('/api/territory/border-changes', { change: withReferendum });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().assessment).toMatchObject({ accepted: true, reasons: [] });
    const before = (await observer.get('/api/territory/borders?date=2026-12-31')).json();
    const after = (await observer.get('/api/territory/borders?date=2027-01-01')).json();
    expect(before.transfers[0]).toMatchObject({ area: 'Baarle-Hertog enclaves', holderOnDate: 'BEL' });
    expect(after.transfers[0]).toMatchObject({ holderOnDate: 'NLD', effective: '2027-01-01' });
    const audit = (await observer.get('/api/audit?limit=1000')).json();
    const entries = Array.isArray(audit) ? audit : audit.entries;
    expect(entries.at(-1)).toMatchObject({
      action: 'territory.border-change',
      subject: 'border-change:continental/baarle-with-referendum',
      actor: 'delegate:delegate-nld',
    });
  });

  it('adds and ends border pairs from the effect date (registry mechanics, hypothetical pairs)', async () => {
    const change = {
      ...withReferendum,
      id: 'pairs',
      area: { name: 'Test strip', from: 'BEL', to: 'NLD' },
      borders: { add: [['NLD', 'LUX']], remove: [['BEL', 'NLD']] },
    };
    expect((await secretariat.post('/api/territory/border-changes', { change })).statusCode).toBe(201);
    const pairs = async (date: string) =>
      (await observer.get(`/api/territory/borders?date=${date}&state=NLD`))
        .json()
        .borders.map((b: { a: string; b: string }) => `${b.a}-${b.b}`);
    expect(await pairs('2026-12-31')).toEqual(['BEL-NLD', 'DEU-NLD']);
    expect(await pairs('2027-01-01')).toEqual(['DEU-NLD', 'LUX-NLD']);
  });

  it('enters a request sent twice at once only once', async () => {
    const change = { ...withReferendum, id: 'twice' };
    const answers = await Promise.all([
      bel.post('/api/territory/border-changes', { change }),
      nld.post('/api/territory/border-changes', { change }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const ids = (await observer.get('/api/territory/border-changes')).json().map((c: { id: string }) => c.id);
    expect(ids.filter((id: string) => id === 'twice')).toHaveLength(1);
  });

  it('refuses bad border-change input with one clear 4xx and no write', async () => {
    const size = await auditSize();
    const bad: [Client, unknown, number, RegExp, string?][] = [
      [bel, { change: { ...withReferendum, id: undefined } }, 400, /id: missing/, 'id'],
      [
        bel,
        { change: { ...withReferendum, effective: '2027-02-30' } },
        400,
        /not a calendar date/,
        'effective',
      ],
      [
        bel,
        { change: { ...withReferendum, referendum: { ...referendum, yes: -1 } } },
        400,
        /referendum.yes/,
        'referendum.yes',
      ],
      [bel, { change: { ...withReferendum, colour: 'red' } }, 400, /colour/, 'colour'],
      [bel, { change: withReferendum }, 409, /already in the registry/, 'id'],
      [bel, { institution: 'atlantis', change: withReferendum }, 404, /atlantis/],
      [
        bel,
        { change: { ...withReferendum, id: 'x', referendum: { ...referendum, yes: 700 } } },
        422,
        /of valid votes in favour/,
      ],
      [
        bel,
        {
          change: {
            ...withReferendum,
            id: 'y',
            referendum: { ...referendum, observers: ['DEU', 'GEO', 'MDA', 'BIH', 'AND'] },
          },
        },
        422,
        /DEU .*shares/,
      ],
      [deu, { change: { ...withReferendum, id: 'z' } }, 403, /own state/],
      [observer, { change: { ...withReferendum, id: 'z' } }, 403, /secretariat/],
      [bel, {}, 400, /change/, 'change'],
    ];
    for (const [client, body, status, message, field] of bad) {
      const res = await client.post('/api/territory/border-changes', body);
      const what = `${JSON.stringify(body).slice(0, 100)}: ${res.body.slice(0, 300)}`;
      expect.soft(res.statusCode, what).toBe(status);
      expect.soft(res.json().message, what).toMatch(message);
      if (field) expect.soft(res.json().field, what).toBe(field);
    }
    for (const url of [
      '/api/territory/borders?date=2026-02-30',
      '/api/territory/borders?state=XXX',
      '/api/territory/borders?colour=1',
    ])
      expect.soft((await observer.get(url)).statusCode, url).toBe(400);
    expect(await auditSize()).toBe(size);
  });

  it('establishes a zone whose mission is neutral and refuses one whose mission is not', async () => {
    const res = await secretariat.post('/api/territory/zones', { zone: dragonja });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().mission).toMatchObject({ ok: true, partial: [] });
    const partial = await secretariat.post('/api/territory/zones', {
      zone: { ...dragonja, id: 'mura', mission: { name: 'Mura observers', states: ['ITA', 'CHE', 'AUT'] } },
    });
    expect(partial.statusCode).toBe(422);
    expect(partial.json().message).toMatch(/AUT .*land neighbour of SVN/);
    expect((await svn.post('/api/territory/zones', { zone: { ...dragonja, id: 'other' } })).statusCode).toBe(
      403,
    );
    expect((await observer.get('/api/territory/zones')).json().map((z: { id: string }) => z.id)).toEqual([
      'dragonja',
    ]);
  });

  it('records violations and gives them as crisis-scenario incidents', async () => {
    const mission = await secretariat.post('/api/territory/zones/dragonja/violations', {
      violation: {
        date: '2026-09-20',
        by: 'HRV',
        reported_by: 'mission',
        place: 'Plovanija crossing',
        observed: { troops: 30 },
      },
    });
    expect(mission.statusCode, mission.body).toBe(201);
    expect(mission.json().excess).toEqual({ troops: 30 });
    const bySvn = await svn.post('/api/territory/zones/dragonja/violations', {
      violation: {
        date: '2026-10-02',
        by: 'HRV',
        reported_by: 'SVN',
        place: 'Sečovlje',
        observed: { troops: 60, 'armoured-combat-vehicles': 4 },
      },
    });
    expect(bySvn.statusCode, bySvn.body).toBe(201);
    const view = (await observer.get('/api/territory/violations?scenarioStart=2026-09-01')).json();
    expect(view.incidents).toEqual([
      expect.objectContaining({
        day: 19,
        type: 'unnotified-military-activity',
        severity: 1,
        place: 'SVN',
        by: 'HRV',
        troops: 30,
      }),
      expect.objectContaining({ day: 31, type: 'border-violation', severity: 2, place: 'SVN', acvs: 4 }),
    ]);
    const audit = (await observer.get('/api/audit?limit=1000')).json();
    const entries = Array.isArray(audit) ? audit : audit.entries;
    expect(
      entries
        .filter((e: { subject: string }) => e.subject === 'zone:continental/dragonja')
        .map((e: { action: string }) => e.action),
    ).toEqual(['territory.zone-establish', 'territory.zone-violation', 'territory.zone-violation']);
    expect((await observer.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('writes the recorded violations as a whole crisis scenario the simulator reads, as the CLI would', async () => {
    const res = await observer.get('/api/territory/scenario?scenarioStart=2026-09-01');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/yaml/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="dmz-dragonja.yaml"');
    const scenario = parseScenario(res.body, { source: 'download.yaml' });
    expect(scenario).toMatchObject({ id: 'dmz-dragonja', date: '2026-09-01', kind: 'hypothetical' });
    expect(scenario.incidents.map((x) => [x.day, x.type, x.place, x.by])).toEqual([
      [19, 'unnotified-military-activity', 'SVN', 'HRV'],
      [31, 'border-violation', 'SVN', 'HRV'],
    ]);
    const json = (await observer.get('/api/territory/scenario?scenarioStart=2026-09-01&format=json')).json();
    expect(json).toEqual(JSON.parse(JSON.stringify(scenario)));
    const late = await observer.get('/api/territory/scenario?scenarioStart=2026-10-01');
    expect(late.statusCode).toBe(422);
    expect(late.json().message).toMatch(/before the scenario's day 0 \(2026-10-01\)/);
    expect((await observer.get('/api/territory/scenario?scenarioStart=2026-13-01')).statusCode).toBe(400);
    expect((await observer.get('/api/territory/scenario?format=xml')).statusCode).toBe(400);
  });

  it('refuses bad violation reports with one clear 4xx and no write', async () => {
    const size = await auditSize();
    const v = {
      date: '2026-10-05',
      by: 'HRV',
      reported_by: 'SVN',
      place: 'Sveti Martin',
      observed: { troops: 40 },
    };
    const bad: [Client, string, unknown, number, RegExp, string?][] = [
      [svn, 'dragonja', { violation: { ...v, observed: { troops: 0 } } }, 422, /within the limits/],
      [
        svn,
        'dragonja',
        { violation: { ...v, date: '2026-01-01' } },
        400,
        /before the zone was established/,
        'date',
      ],
      [svn, 'dragonja', { violation: { ...v, by: 'XYZ' } }, 400, /unknown state/, 'by'],
      [svn, 'dragonja', { violation: { ...v, observed: { tanks: 3 } } }, 400, /observed/],
      [svn, 'dragonja', { violation: { ...v, reported_by: 'HRV' } }, 403, /own state/],
      [observer, 'dragonja', { violation: v }, 403, /reported by a delegation or by the secretariat/],
      [svn, 'nowhere', { violation: v }, 404, /zone "nowhere"/],
    ];
    for (const [client, zone, body, status, message, field] of bad) {
      const res = await client.post(`/api/territory/zones/${zone}/violations`, body);
      const what = `${JSON.stringify(body)}: ${res.body.slice(0, 300)}`;
      expect.soft(res.statusCode, what).toBe(status);
      expect.soft(res.json().message, what).toMatch(message);
      if (field) expect.soft(res.json().field, what).toBe(field);
    }
    expect(await auditSize()).toBe(size);
  });
});
