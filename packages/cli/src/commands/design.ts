import type { DesignCandidate } from '@concert/engine';
import { UsageError } from '../errors.ts';
import { type DesignJob, type DesignJobResult, designInputFor } from '../jobs/design-job.ts';
import { runJob } from '../jobs/run.ts';
import type { Output } from '../output.ts';
import { table } from '../table.ts';

export interface DesignCliOptions {
  body?: string;
  category?: string;
  date?: string;
  population?: string;
  alpha?: string;
  quota?: string;
  countQuota?: string;
  goal?: string;
  minPass?: string;
  all?: boolean;
  timeLimit?: string;
}

const GOALS = ['no-single-blocker', 'no-pair-pass'];

/** `concert design`: search weights and quotas for a body's members and print the Pareto set. */
export async function design(target: string, opts: DesignCliOptions, out: Output): Promise<void> {
  const goals = (opts.goal ?? 'no-single-blocker,no-pair-pass')
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  for (const g of goals)
    if (!GOALS.includes(g))
      throw new UsageError(`--goal: unknown goal "${g}"`, `goals: ${GOALS.join(', ')}; and --min-pass P`);
  const job: DesignJob = {
    game: {
      target,
      ...defined({ body: opts.body, category: opts.category, date: opts.date, population: opts.population }),
    },
    alphas: list(opts.alpha ?? '0,0.25,0.5,0.75,1', '--alpha', 0, 2),
    quotas: range(opts.quota ?? '50:90:1', '--quota'),
    countQuotas: (opts.countQuota ?? 'none')
      .split(',')
      .map((c) => (c.trim() === 'none' ? null : number(c, '--count-quota', 0, 100))),
    goals: {
      noSingleBlocker: goals.includes('no-single-blocker'),
      noPairPasses: goals.includes('no-pair-pass'),
      ...(opts.minPass ? { minPassProbability: number(opts.minPass, '--min-pass', 0, 1) } : {}),
    },
  };
  designInputFor(job); // fail fast on bad input, before starting a worker
  const r = await runJob<DesignJobResult>('design', job, {
    timeLimitSeconds: number(opts.timeLimit ?? '600', '--time-limit', 1, 1e6),
    heapMb: 2048,
    progress: Boolean(process.stderr.isTTY) && !out.json,
  });
  out.data(r);
  out.print(
    `${r.game}: ${r.candidates.length} rules tried, ${r.candidates.filter((c) => c.meetsGoals).length} meet the goals (${goals.join(', ')}${opts.minPass ? `, passage ≥ ${opts.minPass}` : ''})\n`,
  );
  const rows = (opts.all ? r.candidates : r.pareto).map(row);
  out.print(
    opts.all ? 'All candidates:' : 'Pareto set (closeness to the square-root ideal vs. chance of passing):',
  );
  out.print(
    table(
      [
        'weights',
        'quota',
        'members',
        'distance',
        'P(pass)',
        'largest (power/ideal)',
        'smallest block',
        'goals',
      ],
      rows,
    ),
  );
  if (r.closest)
    out.print(
      `\nClosest to the square-root ideal: population^${r.closest.alpha}, quota ${r.closest.quota}%${r.closest.countQuota === null ? '' : ` and ${r.closest.countQuota}% of members`} (distance ${r.closest.distanceToIdeal.toFixed(5)}).`,
    );
  out.print(
    `Square-root weights' optimal quota by the Słomczyński–Życzkowski approximation: ${(r.jagiellonianQuota * 100).toFixed(2)}%.`,
  );
}

function row(c: DesignCandidate): string[] {
  return [
    c.alpha === 0 ? 'equal' : c.alpha === 1 ? 'population' : `population^${c.alpha}`,
    `${c.quota}%`,
    c.countQuota === null ? '—' : `${c.countQuota}%`,
    c.distanceToIdeal.toFixed(5),
    c.passProbability.toFixed(4),
    `${c.largest.id} ${(c.largest.banzhaf * 100).toFixed(1)}% (${c.largest.ratioToIdeal.toFixed(2)}×)`,
    String(c.smallestBlocking ?? '—'),
    c.meetsGoals ? '✓' : c.failures.join('; '),
  ];
}

function number(text: string, flag: string, min: number, max: number): number {
  const x = Number(text);
  if (!Number.isFinite(x) || x < min || x > max)
    throw new UsageError(`${flag}: "${text}" is not a number from ${min} to ${max}`, `e.g. ${flag} ${min}`);
  return x;
}

function list(text: string, flag: string, min: number, max: number): number[] {
  return text.split(',').map((t) => number(t.trim(), flag, min, max));
}

/** "50:90:1" (from:to:step) or a comma list. */
function range(text: string, flag: string): number[] {
  if (!text.includes(':')) return list(text, flag, 0, 100);
  const [from, to, step = 1] = text.split(':').map((t) => number(t, flag, 0, 100));
  if (from! > to! || step <= 0)
    throw new UsageError(`${flag}: "${text}" is not a range from:to:step`, 'e.g. 50:90:0.5');
  const out: number[] = [];
  for (let q = from!; q <= to! + 1e-9 && out.length < 2001; q += step) out.push(Math.round(q * 1e6) / 1e6);
  return out;
}

function defined<T extends Record<string, string | undefined>>(o: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: string;
  };
}
