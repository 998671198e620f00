import { availableParallelism } from 'node:os';
import {
  builtinCharterIds,
  builtinScenario,
  builtinScenarioIds,
  crisisReport,
  type EnsembleSummary,
  mergeTallies,
  randomFor,
  runnerFor,
  type Tally,
  type TimelineStep,
  tallyOf,
} from '@concert/engine';
import { UsageError } from '../errors.ts';
import { runJobs } from '../jobs/run.ts';
import { loadSimulation, type SimulateJob } from '../jobs/simulate-job.ts';
import type { Output } from '../output.ts';
import { heading, table } from '../table.ts';

/** `concert scenarios`: the built-in crisis scenarios. */
export function listScenarios(out: Output): void {
  const scenarios = builtinScenarioIds().map((id) => builtinScenario(id));
  out.data({
    scenarios: scenarios.map((s) => ({ id: s.id, title: s.title, kind: s.kind, date: s.date })),
  });
  out.print(
    table(
      ['id', 'title', 'kind', 'day 0'],
      scenarios.map((s) => [s.id, s.title, s.kind, s.date]),
    ),
  );
  out.print('\nconcert simulate <id> --charter continental,nato,est-2009 [--runs 10000] to run one.');
}

export interface SimulateCliOptions {
  charter?: string;
  charters?: string;
  runs?: string;
  seed?: string;
  recusal?: boolean;
  progress?: boolean;
  timeLimit?: string;
  json?: boolean;
}

const MAX_RUNS = 10_000_000;

/** `concert simulate`: one run's timeline, or an ensemble's summary, under one or more charters. */
export async function simulate(target: string, opts: SimulateCliOptions, out: Output): Promise<void> {
  const list = opts.charter ?? opts.charters;
  if (!list)
    throw new UsageError(
      '--charter is needed',
      `e.g. --charter continental,nato; built-in charters: ${builtinCharterIds().join(', ')}`,
    );
  const charterArgs = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const runs = integer(opts.runs ?? '1', '--runs', 1, MAX_RUNS);
  const seed = integer(opts.seed ?? '1', '--seed', 0, 2 ** 32 - 1);
  const ignoreRecusal = opts.recusal === false;
  const base = { scenario: target, charters: charterArgs, ignoreRecusal };
  // Load everything here first, so bad inputs fail at once with their own message.
  const { scenario, charters, plans } = loadSimulation(base);
  const started = performance.now();
  let tallies: Tally[];
  let timelines: TimelineStep[][] | undefined;
  if (runs === 1) {
    const outcomes = plans.map((plan) => runnerFor(scenario, plan)(randomFor(seed, 0), true));
    timelines = outcomes.map((o) => o.timeline ?? []);
    tallies = plans.map((plan, i) => tallyOf(plan, outcomes[i]!));
  } else {
    const parts = Math.max(1, Math.min(availableParallelism(), 8, Math.ceil(runs / 2000)));
    const payloads: SimulateJob[] = Array.from({ length: parts }, (_, i) => ({
      ...base,
      seed,
      from: Math.floor((runs * i) / parts),
      to: Math.floor((runs * (i + 1)) / parts),
    }));
    const results = await runJobs<Tally[]>('simulate', payloads, {
      timeLimitSeconds: seconds(opts.timeLimit ?? '600'),
      heapMb: 512,
      progress: opts.progress !== false && Boolean(process.stderr.isTTY) && !out.json,
    });
    tallies = plans.map((_, c) => results.map((r) => r[c]!).reduce(mergeTallies));
  }
  const report = {
    ...crisisReport(scenario, charters, plans, tallies, {
      runs,
      seed,
      ignoreRecusal,
      ...(timelines ? { timelines } : {}),
    }),
    timings: { ms: Math.round(performance.now() - started) },
  };
  const summaries = report.charters;
  out.data(report);
  out.print(heading(`${scenario.title} (${scenario.id}) — day 0 = ${scenario.date}`));
  out.print(
    `Parties: ${scenario.parties.map((p) => `${p.id} (${p.role})`).join(', ')}. Seed ${seed}, ${runs} run${runs === 1 ? '' : 's'}${ignoreRecusal ? '; recusal IGNORED (parties vote)' : ''}.`,
  );
  if (timelines) {
    for (const [i, s] of summaries.entries()) printTimeline(s, timelines[i]!, out);
  } else {
    for (const s of summaries) printEnsemble(s, out);
    if (summaries.length > 1) printComparison(summaries, out);
  }
  if (scenario.assumptions.length) {
    out.print('\nAssumptions:');
    for (const a of scenario.assumptions) out.print(`  • ${a}`);
  }
}

function printTimeline(s: EnsembleSummary, steps: TimelineStep[], out: Output): void {
  out.print(heading(`${s.name} (${s.id}) — ${s.members} members${partiesNote(s)}`));
  if (steps.length === 0) {
    out.print('No incident reaches any rung of this charter.');
    return;
  }
  for (const step of steps) {
    out.print(`day ${String(step.day).padStart(3)}  ${step.text}`);
    if (step.cite) out.print(`          [${step.cite}]`);
    if (step.obliged?.length)
      out.print(
        `          obliged to act: ${step.obliged.length} member${step.obliged.length === 1 ? '' : 's'}`,
      );
  }
  const reached = s.rungs.filter((r) => r.reached > 0);
  out.print(
    `\nReached ${reached.length} of ${s.rungs.length} rungs; adopted: ${
      s.rungs
        .filter((r) => r.adopted > 0)
        .map((r) => r.id)
        .join(', ') || 'none'
    }.`,
  );
}

function printEnsemble(s: EnsembleSummary, out: Output): void {
  out.print(heading(`${s.name} (${s.id}) — ${s.members} members${partiesNote(s)}`));
  out.print(
    table(
      ['rung', 'kind', 'decided by', 'reached', 'adopted', 'day adopted', 'most often blocking'],
      s.rungs.map((r) => [
        r.id,
        r.kind,
        r.decidedBy
          ? `${r.decidedBy.body}/${r.decidedBy.category}${r.recused.length ? ` (recused ${r.recused.join(',')})` : ''}`
          : 'no decision (follows from the incident)',
        pct(r.reached),
        pct(r.adopted),
        adoptionDays(r.timeToAdoption),
        r.blockers.map((b) => `${b.id} ${pct(b.share)}`).join(', ') || '—',
      ]),
    ),
  );
  out.print(
    'day adopted: the median day after the first incident, over the runs in which the rung was adopted (10–90% in brackets).',
  );
  out.print(`\nFirst collective response (a rung adopted by a body): ${timeText(s.firstResponse)}.`);
  out.print(`First collective measure beyond consultations: ${timeText(s.firstMeasure)}.`);
  out.print(`Most often deciding: ${shares(s.deciding)}`);
  out.print(`Most often blocking: ${shares(s.blocking)}`);
  const always = s.obliged.filter((m) => m.share >= 0.5);
  out.print(
    `Obliged to act in at least half the runs: ${always.length} member${always.length === 1 ? '' : 's'}${always.length ? ` (${always.map((m) => m.id).join(' ')})` : ''}.`,
  );
}

function printComparison(summaries: EnsembleSummary[], out: Output): void {
  out.print(heading('Side by side'));
  const kinds = ['consultations', 'diplomatic', 'economic', 'monitoring', 'peace-keeping', 'military'];
  const short: Record<string, string> = {
    consultations: 'consult.',
    diplomatic: 'diplom.',
    economic: 'econ.',
    monitoring: 'monitor.',
    'peace-keeping': 'peace-k.',
    military: 'military',
  };
  out.print(
    table(
      ['charter', 'measure', 'median day', ...kinds.map((k) => short[k]!), 'without a decision'],
      summaries.map((s) => [
        s.id,
        pct(s.firstMeasure.share),
        s.firstMeasure.median === null ? '—' : String(s.firstMeasure.median),
        ...kinds.map((k) => (k in s.kinds ? pct(s.kinds[k]!) : '—')),
        s.rungs
          .filter((r) => !r.decidedBy)
          .map((r) => `${r.id} ${pct(r.reached)}`)
          .join(', ') || '—',
      ]),
      { maxWidth: 160 },
    ),
  );
  out.print(
    'measure: runs with a collective measure beyond consultations, and its median day. By kind: runs in which a body adopted a rung of that kind (— : no such rung). Without a decision: obligations or rights that arise from the incident itself, and how often they arose.',
  );
}

function timeText(t: EnsembleSummary['firstResponse']): string {
  return `${pct(t.share)} of runs${t.median === null ? '' : `; median day ${t.median} after the first incident (10–90%: day ${t.p10}–${t.p90})`}`;
}

function adoptionDays(t: EnsembleSummary['firstResponse']): string {
  if (t.median === null) return '—';
  return t.p10 === t.p90 ? String(t.median) : `${t.median} (${t.p10}–${t.p90})`;
}

function partiesNote(s: EnsembleSummary): string {
  if (s.parties.length === 0) return '';
  return `; parties that are members: ${s.parties.map((p) => `${p.id} (${p.role})`).join(', ')}`;
}

function shares(list: { id: string; share: number }[]): string {
  return list.length ? list.map((m) => `${m.id} ${pct(m.share)}`).join(', ') : 'none';
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function integer(value: string, flag: string, min: number, max: number): number {
  const x = Number(value);
  if (!Number.isInteger(x) || x < min || x > max)
    throw new UsageError(
      `${flag}: "${value}" is not a whole number from ${min} to ${max}`,
      `e.g. ${flag} ${Math.max(min, 1000)}`,
    );
  return x;
}

function seconds(value: string): number {
  const x = Number(value);
  if (!Number.isFinite(x) || x <= 0)
    throw new UsageError(
      `--time-limit: "${value}" is not a positive number of seconds`,
      'e.g. --time-limit 60',
    );
  return x;
}
