// Runs Concert's side of a benchmark section in a child process (bench/concert-job.ts) and reads its results.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ConcertJob, ConcertLine } from './concert-job.ts';
import { median, timedProcess } from './measure.ts';

const RUN_TS = fileURLToPath(new URL('../packages/cli/bin/run-ts.js', import.meta.url));
const JOB = fileURLToPath(new URL('./concert-job.ts', import.meta.url));
const POWER = fileURLToPath(new URL('../packages/engine/src/power/index.ts', import.meta.url));

/** A Concert result with the medians the tables use. */
export interface ConcertResult extends ConcertLine {
  wallMs: number; // median over the warm runs (all but the first), or the one run there is
  computeMs: number; // likewise
  coldMs: number; // the first run, before the JIT has seen the code
}

export interface ConcertOutcome {
  results: ConcertResult[];
  /** Why the child stopped early (timeout, crash), or null. */
  failure: string | null;
}

/** Whether Concert's power module is there to measure (the peers run either way). */
export function concertAvailable(): string | null {
  return existsSync(POWER)
    ? null
    : `packages/engine/src/power/index.ts not found — Concert columns left blank`;
}

/**
 * Runs one job. Results that arrived before a timeout are kept; the game that was running when time ran out is
 * reported as failed, which is how the scaling sweep finds the algorithm's limit.
 */
export function runConcert(job: ConcertJob, timeoutMs: number): ConcertOutcome {
  const r = timedProcess(process.execPath, [RUN_TS, JOB, JSON.stringify(job)], { timeoutMs });
  const results = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => withMedians(JSON.parse(l) as ConcertLine));
  return { results, failure: r.failure };
}

// The first run is reported on its own as the cold figure; the medians describe the code once V8 has compiled
// it, which is how the peers' compiled binaries are measured too.
function withMedians(line: ConcertLine): ConcertResult {
  const runs = line.runs ?? [];
  const warm = runs.length > 1 ? runs.slice(1) : runs;
  return {
    ...line,
    wallMs: median(warm.map((x) => x.wallMs)),
    computeMs: median(warm.map((x) => x.computeMs)),
    coldMs: runs[0]?.wallMs ?? Number.NaN,
  };
}

/** Swing counts as BigInt, in player order (empty when the method gives none). */
export function swingsOf(r: ConcertResult): bigint[] {
  return (r.values ?? []).flatMap((v) => (v.swings === undefined ? [] : [BigInt(v.swings)]));
}
