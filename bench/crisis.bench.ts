// Crisis-ensemble benchmark: runs per minute of the Baltic scenario under the continental charter, and how the
// cost grows with the number of members and of rungs.
//
//   node packages/cli/bin/run-ts.js bench/crisis.bench.ts [--runs N] > report.md
//
//   --runs N   runs per in-process measurement (default 20000); the end-to-end CLI measurement uses 10 N
//
// The report (markdown) goes to stdout, progress to stderr. Figures are medians of three measurements.
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  builtinCharter,
  builtinScenario,
  type Charter,
  institutionOn,
  planFor,
  tallyRuns,
} from '../packages/engine/src/index.ts';
import { median } from './measure.ts';

const argv = process.argv.slice(2);
const runsIndex = argv.indexOf('--runs');
const RUNS = runsIndex >= 0 ? Number(argv[runsIndex + 1]) : 20_000;
if (!Number.isInteger(RUNS) || RUNS < 100) throw new Error('--runs needs a whole number of at least 100');

const scenario = builtinScenario('baltic-incursion');
const continental = builtinCharter('continental');

function progress(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Runs per minute on one thread, in process: plan once, then `runs` runs (after a warm-up). */
function inProcess(charter: Charter, runs: number): { perMinute: number; rungs: number; members: number } {
  const plan = planFor(scenario, charter);
  tallyRuns(scenario, plan, 99, 0, Math.min(2000, runs));
  const times: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    const started = performance.now();
    tallyRuns(scenario, plan, rep + 1, 0, runs);
    times.push(performance.now() - started);
  }
  return {
    perMinute: (runs / median(times)) * 60_000,
    rungs: plan.rungs.length,
    members: plan.members.length,
  };
}

/** The continental charter with only the first `n` of its members (the two parties always among them). */
function withMembers(n: number): Charter {
  const ids = institutionOn(continental, scenario.date).members.map((m) => m.id);
  const keep = ['EST', 'RUS', ...ids.filter((id) => id !== 'EST' && id !== 'RUS')].slice(0, n).sort();
  const c = structuredClone(continental);
  c.members = { states: keep, cite: 'benchmark variant' };
  return c;
}

/** The continental charter with its ladder repeated `k` times (rung ids suffixed, `after` kept within a copy). */
function withLadderCopies(k: number): Charter {
  const c = structuredClone(continental);
  const ladder = c.guarantees[0]!.ladder;
  c.guarantees[0]!.ladder = Array.from({ length: k }, (_, copy) =>
    ladder.map((r) => ({
      ...r,
      id: `${r.id}-${copy}`,
      activation: {
        ...r.activation,
        ...(r.activation.after ? { after: `${r.activation.after}-${copy}` } : {}),
      },
    })),
  ).flat();
  return c;
}

function endToEnd(runs: number): { wallMs: number; computeMs: number } {
  const bin = join(import.meta.dirname, '..', 'packages', 'cli', 'bin', 'concert.js');
  const walls: number[] = [];
  const computes: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    const started = performance.now();
    const r = spawnSync(
      process.execPath,
      [
        bin,
        'simulate',
        'baltic-incursion',
        '--charter',
        'continental',
        '--runs',
        String(runs),
        '--json',
        '--no-progress',
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (r.status !== 0) throw new Error(`concert simulate failed: ${r.stderr}`);
    walls.push(performance.now() - started);
    computes.push(JSON.parse(r.stdout).timings.ms);
  }
  return { wallMs: median(walls), computeMs: median(computes) };
}

const lines: string[] = [];
const out = (s = '') => lines.push(s);
const fmt = (x: number) => Math.round(x).toLocaleString('en-GB');

out('# Crisis ensembles: Baltic incursion under the continental charter');
out();
out(
  `Machine: ${cpus()[0]?.model ?? 'unknown'}, ${availableParallelism()} threads available; Node ${process.version}.`,
);
out();

progress('end to end (concert simulate, worker threads) …');
const e2e = endToEnd(RUNS * 10);
out('## Throughput');
out();
out('| measurement | runs | time | runs per minute |');
out('| --- | ---: | ---: | ---: |');
out(
  `| \`concert simulate … --runs ${RUNS * 10}\`, whole process (start-up, loading, workers) | ${fmt(RUNS * 10)} | ${fmt(e2e.wallMs)} ms | ${fmt((RUNS * 10 * 60_000) / e2e.wallMs)} |`,
);
out(
  `| the same, simulation only (\`timings.ms\`: plans, workers, merge) | ${fmt(RUNS * 10)} | ${fmt(e2e.computeMs)} ms | ${fmt((RUNS * 10 * 60_000) / e2e.computeMs)} |`,
);
progress('in process, one thread …');
const one = inProcess(continental, RUNS);
out(`| in process, one thread (\`tallyRuns\`) | ${fmt(RUNS)} | | ${fmt(one.perMinute)} |`);
out();

out('## Growth with members (one thread; the first n members, EST and RUS always included)');
out();
out('| members | rungs | runs per minute | µs per run |');
out('| ---: | ---: | ---: | ---: |');
for (const n of [12, 24, 36, 48]) {
  progress(`members ${n} …`);
  const r = inProcess(withMembers(n), RUNS);
  out(`| ${r.members} | ${r.rungs} | ${fmt(r.perMinute)} | ${(60_000_000 / r.perMinute).toFixed(1)} |`);
}
out();
out('## Growth with rungs (one thread; the six-rung ladder repeated)');
out();
out('| members | rungs | runs per minute | µs per run |');
out('| ---: | ---: | ---: | ---: |');
for (const k of [1, 2, 4]) {
  progress(`ladder × ${k} …`);
  const r = inProcess(withLadderCopies(k), RUNS);
  out(`| ${r.members} | ${r.rungs} | ${fmt(r.perMinute)} | ${(60_000_000 / r.perMinute).toFixed(1)} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
