// Concert's side of the benchmark, run in a child process by bench/concert.ts so that a game past the
// algorithm's limit can be stopped by a timeout, and its memory returned, without losing the rest of the run.
//
//   node packages/cli/bin/run-ts.js bench/concert-job.ts '<job JSON>'
//
// Prints one JSON line per game: method, exact, per-run timings and per-player values (swings as strings).
import { performance } from 'node:perf_hooks';
import {
  builtinCharter,
  decisionGame,
  type Institution,
  inForce,
  institutionOn,
} from '../packages/engine/src/index.ts';
import {
  analysePower,
  type PowerGame,
  type PowerIndex,
  powerGameFromDecision,
  powerGameFromWeights,
} from '../packages/engine/src/power/index.ts';

interface Common {
  indices: PowerIndex[];
  reps: number;
  budgetMs: number;
}

export type ConcertJob = Common &
  (
    | { kind: 'weights'; label: string; weights: number[]; quota: number | string; ids: string[] }
    | {
        kind: 'decision';
        charter: string;
        date: string;
        populationSeries?: string;
        body: string;
        category: string;
      }
    /** Every body and every category in force on the charter's reference date. */
    | { kind: 'charter'; charter: string }
  );

export interface ConcertLine {
  label: string;
  players: number;
  method?: string;
  exact?: boolean;
  /** Number of winning coalitions (exact methods), as a string. */
  winning?: string;
  /** Wall clock around game construction and analysePower, and analysePower's own computeMs, per run. */
  runs?: { wallMs: number; computeMs: number }[];
  values?: { id: string; banzhaf: number; banzhafAbsolute: number; shapley?: number; swings?: string }[];
  error?: string;
}

// A game that takes milliseconds is repeated for up to a second (at least MIN_FAST_RUNS runs), so its median is
// not decided by the few calls V8 needs before it optimises the hot loops or by one garbage collection.
const MIN_FAST_RUNS = 31;
const FAST_BOX_MS = 1000;

/** Builds the game and analyses it `reps` times (fewer if the budget runs out); the first run is cold. */
function measure(label: string, build: () => PowerGame, job: Common): ConcertLine {
  const runs: { wallMs: number; computeMs: number }[] = [];
  const started = performance.now();
  let line: ConcertLine = { label, players: 0 };
  try {
    do {
      const t0 = performance.now();
      const r = analysePower(build(), { indices: job.indices, now: () => performance.now() });
      runs.push({ wallMs: performance.now() - t0, computeMs: r.computeMs });
      line = {
        label,
        players: r.n,
        method: r.method,
        exact: r.exact,
        ...(r.winningCoalitions === undefined ? {} : { winning: r.winningCoalitions.toString() }),
        runs,
        values: r.players.map((p) => ({
          id: p.id,
          banzhaf: p.banzhaf,
          banzhafAbsolute: p.banzhafAbsolute,
          shapley: p.shapley,
          ...(p.swings === undefined ? {} : { swings: p.swings.toString() }),
        })),
      };
    } while (
      (runs.length < job.reps ||
        (runs.length < MIN_FAST_RUNS && performance.now() - started < FAST_BOX_MS)) &&
      performance.now() - started < job.budgetMs
    );
  } catch (e) {
    line = { label, players: 0, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  return line;
}

function* gamesOf(job: ConcertJob): Generator<[string, () => PowerGame]> {
  if (job.kind === 'weights') {
    yield [job.label, () => powerGameFromWeights(job.weights, job.quota, job.ids)];
  } else if (job.kind === 'decision') {
    const options = job.populationSeries ? { populationSeries: job.populationSeries } : {};
    const institution = () => institutionOn(builtinCharter(job.charter), job.date, options);
    yield [
      `${job.charter} ${job.body}/${job.category}`,
      () => powerGameFromDecision(decisionGame(institution(), job.body, job.category)),
    ];
  } else {
    const charter = builtinCharter(job.charter);
    const date = charter.reference_date;
    for (const body of charter.bodies) {
      for (const category of body.categories) {
        // Categories outside their in_force period are history (e.g. the Nice-treaty weights), not today's game.
        if (!inForce(category, date)) continue;
        const institution = (): Institution => institutionOn(charter, date);
        yield [
          `${charter.id} ${body.id}/${category.id}`,
          () => powerGameFromDecision(decisionGame(institution(), body.id, category.id)),
        ];
      }
    }
  }
}

const job = JSON.parse(process.argv[2] ?? '{}') as ConcertJob;
for (const [label, build] of gamesOf(job)) {
  process.stdout.write(`${JSON.stringify(measure(label, build, job))}\n`);
}
