// Section 2: the EU Council's qualified majority with person-level populations and the four-member blocking
// clause, against exhaustive enumeration of all 2^27 coalitions (bench/eu27-enumerate.c; no public tool
// implements the full rule).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Agreement,
  banzhafFromSwings,
  compareSwings,
  compareValues,
  shapleyFromSwingsBySize,
} from './agreement.ts';
import { type ConcertResult, runConcert, swingsOf } from './concert.ts';
import { BENCH_DATE, EU_SERIES, eu27Populations } from './inputs.ts';
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
import { type EnumeratorRun, type Peers, runEnumerator } from './peers.ts';

export function eu27Section(peers: Peers, options: BenchOptions): SectionResult {
  const eu = eu27Populations();
  const file = join(options.workDir, 'eu27.txt');
  writeFileSync(file, eu.file);
  const agreements: Agreement[] = [];
  const game = 'EU27 QMV';

  let enumerated: Measured<EnumeratorRun> | undefined;
  if (peers.enumerator) {
    const bin = peers.enumerator;
    enumerated = repeat(() => runEnumerator(bin, file, options.threads), options);
    // The fast path decides pivotality by casework on the rule; --naive by the definition. Same counts, or stop.
    const naive = runEnumerator(bin, file, options.threads, true);
    agreements.push(
      compareSwings(
        game,
        'C enumerator: fast path vs --naive definition (swings by size)',
        enumerated.result.players.flatMap((p) => p.bySize),
        naive.players.flatMap((p) => p.bySize),
      ),
    );
  }

  let concert: ConcertResult | undefined;
  let failure: string | null = null;
  if (options.concert) {
    const outcome = runConcert(
      {
        kind: 'decision',
        charter: 'eu',
        date: BENCH_DATE,
        populationSeries: EU_SERIES,
        body: 'council',
        category: 'qmv',
        indices: ['banzhaf', 'shapley'],
        reps: options.reps,
        budgetMs: options.budgetMs,
      },
      options.timeoutMs,
    );
    concert = outcome.results.find((r) => !r.error);
    failure =
      outcome.results.find((r) => r.error)?.error ?? outcome.failure ?? (concert ? null : 'no result');
  }
  if (enumerated && concert) agreements.push(...agree(game, enumerated.result, concert));

  const e = enumerated;
  const rows = [
    [
      e ? `${formatMs(e.wallMs)} (${formatMs(e.computeMs)}, ${e.result.threads} threads)` : 'not run',
      concert ? `${formatMs(concert.wallMs)} (${formatMs(concert.coldMs)})` : failure ? 'failed' : '—',
      concert ? `${concert.method}${concert.exact ? ', exact' : ', NOT exact'}` : '—',
      formatRatio(e?.computeMs ?? Number.NaN, concert?.wallMs ?? Number.NaN),
      e ? e.result.winning.toLocaleString('en') : '—',
    ],
  ];
  const markdown = [
    `### EU27 Council, qualified majority (${BENCH_DATE}, ${EU_SERIES} person-level populations)`,
    '',
    'C enumerator: median wall clock of the process (its own timing of tables + enumeration, thread count). ' +
      'Concert: median in-process wall clock of `powerGameFromDecision(decisionGame(institutionOn(eu, …), "council", "qmv"))` + ' +
      '`analysePower` with both indices (cold first run). The ratio divides the enumerator’s own time by Concert’s.',
    '',
    table(
      ['C enumerator (2^27 coalitions)', 'Concert', 'method', 'enumerator ÷ Concert', 'winning coalitions'],
      rows,
    ),
    ...(failure ? [`\n- Concert: ${failure}`] : []),
  ].join('\n');
  const ratio = e && concert ? e.computeMs / concert.wallMs : undefined;
  const criteria: Criterion[] = [
    {
      name: 'EU27 QMV: Concert exact and ≥ 20× the C enumerator',
      ok: ratio === undefined || !concert ? null : concert.exact === true && ratio >= 20,
      detail: ratio === undefined ? 'not measured' : formatRatio(e!.computeMs, concert!.wallMs),
    },
  ];
  return { markdown, agreements, criteria };
}

/** Concert against the enumerator, matched by member id (both list members sorted by id, but do not rely on it). */
function agree(game: string, e: EnumeratorRun, c: ConcertResult): Agreement[] {
  const byId = new Map(e.players.map((p) => [p.id, p]));
  const values = c.values ?? [];
  const players = values.map((v) => byId.get(v.id));
  if (players.some((p) => p === undefined))
    return [
      { game, what: 'member ids', worst: 'Concert and the enumerator list different members', ok: false },
    ];
  const mine = players as NonNullable<(typeof players)[number]>[];
  const out = [
    compareSwings(
      game,
      'swing counts: Concert vs C enumerator (exact)',
      swingsOf(c),
      mine.map((p) => p.swings),
    ),
    compareValues(
      game,
      'Banzhaf: Concert vs C enumerator',
      values.map((v) => v.banzhaf),
      banzhafFromSwings(mine.map((p) => p.swings)),
    ),
    compareValues(
      game,
      'Shapley–Shubik: Concert vs C enumerator (exact from swings by size)',
      values.map((v) => v.shapley ?? Number.NaN),
      shapleyFromSwingsBySize(mine.map((p) => p.bySize)),
    ),
  ];
  if (c.winning !== undefined)
    out.push(
      compareSwings(game, 'winning coalitions: Concert vs C enumerator', [BigInt(c.winning)], [e.winning]),
    );
  return out;
}
