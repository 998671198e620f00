import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from './main.ts';

/** Runs the CLI in-process and captures what it writes. */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    stdout += String(s);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    stderr += String(s);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'concert-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('concert members', () => {
  it('lists NATO on 2009-06-24 as 28 ids in JSON', async () => {
    const r = await run('members', 'NATO', '--date', '2009-06-24', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ date: '2009-06-24', count: 28 });
    expect(json.members).toContain('HRV');
    expect(json.members).not.toContain('FIN');
  });

  it('refuses an impossible date with a hint and exit code 1, without a stack trace', async () => {
    const r = await run('members', 'NATO', '--date', '2009-02-30');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"2009-02-30" is not a valid date');
    expect(r.stderr).toContain('hint:');
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe('concert coverage', () => {
  it('gives the documented JSON shape: date, states with guarantees, uncovered ids', async () => {
    const r = await run('coverage', '--date', '2009-12-01', '--json');
    const json = JSON.parse(r.stdout);
    expect(json.date).toBe('2009-12-01');
    expect(json.uncovered).toEqual(expect.arrayContaining(['CHE', 'UKR', 'GEO', 'MDA', 'AZE', 'TKM', 'SRB']));
    const austria = json.states.find((s: { id: string }) => s.id === 'AUT');
    expect(austria.guarantees.map((g: { clause: string }) => g.clause)).toContain('eu-art42-7');
  });
});

describe('concert vote', () => {
  const game = () =>
    file(
      'game.yaml',
      'players:\n  - { id: A, w: 4 }\n  - { id: B, w: 2 }\n  - { id: C, w: 1 }\nrule: { quota: { weight: w, at_least: 5 } }\n',
    );

  it('evaluates a game file and explains the result', async () => {
    const r = await run('vote', game(), '--yes', 'A,C', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ adopted: true, clauses: [{ met: true, value: 5, threshold: 5 }] });
    expect(json.pivotal.map((p: { id: string }) => p.id)).toEqual(['A', 'C']);
  });

  it('names an unknown voter and suggests the closest id', async () => {
    const r = await run('vote', game(), '--yes', 'D');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown member "D"');
  });

  it('makes members not named absent with --absent-rest', async () => {
    const r = await run('vote', game(), '--yes', 'A,B', '--absent-rest', '--json');
    expect(JSON.parse(r.stdout).tally).toEqual({ yes: 2, no: 0, abstain: 0, absent: 1 });
  });

  it('asks for --category when a body has several rules', async () => {
    const r = await run('vote', 'continental', '--yes', 'DEU');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--category is needed');
  });
});

describe('concert validate', () => {
  it('points at the line and column of a malformed charter', async () => {
    const r = await run('validate', file('bad.yaml', 'id: x\nname: [unclosed\n'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+/);
  });

  it('refuses a 50 MB file quickly, before reading it', async () => {
    const big = file('big.yaml', `x: "${'a'.repeat(50 * 1024 * 1024)}"\n`);
    const started = performance.now();
    const r = await run('validate', big);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('limited to 1 MB');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reports an unknown rule attribute with the attributes that exist', async () => {
    const r = await run(
      'validate',
      file(
        'g.json',
        JSON.stringify({ players: [{ id: 'A', w: 1 }], rule: { quota: { weight: 'votes', at_least: 1 } } }),
      ),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"votes"');
    expect(r.stderr).toContain('known attributes');
  });
});

describe('the concert binary', () => {
  it('runs through npx-style bin with --help and exits 0', () => {
    const bin = join(import.meta.dirname, '..', 'bin', 'concert.js');
    const r = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('coverage');
  });

  it('exits 1 on an unknown command', () => {
    const bin = join(import.meta.dirname, '..', 'bin', 'concert.js');
    const r = spawnSync(process.execPath, [bin, 'frobnicate'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unknown command');
  });
});

describe('concert power', () => {
  it('reports exact indices in the documented JSON shape, raw counts as decimal strings', async () => {
    const r = await run('power', 'unsc', '--category', 'substantive', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ exact: true, errorBound: 0 });
    expect(typeof json.computeMs).toBe('number');
    expect(json.passProbability).toBeCloseTo(848 / 32768, 10);
    const usa = json.players.find((p: { id: string }) => p.id === 'USA');
    expect(usa.shapley).toBeCloseTo(0.1963, 4);
    expect(usa.swings).toBe('848');
    expect(json.players.reduce((s: number, p: { banzhaf: number }) => s + p.banzhaf, 0)).toBeCloseTo(1, 12);
  });

  it('answers the domination question for the continental council in words', async () => {
    const r = await run('power', 'continental', '--category', 'ordinary', '--no-progress');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No single member can block alone.');
    expect(r.stdout).toContain('square-root ideal');
  });

  it('refuses an unknown index and a method that cannot run', async () => {
    expect((await run('power', 'unsc', '--category', 'substantive', '--index', 'gini')).stderr).toContain(
      'unknown index "gini"',
    );
    const r = await run('power', 'unsc', '--category', 'substantive', '--method', 'meet-in-the-middle');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot run on this game');
  });

  it('stops at the time limit with a clear message instead of hanging', async () => {
    const r = await run(
      'power',
      'eu',
      '--category',
      'nice-qmv',
      '--date',
      '2009-06-24',
      '--method',
      'enumeration',
      '--time-limit',
      '0.5',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('stopped after 0.5 s');
  });
});

describe('concert design', () => {
  it('prints the Pareto set with square-root weights closest to the ideal', async () => {
    const r = await run(
      'design',
      'eu',
      '--category',
      'qmv',
      '--population',
      'wb-wdi-2024',
      '--alpha',
      '0.5,1',
      '--quota',
      '58:64:0.5',
      '--json',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.closest).toMatchObject({ alpha: 0.5, quota: 61.5 });
  });
});
