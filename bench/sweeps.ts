// Sections 3 and 4: how Concert's cost grows with the number of players and with weight resolution (and where
// the algorithm stops being exact or fast), and every built-in charter's every decision.
import { builtinCharterIds } from '../packages/engine/src/index.ts';
import { type ConcertOutcome, type ConcertResult, runConcert } from './concert.ts';
import { osceGame, type WeightedInput } from './inputs.ts';
import { type BenchOptions, formatMs, formatRatio, table } from './measure.ts';

const SIZES = [10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 57];
const UNITS: [number, string][] = [
  [1_000_000, 'millions'],
  [1000, 'thousands'],
  [100, 'hundreds'],
  [10, 'tens'],
  [1, 'persons'],
];
/** The issue's bar for every built-in charter's every body/category on this 2-core machine. */
const CHARTER_LIMIT_MS = 2000;

interface Point {
  input: WeightedInput;
  banzhaf: Cell;
  shapley: Cell;
}

interface Cell {
  result?: ConcertResult;
  failure?: string;
}

function measurePoint(input: WeightedInput, options: BenchOptions): Point {
  const cell = (index: 'banzhaf' | 'shapley'): Cell => {
    const outcome = runConcert(
      {
        kind: 'weights',
        label: input.label,
        weights: input.weights,
        quota: input.quota,
        ids: input.ids,
        indices: [index],
        reps: options.reps,
        budgetMs: options.budgetMs,
      },
      options.timeoutMs,
    );
    return cellOf(outcome);
  };
  return { input, banzhaf: cell('banzhaf'), shapley: cell('shapley') };
}

function cellOf(outcome: ConcertOutcome): Cell {
  const result = outcome.results[0];
  if (result && !result.error) return { result };
  return { failure: result?.error ?? outcome.failure ?? 'no result' };
}

function timeCell(c: Cell): string {
  if (!c.result) return `failed: ${c.failure}`;
  return `${formatMs(c.result.wallMs)}${c.result.exact ? '' : ' (NOT exact)'}`;
}

function methodCell(p: Point): string {
  const methods = new Set([p.banzhaf.result?.method, p.shapley.result?.method].filter(Boolean));
  return [...methods].join(' / ') || '—';
}

function growth(prev: Cell | undefined, cur: Cell): string {
  return prev?.result && cur.result ? formatRatio(cur.result.wallMs, prev.result.wallMs) : '';
}

/** One row per point: its label, total weight, each index's time and its growth over the previous row. */
function scalingRows(
  points: ReturnType<typeof measurePoint>[],
  label: (p: ReturnType<typeof measurePoint>, i: number) => string,
): string[][] {
  return points.map((p, i) => [
    label(p, i),
    p.input.total.toLocaleString('en'),
    timeCell(p.banzhaf),
    growth(points[i - 1]?.banzhaf, p.banzhaf),
    timeCell(p.shapley),
    growth(points[i - 1]?.shapley, p.shapley),
    methodCell(p),
  ]);
}

/** Subsets of the OSCE states (the first n by id, so each adds states of every size), quota 50%, thousands. */
export function scalingByPlayers(options: BenchOptions): string {
  const points = SIZES.map((n) => measurePoint(osceGame(50, 1000, n), options));
  const rows = scalingRows(points, (p) => String(p.input.ids.length));
  return [
    '### Cost against the number of players (OSCE states, population in thousands, quota 50%)',
    '',
    'Median in-process wall clock per index; “×” is the growth over the previous row.',
    '',
    table(['n', 'total weight', 'Banzhaf', '×', 'Shapley–Shubik', '×', 'method'], rows),
  ].join('\n');
}

/** All 57 OSCE states at quota 50%, population in millions … persons: the total weight grows tenfold per row. */
export function scalingByResolution(options: BenchOptions): string {
  const points = UNITS.map(([unit]) => measurePoint(osceGame(50, unit), options));
  const rows = scalingRows(points, (_, i) => UNITS[i]![1]);
  return [
    '### Cost against weight resolution (57 OSCE states, quota 50%)',
    '',
    `Weights are populations rounded to the unit (at least 1). A game still running after ${formatMs(options.timeoutMs)} is stopped and shown as failed: that is the limit.`,
    '',
    table(['unit', 'total weight', 'Banzhaf', '×', 'Shapley–Shubik', '×', 'method'], rows),
  ].join('\n');
}

export interface CharterSweep {
  markdown: string;
  /** Categories that failed, were not exact, or took longer than the bar. */
  problems: string[];
  /** Categories analysed. */
  count: number;
}

/** Every built-in charter's every body and category in force on its reference date, both indices. */
export function everyCharter(options: BenchOptions): CharterSweep {
  const rows: string[][] = [];
  const problems: string[] = [];
  for (const id of builtinCharterIds()) {
    const outcome = runConcert(
      {
        kind: 'charter',
        charter: id,
        indices: ['banzhaf', 'shapley'],
        reps: options.reps,
        budgetMs: options.budgetMs,
      },
      options.timeoutMs,
    );
    for (const r of outcome.results) {
      const ok = !r.error && r.exact === true && r.coldMs < CHARTER_LIMIT_MS;
      if (!ok)
        problems.push(`${r.label}: ${r.error ?? (r.exact ? `${formatMs(r.coldMs)} cold` : 'not exact')}`);
      rows.push([
        r.label,
        r.error ? '—' : String(r.players),
        r.error ? `error: ${r.error}` : (r.method ?? '—'),
        r.error ? '—' : r.exact ? 'yes' : '**no**',
        formatMs(r.coldMs),
        formatMs(r.wallMs),
        ok ? 'yes' : '**no**',
      ]);
    }
    if (outcome.failure) {
      problems.push(`${id}: ${outcome.failure} (after ${outcome.results.length} categories)`);
      rows.push([`${id} (remaining categories)`, '', `stopped: ${outcome.failure}`, '', '', '', '**no**']);
    }
  }
  const markdown = [
    '### Every built-in charter, every body and category in force on its reference date',
    '',
    '`analysePower(powerGameFromDecision(decisionGame(institutionOn(c, c.reference_date), body, category)))` with both ' +
      `indices. “first” is the first run in a fresh process for the charter's first category, warm-ish after that; the bar is ${formatMs(CHARTER_LIMIT_MS)} for the first run.`,
    '',
    table(
      [
        'charter body/category',
        'players',
        'method',
        'exact',
        'first',
        'median',
        `< ${formatMs(CHARTER_LIMIT_MS)}`,
      ],
      rows,
    ),
  ].join('\n');
  return { markdown, problems, count: rows.length };
}
