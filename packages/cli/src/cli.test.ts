import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AuditEntry,
  appendEntry,
  builtinCharter,
  builtinScenario,
  bytesToHex,
  checkpointNote,
  entryLeafHash,
  generateSigningKey,
  MerkleFrontier,
  makeAuditExport,
  planFor,
  publicKeyOf,
  RecordError,
  signCheckpoint,
  simulateEnsemble,
} from '@concert/engine';
import { describe, expect, it } from 'vitest';
import { describeError } from './errors.ts';
import { run, scratchFiles } from './testing.ts';

const { dir, file } = scratchFiles('concert-cli-');

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

describe('concert audit verify', () => {
  const privateKey = Uint8Array.from({ length: 32 }, (_, i) => 3 * i + 1);
  const origin = 'concert.test/continental';
  const logOf = (size: number) => {
    const entries: AuditEntry[] = [];
    for (let i = 0; i < size; i++) {
      entries.push(
        appendEntry(entries[i - 1] ?? null, {
          at: new Date(Date.UTC(2030, 0, 1, 9, 0, i)).toISOString(),
          actor: i % 2 ? 'delegate:FRA' : 'delegate:DEU',
          action: 'vote.cast',
          subject: 'poll:1',
          content: { choice: i % 3 ? 'yes' : 'no' },
        }),
      );
    }
    return entries;
  };
  const checkpointAt = (entries: AuditEntry[], size: number, key: Uint8Array = privateKey) => {
    const frontier = new MerkleFrontier();
    for (const e of entries.slice(0, size)) frontier.append(entryLeafHash(e));
    return signCheckpoint(
      {
        origin,
        size,
        rootHash: bytesToHex(frontier.root()),
        headHash: entries[size - 1]!.hash,
        timestamp: `2030-01-01T10:00:${String(size).padStart(2, '0')}Z`,
      },
      key,
    );
  };
  const entries = logOf(20);
  const checkpoints = [checkpointAt(entries, 10), checkpointAt(entries, 20)];
  const exportFile = (name: string, es: AuditEntry[], cps = checkpoints, key = publicKeyOf(privateKey)) =>
    file(name, JSON.stringify(makeAuditExport(origin, key, es, cps)));
  const keyHex = bytesToHex(publicKeyOf(privateKey));

  it('says OK with the count and head, and exits 0, for an intact export', async () => {
    const r = await run('audit', 'verify', exportFile('ok.json', entries), '--key', keyHex);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`OK: 20 entries intact; head ${entries[19]!.hash}`);
    expect(r.stdout).toContain('2 signed checkpoints match; they anchor entries 1–20');
    const json = JSON.parse((await run('audit', 'verify', exportFile('ok2.json', entries), '--json')).stdout);
    expect(json).toMatchObject({ ok: true, count: 20, headHash: entries[19]!.hash, keySource: 'export' });
  });

  it('names the first problem with its seq and kind, and exits 1', async () => {
    const altered = entries.map((e, i) => (i === 6 ? { ...e, content: { choice: 'abstain' } } : e));
    const r = await run('audit', 'verify', exportFile('altered.json', altered), '--key', keyHex);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('TAMPERED (altered): entry 7: its content does not match its hash');
    const truncated = await run('audit', 'verify', exportFile('cut.json', entries.slice(0, 15)), '--json');
    expect(truncated.code).toBe(1);
    expect(JSON.parse(truncated.stdout)).toMatchObject({
      ok: false,
      error: 'truncated',
      problem: { kind: 'truncated', seq: 16 },
    });
  });

  it('catches a truncation hidden by dropping the checkpoints, with a checkpoint the client kept', async () => {
    const path = exportFile('stripped.json', entries.slice(0, 12), []);
    expect((await run('audit', 'verify', path, '--key', keyHex)).code).toBe(0);
    const kept = file('kept.json', JSON.stringify(checkpoints[1]));
    const r = await run('audit', 'verify', path, '--checkpoint', kept, '--key', keyHex, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      checkpointSource: 'kept',
      problem: { kind: 'truncated', seq: 13 },
    });
    const note = file('kept.note', checkpointNote(checkpoints[0]!));
    const both = await run('audit', 'verify', path, '--checkpoint', note, '--checkpoint', kept);
    expect(both.stderr).toContain('TAMPERED (truncated): entries 13–20 are missing');
  });

  it('keeps the latest checkpoint of an intact export, which then catches a later truncation', async () => {
    const note = join(dir, 'latest.note');
    const r = await run('audit', 'verify', exportFile('keep.json', entries), '--key', keyHex, '--keep', note);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kept the checkpoint of size 20');
    expect(readFileSync(note, 'utf8')).toBe(checkpointNote(checkpoints[1]!));
    const later = await run(
      'audit',
      'verify',
      exportFile('later.json', entries.slice(0, 18), []),
      '--checkpoint',
      note,
    );
    expect(later.stderr).toContain('TAMPERED (truncated): entries 19–20 are missing');
    const nowhere = await run(
      'audit',
      'verify',
      exportFile('keep2.json', entries),
      '--keep',
      join(dir, 'no', 'x'),
    );
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/^error: --keep: cannot write/);
  });

  it('catches an export re-signed with another key, against the key or the checkpoint the client kept', async () => {
    const forger = generateSigningKey();
    const forged = entries.map((e) => ({ ...e }));
    const resigned = [checkpointAt(forged, 20, forger.privateKey)];
    const path = exportFile('resigned.json', forged, resigned, forger.publicKey);
    expect((await run('audit', 'verify', path)).code).toBe(0);
    const withKey = await run('audit', 'verify', path, '--key', keyHex);
    expect(withKey.code).toBe(1);
    expect(withKey.stderr).toContain('signed by another key');
    const kept = file('kept-real.json', JSON.stringify([checkpoints[0]]));
    const withCheckpoint = await run('audit', 'verify', path, '--checkpoint', kept);
    expect(withCheckpoint.code).toBe(1);
    expect(withCheckpoint.stderr).toContain('re-signed by someone else');
  });

  it('refuses a bad file with one clear message naming the path, never a stack trace', async () => {
    const bad = JSON.parse(
      JSON.stringify(makeAuditExport(origin, publicKeyOf(privateKey), entries, checkpoints)),
    );
    bad.entries[4].seq = 'five';
    const r = await run('audit', 'verify', file('bad.json', JSON.stringify(bad)));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*bad\.json: .* \(at entries\[4\]\.seq\)\n/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect((await run('audit', 'verify', file('syntax.json', '{"format": '))).stderr).toMatch(
      /syntax\.json: .*line 1/,
    );
    expect((await run('audit', 'verify', join(dir, 'missing.json'))).stderr).toContain('no file named');
    expect((await run('audit', 'verify', exportFile('k.json', entries), '--key', 'xyz')).stderr).toContain(
      'not an Ed25519 public key',
    );
  });

  it('verifies the example export in docs with its published key, and catches an edited vote in it', async () => {
    const example = join(import.meta.dirname, '..', '..', '..', 'docs', 'examples', 'audit-export.json');
    const key = '6a153eae59c14f208573934a089fb6e5914c1da0ba82d066846505ba965a61a8';
    const ok = await run('audit', 'verify', example, '--key', key);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('OK: 12 entries intact');
    const text = readFileSync(example, 'utf8').replace('"vote": "abstain"', '"vote": "no"');
    const r = await run('audit', 'verify', file('edited.json', text), '--key', key, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problem).toMatchObject({ kind: 'altered', seq: 10 });
  });

  it('describes a record error from the engine as a user error, not an internal one', () => {
    const d = describeError(
      new RecordError('must be 64 lowercase hex digits', ['entries', 2, 'hash'], 'hint text'),
    );
    expect(d.text).toBe('error: must be 64 lowercase hex digits (at entries[2].hash)\n  hint: hint text');
    expect(d.json).toMatchObject({ error: 'record', path: 'entries[2].hash' });
  });
});
describe('concert scenarios', () => {
  it('lists the built-in scenarios as { scenarios: [{ id, title }] }', async () => {
    const r = await run('scenarios', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const ids = json.scenarios.map((s: { id: string }) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining(['georgia-2008', 'gas-2009', 'crimea-2014', 'baltic-incursion']),
    );
    expect(json.scenarios[0]).toHaveProperty('title');
  });
});

describe('concert simulate', () => {
  it('prints one run as a timeline whose steps cite their articles', async () => {
    const r = await run('simulate', 'baltic-incursion', '--charter', 'nato');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('day   1  Article 4 consultations');
    expect(r.stdout).toContain('[North Atlantic Treaty, Art. 4');
    expect(r.stdout).toContain('follows from the incident itself');
  });

  it('gives an ensemble as JSON with rungs reached and adopted, a manifest, and the same bytes for the same seed', async () => {
    const args = ['simulate', 'baltic-incursion', '--charter', 'continental,est-2009', '--runs', '3000'];
    const a = await run(...args, '--seed', '5', '--json');
    expect(a.code).toBe(0);
    const json = JSON.parse(a.stdout);
    expect(json).toMatchObject({ seed: 5, runs: 3000 });
    expect(json.charters.map((c: { id: string }) => c.id)).toEqual(['continental', 'est-2009']);
    const rung = json.charters[0].rungs[0];
    expect(rung).toMatchObject({ id: 'consultations' });
    expect(rung.reached).toBeGreaterThanOrEqual(rung.adopted);
    // Split over worker threads, the days of adoption add up to the one-thread engine's distribution.
    const baltic = builtinScenario('baltic-incursion');
    const engine = simulateEnsemble(baltic, planFor(baltic, builtinCharter('continental')), 3000, 5);
    expect(json.charters[0].rungs.map((r: { timeToAdoption: unknown }) => r.timeToAdoption)).toEqual(
      engine.rungs.map((r) => r.timeToAdoption),
    );
    expect(json.manifest.scenario.hash).toMatch(/^sha256:/);
    expect(json.manifest.charters).toHaveLength(2);
    const b = await run(...args, '--seed', '5', '--json');
    const strip = (s: string) => s.replace(/"ms": \d+/, '"ms": 0');
    expect(strip(b.stdout)).toBe(strip(a.stdout));
    const c = await run(...args, '--seed', '6', '--json');
    expect(strip(c.stdout)).not.toBe(strip(a.stdout));
  });

  it('shows charters side by side and, with --no-recusal, the counterfactual in which parties vote', async () => {
    const r = await run('simulate', 'baltic-incursion', '--charters', 'continental,nato', '--runs', '2000');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Side by side');
    expect(r.stdout).toContain('(recused EST,RUS)');
    const n = await run(
      'simulate',
      'baltic-incursion',
      '--charter',
      'continental',
      '--runs',
      '2000',
      '--no-recusal',
    );
    expect(n.stdout).toContain('recusal IGNORED');
    expect(n.stdout).not.toContain('(recused');
  });

  it('reads a scenario file, and names the line and column of a mistake in one message without a stack trace', async () => {
    const good = file(
      'crisis.yaml',
      'id: t\ntitle: T\nkind: hypothetical\ndate: 2026-01-01\nsummary: s\nparties:\n  - { id: EST, role: target }\nincidents:\n  - { day: 0, type: armed-attack, severity: 4, place: EST, text: x }\n',
    );
    expect((await run('simulate', good, '--charter', 'nato')).code).toBe(0);
    const bad = file('bad-crisis.yaml', readFileSync(good, 'utf8').replace('severity: 4', 'severity: 9'));
    const r = await run('simulate', bad, '--charter', 'nato');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad-crisis\.yaml:9:\d+ \(at incidents\[0\]\.severity\)/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    const j = await run('simulate', bad, '--charter', 'nato', '--json');
    expect(JSON.parse(j.stdout)).toMatchObject({ error: 'scenario', line: 9 });
    expect((await run('validate', good, '--json')).stdout).toContain('"kind": "scenario"');
    const v = await run('validate', bad);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain('bad-crisis.yaml:9:');
  });

  it('refuses unknown scenarios and charters, a missing --charter and bad --runs, each with a hint', async () => {
    const a = await run('simulate', 'baltik-incursion', '--charter', 'nato');
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('did you mean baltic-incursion');
    expect((await run('simulate', 'baltic-incursion')).stderr).toContain('--charter is needed');
    expect((await run('simulate', 'baltic-incursion', '--charter', 'natto')).stderr).toContain('nato');
    expect((await run('simulate', 'baltic-incursion', '--charter', 'nato', '--runs', '0')).stderr).toContain(
      '--runs: "0" is not a whole number',
    );
    expect((await run('simulate', 'baltic-incursion', '--charter', 'unsc')).stderr).toContain(
      'no response ladder',
    );
  });

  it('stops an ensemble at the time limit, and on Ctrl-C, with a clear message', async () => {
    const r = await run(
      'simulate',
      'baltic-incursion',
      '--charter',
      'continental',
      '--runs',
      '5000000',
      '--time-limit',
      '1',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('stopped after 1 s');
    const bin = join(import.meta.dirname, '..', 'bin', 'concert.js');
    const child = spawn(process.execPath, [
      bin,
      'simulate',
      'baltic-incursion',
      '--charter',
      'continental',
      '--runs',
      '5000000',
    ]);
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    setTimeout(() => child.kill('SIGINT'), 3000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('cancelled');
  }, 30_000);
});
