import { describe, expect, it } from 'vitest';
import { run, scratchFiles } from './testing.ts';

const { file } = scratchFiles('concert-dispute-');
const noStack = (s: string) => expect(s).not.toMatch(/\bat .*\.ts:\d+/);

describe('concert dispute procedure', () => {
  it('lists the continental steps with periods, tribunal and compliance', async () => {
    const r = await run('dispute', 'procedure', 'continental', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.steps.map((s: { id: string }) => s.id)).toEqual(['negotiation', 'mediation', 'arbitration']);
    expect(json.steps[2].tribunal).toMatchObject({ size: 3, party_appointed: 1 });
    expect(json.compliance.within_days).toBe(90);
    const text = await run('dispute', 'procedure', 'osce');
    expect(text.stdout).toContain('directed-conciliation');
  });

  it('a charter without a procedure is one clear message, exit 1', async () => {
    const r = await run('dispute', 'procedure', 'csto');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('has no dispute procedure');
    noStack(r.stderr);
  });
});

describe('concert dispute run', () => {
  it('replays the built-in example through every stage', async () => {
    const r = await run('dispute', 'run', 'piran-bay', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.status).toBe('referred');
    expect(json.steps.map((s: { outcome: string }) => s.outcome)).toEqual(['failed', 'failed', 'awarded']);
  });

  it('replays the OSCE and draft-EST examples to a settlement, with their legal effect', async () => {
    const osce = JSON.parse((await run('dispute', 'run', 'loophole-fisheries', '--json')).stdout);
    expect(osce.status).toBe('settled');
    expect(osce.steps.map((s: { step: string }) => s.step)).toEqual([
      'negotiation',
      'valletta',
      'conciliation',
    ]);
    expect(osce.outcome.effect).toMatch(/^non-binding/);
    const est = JSON.parse((await run('dispute', 'run', 'est-consultations', '--json')).stdout);
    expect(est.steps.map((s: { step: string; outcome: string }) => [s.step, s.outcome])).toEqual([
      ['consultations', 'failed'],
      ['conference', 'settled'],
    ]);
    expect(est.outcome.effect).toBe('binding');
  });

  it('--as-of shows the case on an earlier date, with its deadlines and allowed actions', async () => {
    const r = await run('dispute', 'run', 'piran-bay', '--as-of', '2026-10-20');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('status: in-step (Binding arbitration)');
    expect(r.stdout).toContain('presiding arbitrator');
    expect(r.stdout).toContain('Allowed next');
  });

  it('an event the procedure forbids names the file, line and column and the reason', async () => {
    const path = file(
      'bad-mediator.yaml',
      [
        'charter: continental',
        'events:',
        '  - { date: 2026-01-15, type: file, by: SVN, parties: [SVN, HRV], subject: territorial }',
        '  - { date: 2026-04-21, type: open-step, step: mediation, by: SVN }',
        '  - { date: 2026-04-22, type: propose-mediator, by: HRV, mediator: AUT }',
        '',
      ].join('\n'),
    );
    const r = await run('dispute', 'run', path);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad-mediator\.yaml:5:\d+ .*Austria is not neutral/);
    noStack(r.stderr);
  });

  it('a schema problem and a YAML problem are located too', async () => {
    const typo = await run(
      'dispute',
      'run',
      file('typo.yaml', 'charter: continental\nevents:\n  - { date: 2026-01-15, type: fiel }\n'),
    );
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/typo\.yaml:3:\d+/);
    const yaml = await run(
      'dispute',
      'run',
      file('broken.yaml', 'charter: continental\nevents: [\n'),
      '--json',
    );
    expect(yaml.code).toBe(1);
    expect(JSON.parse(yaml.stdout)).toMatchObject({ error: 'charter', line: expect.any(Number) });
  });

  it('a missing file suggests the built-in examples', async () => {
    const r = await run('dispute', 'run', 'no-such-case');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('piran-bay');
  });
});

describe('concert dispute mediators', () => {
  it('ranks the neutral states by a seeded lot and explains each exclusion', async () => {
    const r = await run(
      'dispute',
      'mediators',
      'continental',
      '--parties',
      'SVN,HRV',
      '--date',
      '2026-01-15',
      '--seed',
      '7',
      '--json',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.eligible.map((e: { id: string }) => e.id).sort()).toEqual([
      'ARM',
      'AZE',
      'BLR',
      'CHE',
      'GEO',
      'LIE',
      'MCO',
      'MDA',
      'RUS',
      'UKR',
    ]);
    expect(json.lot.drawn).toBe(json.eligible[0].id);
    const again = JSON.parse(
      (
        await run(
          'dispute',
          'mediators',
          'continental',
          '--parties',
          'SVN,HRV',
          '--date',
          '2026-01-15',
          '--seed',
          '7',
          '--json',
        )
      ).stdout,
    );
    expect(again.eligible).toEqual(json.eligible);
    const aut = json.excluded.find((x: { id: string }) => x.id === 'AUT');
    expect(aut.reasons).toEqual(expect.arrayContaining(['land neighbour of SVN']));
  });

  it('refuses one party, an unknown state and a bad seed', async () => {
    expect((await run('dispute', 'mediators', 'continental', '--parties', 'SVN')).stderr).toContain(
      'at least two',
    );
    expect((await run('dispute', 'mediators', 'continental', '--parties', 'SVN,XYZ')).code).toBe(1);
    expect(
      (await run('dispute', 'mediators', 'continental', '--parties', 'SVN,HRV', '--seed', 'x')).stderr,
    ).toContain('--seed');
  });

  it('has --help', async () => {
    const r = await run('dispute', 'mediators', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--parties');
  });
});

describe('concert territory', () => {
  it('change: refused without a referendum (exit 1), accepted with one', async () => {
    const refused = await run('territory', 'change', 'baarle-refused', '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({
      accepted: false,
      reasons: ['no referendum under international supervision'],
    });
    expect(refused.stderr).toContain('rejected');
    const accepted = await run('territory', 'change', 'baarle-accepted', '--json');
    expect(accepted.code).toBe(0);
    expect(JSON.parse(accepted.stdout).accepted).toBe(true);
  });

  it('borders: the registry on a date, with an accepted change applied', async () => {
    const r = await run(
      'territory',
      'borders',
      '--state',
      'NLD',
      '--date',
      '2027-01-01',
      '--change',
      'baarle-accepted',
      '--json',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.borders.map((b: { a: string; b: string }) => `${b.a}-${b.b}`)).toEqual([
      'BEL-NLD',
      'DEU-NLD',
    ]);
    expect(json.transfers).toEqual([
      expect.objectContaining({ from: 'BEL', to: 'NLD', effective: '2027-01-01' }),
    ]);
    const refused = await run('territory', 'borders', '--change', 'baarle-refused');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('not valid');
  });

  it('contested: every area with both positions', async () => {
    const r = await run('territory', 'contested', '--json');
    const json = JSON.parse(r.stdout);
    expect(json.areas.length).toBeGreaterThanOrEqual(6);
    const text = await run('territory', 'contested');
    expect(text.stdout).toContain('Concert takes no side');
  });

  it('dmz: mission neutrality and incidents for a crisis scenario', async () => {
    const r = await run('territory', 'dmz', 'dragonja-dmz', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.missions.map((m: { ok: boolean }) => m.ok)).toEqual([true, false]);
    expect(json.incidents.map((i: { day: number; severity: number }) => [i.day, i.severity])).toEqual([
      [19, 1],
      [31, 2],
    ]);
  });

  it('a bad date is one message', async () => {
    const r = await run('territory', 'borders', '--date', '2026-02-30');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not a valid date');
    noStack(r.stderr);
  });
});
