// Voting-power benchmark: Concert side by side with public peers, in one run on this machine.
//
//   node packages/cli/bin/run-ts.js bench/power.bench.ts [options] > report.md
//
//   --reps N            repetitions per measurement, median reported (default 5)
//   --budget S          stop repeating a measurement after S seconds (default 60; at least one run)
//   --timeout S         limit per Concert child process (default 300)
//   --threads N         threads for the C enumerator (default: the machine's cores)
//   --no-kurz-shapley   skip Kurz's Shapley–Shubik (pure-Python loops: the longest part of the run)
//   --no-fetch          do not run bench/peers.sh; use whatever is in $CONCERT_PEERS_DIR
//   --only LIST         sections: osce,eu27,players,resolution,charters (default all)
//
// Peers are fetched and built outside the repository by bench/peers.sh (see docs/performance.md). The report
// (markdown) goes to stdout, progress to stderr. Exit status 1 if any result disagrees between tools.
import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Agreement, agreementTable } from './agreement.ts';
import { concertAvailable } from './concert.ts';
import { eu27Section } from './eu27.ts';
import { type BenchOptions, type Criterion, table } from './measure.ts';
import { osceSection } from './osce.ts';
import { PEERS_DIR, preparePeers } from './peers.ts';
import { closingNotes, engineFingerprint, machineTable } from './provenance.ts';
import { everyCharter, scalingByPlayers, scalingByResolution } from './sweeps.ts';

const SECTIONS = ['osce', 'eu27', 'players', 'resolution', 'charters'] as const;
type Section = (typeof SECTIONS)[number];

interface Cli {
  options: BenchOptions;
  fetch: boolean;
  only: Set<Section>;
}

function parseArgs(argv: string[]): Cli {
  const value = (flag: string, fallback: number): number => {
    const i = argv.indexOf(flag);
    const v = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isFinite(v) || v <= 0) throw new Error(`${flag} needs a positive number`);
    return v;
  };
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex >= 0 ? (argv[onlyIndex + 1] ?? '').split(',') : [...SECTIONS];
  for (const s of only)
    if (!(SECTIONS as readonly string[]).includes(s))
      throw new Error(`unknown section "${s}" (${SECTIONS.join(', ')})`);
  const missing = concertAvailable();
  if (missing) progress(missing);
  return {
    options: {
      reps: value('--reps', 5),
      budgetMs: value('--budget', 60) * 1000,
      timeoutMs: value('--timeout', 300) * 1000,
      threads: value('--threads', availableParallelism()),
      kurzShapley: !argv.includes('--no-kurz-shapley'),
      concert: missing === null,
      workDir: mkdtempSync(join(tmpdir(), 'concert-bench-')),
    },
    fetch: !argv.includes('--no-fetch'),
    only: new Set(only as Section[]),
  };
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function criteriaTable(criteria: Criterion[]): string {
  return table(
    ['bar', 'measured', 'met'],
    criteria.map((c) => [c.name, c.detail, c.ok === null ? 'not measured' : c.ok ? 'yes' : '**no**']),
  );
}

function main(): void {
  const { options, fetch, only } = parseArgs(process.argv.slice(2));
  progress(`peers in ${PEERS_DIR}${fetch ? ' (running bench/peers.sh)' : ''}`);
  const peers = preparePeers(fetch);
  for (const note of peers.notes) progress(note);
  const fingerprint = engineFingerprint();
  const parts: string[] = ['## Voting-power benchmark', '', machineTable(peers, options, fingerprint)];
  const agreements: Agreement[] = [];
  const criteria: Criterion[] = [];
  const run = <T>(section: Section, what: string, f: () => T): T | undefined => {
    if (!only.has(section)) return undefined;
    progress(`${what} …`);
    return f();
  };
  for (const [section, what, f] of [
    ['osce', 'OSCE 57 against EPIC and Kurz', () => osceSection(peers, options)],
    ['eu27', 'EU27 QMV against the C enumerator', () => eu27Section(peers, options)],
  ] as const) {
    const r = run(section, what, f);
    if (!r) continue;
    parts.push('', r.markdown);
    agreements.push(...r.agreements);
    criteria.push(...r.criteria);
  }
  if (options.concert) {
    const byPlayers = run('players', 'scaling with n', () => scalingByPlayers(options));
    const byResolution = run('resolution', 'scaling with weight resolution', () =>
      scalingByResolution(options),
    );
    const charters = run('charters', 'every built-in charter', () => everyCharter(options));
    for (const m of [byPlayers, byResolution, charters?.markdown]) if (m) parts.push('', m);
    if (charters)
      criteria.push({
        name: 'every built-in charter body/category: exact and < 2 s',
        ok: charters.problems.length === 0,
        detail:
          charters.problems.length === 0
            ? `all ${charters.count}`
            : `${charters.problems.length} of ${charters.count} missed, e.g. ${charters.problems[0]}`,
      });
  }
  parts.push(
    '',
    '### Agreement (per player, absolute difference; tolerance 1e-9)',
    '',
    agreementTable(agreements),
  );
  parts.push('', '### The issue’s bars', '', criteriaTable(criteria));
  const closing = closingNotes(fingerprint);
  parts.push('', ...closing);
  for (const note of closing) progress(note);
  process.stdout.write(`${parts.join('\n')}\n`);
  progress(`peer inputs left in ${options.workDir}`);
  if (agreements.some((a) => !a.ok)) process.exitCode = 1;
}

main();
