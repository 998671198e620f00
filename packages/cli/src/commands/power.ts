import { POWER_INDICES, POWER_METHODS, type PowerIndex, type PowerMethod } from '@concert/engine';
import { UsageError } from '../errors.ts';
import { gameForJob, type PowerJob, type PowerJobResult } from '../jobs/power-job.ts';
import { runJob } from '../jobs/run.ts';
import type { Output } from '../output.ts';
import { table } from '../table.ts';

export interface PowerCliOptions {
  body?: string;
  category?: string;
  date?: string;
  population?: string;
  parties?: string;
  index?: string;
  method?: string;
  samples?: string;
  seed?: string;
  timeLimit?: string;
  maxMemory?: string;
  limit?: string;
  probabilities?: string;
  progress?: boolean;
}

const METHODS: string[] = ['auto', ...POWER_METHODS];

/** `concert power`: voting-power indices, blocking and domination analysis, on a worker thread. */
export async function power(target: string, opts: PowerCliOptions, out: Output): Promise<void> {
  const indices = parseIndices(opts.index);
  const maxMemoryMb = positive(opts.maxMemory ?? '2048', '--max-memory');
  const job: PowerJob = {
    target,
    ...pick(opts, ['body', 'category', 'date', 'population', 'parties']),
    options: {
      indices,
      method: parseMethod(opts.method),
      maxBytes: maxMemoryMb * 1024 * 1024,
      ...(opts.samples ? { samples: positive(opts.samples, '--samples') } : {}),
      ...(opts.seed ? { seed: positive(opts.seed, '--seed') } : {}),
      ...(opts.limit ? { listLimit: positive(opts.limit, '--limit') } : {}),
    },
  };
  // Check the inputs here, so bad ones fail at once with their own message.
  const { game } = gameForJob(job);
  if (opts.probabilities) job.probabilities = parseProbabilities(opts.probabilities, new Set(game.ids));
  const result = await runJob<PowerJobResult>('power', job, {
    timeLimitSeconds: positive(opts.timeLimit ?? '600', '--time-limit'),
    heapMb: Math.max(256, maxMemoryMb),
    progress: opts.progress !== false && Boolean(process.stderr.isTTY) && !out.json,
  });
  out.data(result);
  print(result, indices, out);
}

function print(r: PowerJobResult, indices: PowerIndex[], out: Output): void {
  out.print(`${r.game} — ${r.n} members`);
  out.print(
    `Method: ${r.method} (${r.exact ? 'exact' : `estimate, ±${r.errorBound.toFixed(4)} at 99%`}); ${r.notes.join('; ')}; ${r.computeMs.toFixed(0)} ms\n`,
  );
  const headers = ['id'];
  if (indices.includes('banzhaf')) headers.push('Banzhaf', 'Banzhaf abs.');
  if (indices.includes('shapley')) headers.push('Shapley–Shubik');
  if (indices.includes('coleman') && r.exact) headers.push('prevent', 'initiate');
  const dom = r.domination;
  if (dom) headers.push('√-ideal', 'pop. share', 'power/ideal');
  const rows = [...r.players]
    .sort((a, b) => b.banzhaf - a.banzhaf || a.id.localeCompare(b.id))
    .map((p) => {
      const row: string[] = [p.id];
      if (indices.includes('banzhaf')) row.push(fmt(p.banzhaf), fmt(p.banzhafAbsolute));
      if (indices.includes('shapley')) row.push(p.shapley === undefined ? '—' : fmt(p.shapley));
      if (indices.includes('coleman') && r.exact)
        row.push(fmt(p.colemanPrevent ?? 0), fmt(p.colemanInitiate ?? 0));
      if (dom) {
        const d = dom.members.find((m) => m.id === p.id)!;
        row.push(fmt(d.squareRootIdeal), fmt(d.populationShare), d.ratioToIdeal.toFixed(2));
      }
      return row;
    });
  out.print(table(headers, rows));
  out.print('');
  for (const line of r.verdict) out.print(`• ${line}`);
  if (r.blocking.minimalWinning !== null)
    out.print(`• Minimal winning coalitions: ${r.blocking.minimalWinning}.`);
  if (r.probabilistic) {
    const pp = r.probabilistic;
    out.print(
      `• With the stated probabilities of voting yes, the motion passes with probability ${(pp.probability * 100).toFixed(2)}% (${pp.method}${pp.exact ? ', exact' : `, ±${pp.errorBound.toFixed(4)}`}).`,
    );
  }
}

function fmt(x: number): string {
  return x.toFixed(4);
}

function parseIndices(value: string | undefined): PowerIndex[] {
  if (!value) return [...POWER_INDICES];
  const list = value.split(',').map((s) => s.trim().toLowerCase());
  for (const i of list) {
    if (!(POWER_INDICES as readonly string[]).includes(i))
      throw new UsageError(`--index: unknown index "${i}"`, `choose from ${POWER_INDICES.join(', ')}`);
  }
  return list as PowerIndex[];
}

function parseMethod(value: string | undefined): PowerMethod | 'auto' {
  const m = value ?? 'auto';
  if (!METHODS.includes(m))
    throw new UsageError(`--method: unknown method "${m}"`, `choose from ${METHODS.join(', ')}`);
  return m as PowerMethod | 'auto';
}

function positive(value: string, flag: string): number {
  const x = Number(value);
  if (!Number.isFinite(x) || x <= 0)
    throw new UsageError(`${flag}: "${value}" is not a positive number`, `e.g. ${flag} 60`);
  return x;
}

function parseProbabilities(value: string, ids: Set<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of value.split(',')) {
    const [id, p] = part.split('=').map((s) => s.trim());
    const x = Number(p);
    if (!id || !ids.has(id))
      throw new UsageError(
        `--probabilities: unknown member "${id}"`,
        'write ID=probability pairs, e.g. DEU=0.8,FRA=0.6',
      );
    if (!(x >= 0 && x <= 1))
      throw new UsageError(`--probabilities: "${p}" for ${id} is not between 0 and 1`, 'e.g. DEU=0.8');
    out[id] = x;
  }
  return out;
}

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Partial<Pick<T, K>> {
  const r: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) r[k] = o[k];
  return r;
}
