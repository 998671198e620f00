import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_VALLEY } from '@concert/engine/fixtures/test-valley.ts';
import { describe, expect, it } from 'vitest';
import { run, scratchFiles } from './testing.ts';

// A constructed border change, not geography: an Austrian valley passes to Switzerland from 2027-01-01 and
// gives Switzerland a land border with Slovenia, with the agreement of all three and a supervised referendum.
const CHANGE = `charter: continental
id: test-valley
area: { name: Test valley, from: AUT, to: CHE }
states_concerned: [AUT, CHE, SVN]
requested: 2026-03-01
effective: 2027-01-01
agreements:
  - { state: AUT, date: 2026-10-01, instrument: treaty }
  - { state: CHE, date: 2026-10-01, instrument: treaty }
  - { state: SVN, date: 2026-10-01, instrument: treaty }
referendum:
  { date: 2026-09-13, supervised_by: mission, observers: [GEO, MDA, ARM, AZE, UKR], registered: 4000, votes_cast: 3000, valid: 2950, yes: 2100 }
borders: { add: [[CHE, SVN]] }
`;

const files = scratchFiles('concert-territory-');
const change = files.file('change.yaml', CHANGE);

const json = async (...argv: string[]) => {
  const r = await run(...argv, '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('concert territory coverage', () => {
  it('moves an area’s holder and coverage from the effect date, not before', async () => {
    const on = async (date: string) =>
      (await json('territory', 'coverage', '--change', change, '--date', date)).areas[0];
    const before = await on('2026-12-31');
    const after = await on('2027-01-01');
    expect(before).toMatchObject({ area: 'Test valley', holder: 'AUT' });
    expect(before.defenceClauses.map((g: { clause: string }) => g.clause)).toEqual(['eu-art42-7']);
    expect(after).toMatchObject({ holder: 'CHE', transfer: { request: 'test-valley' } });
    expect(after.defenceClauses).toEqual([]);
    const text = await run('territory', 'coverage', '--change', change, '--date', '2027-01-01');
    expect(text.stdout).toContain('Test valley is held by CHE on 2027-01-01, since 2027-01-01');
  });

  it('takes the server’s list of accepted changes saved to a file', async () => {
    const listed = files.file(
      'listed.json',
      JSON.stringify([
        { id: 'test-valley', effective: '2027-01-01', request: { ...parseChange(), charter: 'continental' } },
      ]),
    );
    const r = await json(
      'territory',
      'borders',
      '--change',
      listed,
      '--state',
      'SVN',
      '--date',
      '2027-01-01',
    );
    expect(r.changes).toEqual(['test-valley']);
    expect(r.neighbours).toContain('CHE');
  });

  it('refuses a missing change, an unknown area and a bad list entry with one message each', async () => {
    const none = await run('territory', 'coverage');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no border change given');
    const unknown = await run('territory', 'coverage', '--change', change, '--area', 'Test vally');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no change given transfers "Test vally"[\s\S]*did you mean "Test valley"/);
    const twice = await run('territory', 'coverage', '--change', change, change);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('border change test-valley');
    expect(twice.stderr).toContain('is given twice');
    const bad = files.file('bad.json', '[{"request": {"charter": "continental", "id": "x"}}]');
    const r = await run('territory', 'borders', '--change', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json:1:\d+ \(at \[0\]\.request\.area\): missing required field/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('neutrality with border changes (concert dispute)', () => {
  it('mediators: a state that became a party’s land neighbour is excluded from the effect date', async () => {
    const list = async (date: string) =>
      json('dispute', 'mediators', 'continental', '--parties', 'SVN,HRV', '--date', date, '--change', change);
    const before = await list('2026-12-31');
    const after = await list('2027-01-01');
    expect(before.eligible.map((e: { id: string }) => e.id)).toContain('CHE');
    expect(after.excluded).toContainEqual(
      expect.objectContaining({ id: 'CHE', reasons: ['land neighbour of SVN'] }),
    );
    expect(after.changes).toEqual(['test-valley']);
  });

  it('run: a case filed after the change cannot appoint that mediator', async () => {
    const caseFile = files.file(
      'case.yaml',
      `charter: continental
events:
  - { date: 2027-01-15, type: file, by: SVN, parties: [SVN, HRV], subject: territorial }
  - { date: 2027-06-01, type: open-step, step: mediation, by: SVN }
  - { date: 2027-06-02, type: propose-mediator, by: SVN, mediator: CHE }
`,
    );
    expect((await run('dispute', 'run', caseFile)).code).toBe(0);
    const r = await run('dispute', 'run', caseFile, '--change', change);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/case\.yaml:5.*Switzerland is not neutral: land neighbour of SVN/);
  });
});

describe('concert territory incidents', () => {
  it('writes a whole scenario from a DMZ file that concert simulate runs as is', async () => {
    const out = join(files.dir, 'dmz-scenario.yaml');
    const r = await json('territory', 'incidents', 'dragonja-dmz', '-o', out);
    expect(r.written).toBe(out);
    expect(r.scenario.incidents.map((i: { day: number; severity: number }) => [i.day, i.severity])).toEqual([
      [19, 1],
      [31, 2],
    ]);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Crisis scenario written by concert territory incidents/);
    const sim = await json('simulate', out, '--charter', 'continental', '--runs', '200', '--seed', '1');
    expect(JSON.stringify(sim)).toContain('dmz-dragonja-mura');
    const one = await run('simulate', out, '--charter', 'continental');
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/recused: HRV, SVN/);
  });

  it('keeps a base scenario’s stances and parties, and prints the YAML without -o', async () => {
    const r = await run(
      'territory',
      'incidents',
      'dragonja-dmz',
      '--scenario',
      'aegean-clash',
      '--id',
      'mixed',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^id: mixed$/m);
    expect(r.stdout).toMatch(/- id: GRC\n\s+role: involved/);
  });

  it('--change places a violation in a transferred area at its holder on the date', async () => {
    const dmz = files.file(
      'valley.yaml',
      `charter: continental
scenario_start: 2026-12-01
zones:
  - { id: valley, name: Valley zone, area: the valley, states: [AUT, CHE, SVN], established: 2026-06-01, limits: { battle-tanks: 0 }, mission: { name: M, states: [GEO, MDA, ARM] } }
violations:
  - { zone: valley, date: 2026-12-31, by: SVN, reported_by: M, place: pass, area: Test valley, observed: { battle-tanks: 2 } }
  - { zone: valley, date: 2027-01-01, by: SVN, reported_by: M, place: pass, area: Test valley, observed: { battle-tanks: 2 } }
`,
    );
    const r = await json('territory', 'incidents', dmz, '--change', change);
    expect(r.scenario.incidents.map((i: { place: string }) => i.place)).toEqual(['AUT', 'CHE']);
    const zones = await json('territory', 'dmz', dmz, '--change', change);
    expect(zones.incidents.map((i: { place: string }) => i.place)).toEqual(['AUT', 'CHE']);
    const without = await run('territory', 'incidents', dmz);
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/valley\.yaml.*names the area "Test valley"/s);
  });

  it('has --help, and refuses bad input with one message', async () => {
    const help = await run('territory', 'incidents', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--scenario');
    const cases: [string[], RegExp][] = [
      [['territory', 'incidents', 'dragonja-dmz', '--keep-incidents'], /--keep-incidents needs --scenario/],
      [['territory', 'incidents', 'dragonja-dmz', '--scenario', 'nowhere'], /no built-in scenario or file/],
      [['territory', 'incidents', 'dragonja-dmz', '--id', 'Bad Id'], /not a scenario id/],
      [['territory', 'incidents', 'no-such-file'], /no file or built-in example/],
      [
        ['territory', 'incidents', 'dragonja-dmz', '-o', join(files.dir, 'no-folder', 'x.yaml')],
        /-o: cannot write .*ENOENT/,
      ],
    ];
    for (const [argv, message] of cases) {
      const r = await run(...argv);
      expect.soft(r.code, argv.join(' ')).toBe(1);
      expect.soft(r.stderr, argv.join(' ')).toMatch(message);
    }
    const within = files.file(
      'within.yaml',
      `charter: continental
zones:
  - { id: z, name: Z, area: a, states: [SVN, HRV], established: 2026-06-01, limits: { troops: 50 }, mission: { name: M, states: [CHE, GEO, LIE] } }
violations:
  - { zone: z, date: 2026-09-20, by: HRV, reported_by: M, place: ford, observed: { troops: 30 } }
`,
    );
    const r = await run('territory', 'incidents', within);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no violation exceeds/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

function parseChange() {
  return { ...TEST_VALLEY, referendum: { ...TEST_VALLEY.referendum, supervised_by: 'mission' } };
}
