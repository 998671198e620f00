// Section 1: the 57 OSCE states weighted by population in thousands, quotas 50% and 65% — Concert against
// EPIC (C++/GMP, the fastest public tool for one-weight games) and Kurz's algorithm (powerindices, numpy).
import {
  type Agreement,
  absoluteFromSwings,
  banzhafFromSwings,
  compareSwings,
  compareValues,
  normalise,
} from './agreement.ts';
import { type ConcertResult, runConcert, swingsOf } from './concert.ts';
import { osceGame, type WeightedInput } from './inputs.ts';
import {
  type BenchOptions,
  type Criterion,
  formatMs,
  formatRatio,
  type Measured,
  repeat,
  type SectionResult,
  table,
} from './measure.ts';
import { type IndexRun, type Peers, runEpic, runKurz, writeEpicWeights } from './peers.ts';

type Index = 'banzhaf' | 'shapley';
const INDEX_NAMES: Record<Index, string> = { banzhaf: 'Banzhaf', shapley: 'Shapley–Shubik' };

interface IndexFigures {
  index: Index;
  epic?: Measured<IndexRun>;
  kurz?: Measured<IndexRun>;
  concert?: ConcertResult;
  concertFailure?: string;
}

export function osceSection(peers: Peers, options: BenchOptions): SectionResult {
  const rows: string[][] = [];
  const agreements: Agreement[] = [];
  const criteria: Criterion[] = [];
  const notes: string[] = [];
  for (const percent of [50, 65]) {
    const input = osceGame(percent);
    const weightsFile = writeEpicWeights(options.workDir, input, `osce-${percent}`);
    for (const index of ['banzhaf', 'shapley'] as const) {
      const figures = measureIndex(input, index, weightsFile, peers, options);
      rows.push(row(`${percent}%`, figures));
      agreements.push(...agree(`OSCE ${percent}%`, figures));
      criteria.push(...criteriaOf(`OSCE ${percent}%`, figures));
      if (figures.concertFailure) notes.push(`Concert ${index} at ${percent}%: ${figures.concertFailure}`);
    }
    if (options.concert) rows.push(bothIndicesRow(input, percent, options));
  }
  const input = osceGame(50);
  const markdown = [
    `### OSCE: ${input.ids.length} states, Factbook population in thousands (total weight ${input.total.toLocaleString('en')})`,
    '',
    'Peers: median wall clock of the whole process, and in parentheses the time the tool reports for its computation. ' +
      'Concert: median in-process wall clock of `powerGameFromWeights` + `analysePower` (cold first run in parentheses). ' +
      'Ratios divide the peer’s own computation time by Concert’s median, the comparison least favourable to Concert.',
    '',
    table(
      ['quota', 'index', 'EPIC', 'Kurz (numpy)', 'Concert', 'method', 'EPIC ÷ Concert', 'Kurz ÷ Concert'],
      rows,
    ),
    ...notes.map((n) => `\n- ${n}`),
  ].join('\n');
  return { markdown, agreements, criteria };
}

function measureIndex(
  input: WeightedInput,
  index: Index,
  weightsFile: string,
  peers: Peers,
  options: BenchOptions,
): IndexFigures {
  const figures: IndexFigures = { index };
  if (peers.epic) {
    const bin = peers.epic;
    figures.epic = repeat(
      () => runEpic(bin, weightsFile, input.quota, index === 'banzhaf' ? 'BZ' : 'SH'),
      options,
    );
  }
  if (peers.kurz && (index === 'banzhaf' || options.kurzShapley)) {
    const checkout = peers.kurz;
    figures.kurz = repeat(() => runKurz(peers.python, checkout, input, index), options);
  }
  if (options.concert) {
    const outcome = runConcert(
      { kind: 'weights', label: input.label, ...gameOf(input), indices: [index], ...repsOf(options) },
      options.timeoutMs,
    );
    figures.concert = outcome.results.find((r) => !r.error);
    const error = outcome.results.find((r) => r.error)?.error;
    if (!figures.concert) figures.concertFailure = error ?? outcome.failure ?? 'no result';
  }
  return figures;
}

/** The bars: Banzhaf faster than EPIC, Shapley–Shubik at least 5× faster, both at least 20× Kurz. */
function criteriaOf(game: string, f: IndexFigures): Criterion[] {
  const concertMs = f.concert?.wallMs;
  const bar = (name: string, peerMs: number | undefined, times: number): Criterion => {
    if (concertMs === undefined || peerMs === undefined) return { name, ok: null, detail: 'not measured' };
    return { name, ok: peerMs / concertMs >= times, detail: formatRatio(peerMs, concertMs) };
  };
  const epicBar = f.index === 'banzhaf' ? 1 : 5;
  return [
    bar(`${game} ${INDEX_NAMES[f.index]}: Concert ≥ ${epicBar}× EPIC`, f.epic?.computeMs, epicBar),
    bar(`${game} ${INDEX_NAMES[f.index]}: Concert ≥ 20× Kurz`, f.kurz?.computeMs, 20),
  ];
}

function gameOf(input: WeightedInput) {
  return { weights: input.weights, quota: input.quota, ids: input.ids };
}

function repsOf(options: BenchOptions) {
  return { reps: options.reps, budgetMs: options.budgetMs };
}

function peerCell(m: Measured<IndexRun> | undefined, skipped = 'not run'): string {
  if (!m) return skipped;
  return `${formatMs(m.wallMs)} (${formatMs(m.computeMs)})${m.runs.length > 1 ? '' : ' ×1'}`;
}

function concertCell(c: ConcertResult | undefined, failure?: string): string {
  if (c) return `${formatMs(c.wallMs)} (${formatMs(c.coldMs)})`;
  return failure ? 'failed' : '—';
}

function row(quota: string, f: IndexFigures): string[] {
  const concertMs = f.concert?.wallMs ?? Number.NaN;
  return [
    quota,
    INDEX_NAMES[f.index],
    peerCell(f.epic),
    peerCell(f.kurz, f.index === 'shapley' ? 'skipped (--kurz-shapley)' : 'not run'),
    concertCell(f.concert, f.concertFailure),
    f.concert ? `${f.concert.method}${f.concert.exact ? '' : ' (NOT exact)'}` : '—',
    formatRatio(f.epic?.computeMs ?? Number.NaN, concertMs),
    formatRatio(f.kurz?.computeMs ?? Number.NaN, concertMs),
  ];
}

/** Both indices in one call, as an analyst would ask for them; no peer computes both in one run. */
function bothIndicesRow(input: WeightedInput, percent: number, options: BenchOptions): string[] {
  const outcome = runConcert(
    {
      kind: 'weights',
      label: input.label,
      ...gameOf(input),
      indices: ['banzhaf', 'shapley'],
      ...repsOf(options),
    },
    options.timeoutMs,
  );
  const c = outcome.results.find((r) => !r.error);
  return [
    `${percent}%`,
    'both in one call',
    '',
    '',
    concertCell(c, outcome.failure ?? undefined),
    c?.method ?? '—',
    '',
    '',
  ];
}

/** Peers against each other first (so a disagreement is not blamed on Concert), then Concert against each. */
function agree(game: string, f: IndexFigures): Agreement[] {
  const out: Agreement[] = [];
  const epic = f.epic?.result;
  const kurz = f.kurz?.result;
  const concert = f.concert?.values;
  if (f.index === 'banzhaf') {
    if (epic?.swings && kurz)
      out.push(
        compareValues(
          game,
          'Penrose–Banzhaf (absolute): EPIC vs Kurz',
          absoluteFromSwings(epic.swings),
          kurz.values,
        ),
      );
    if (epic && concert) {
      out.push(
        compareValues(
          game,
          'Banzhaf: Concert vs EPIC',
          concert.map((v) => v.banzhaf),
          epic.values,
        ),
      );
      if (epic.swings && f.concert)
        out.push(
          compareSwings(game, 'swing counts: Concert vs EPIC (exact)', swingsOf(f.concert), epic.swings),
        );
    }
    if (kurz && concert) {
      out.push(
        compareValues(
          game,
          'Penrose–Banzhaf (absolute): Concert vs Kurz',
          concert.map((v) => v.banzhafAbsolute),
          kurz.values,
        ),
      );
      out.push(
        compareValues(
          game,
          'Banzhaf: Concert vs Kurz (normalised)',
          concert.map((v) => v.banzhaf),
          normalise(kurz.values),
        ),
      );
    }
    if (epic?.swings)
      out.push(
        compareValues(
          game,
          'Banzhaf: EPIC printed vs EPIC swings',
          epic.values,
          banzhafFromSwings(epic.swings),
        ),
      );
  } else {
    if (epic && kurz) out.push(compareValues(game, 'Shapley–Shubik: EPIC vs Kurz', epic.values, kurz.values));
    if (epic && concert)
      out.push(
        compareValues(
          game,
          'Shapley–Shubik: Concert vs EPIC',
          concert.map((v) => v.shapley ?? Number.NaN),
          epic.values,
        ),
      );
    if (kurz && concert)
      out.push(
        compareValues(
          game,
          'Shapley–Shubik: Concert vs Kurz',
          concert.map((v) => v.shapley ?? Number.NaN),
          kurz.values,
        ),
      );
  }
  return out;
}
