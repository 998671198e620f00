import { decisionGame, powerGameFromDecision } from '@concert/engine';
import type { Queryable } from '../database/index.ts';
import { badRequest } from '../errors.ts';
import type { DesignPayload } from '../jobs/design.ts';
import { decisionFrom } from './power-jobs.ts';

export const DESIGN_GOALS = ['no-single-blocker', 'no-pair-pass'] as const;

/** Most rules one design job may try (α × quota × member quota); `concert design` has no such cap. */
export const MAX_DESIGN_CANDIDATES = 5000;

/** `POST /api/jobs` with `kind: 'design'`: the flags of `concert design`, as JSON. */
export interface DesignRequest {
  kind: 'design';
  charter: string;
  body?: string;
  category?: string;
  date?: string;
  parties?: string[];
  population?: string;
  alphas?: number[];
  /** Percent of the total weight: a list, or "from:to:step" as `--quota` takes it. */
  quotas?: number[] | string;
  /** Percent of members; null: no member quota. */
  countQuotas?: (number | null)[];
  goals?: (typeof DESIGN_GOALS)[number][];
  minPass?: number;
}

/**
 * Checks a design request as `concert design` checks its flags (the decision as for a power job, then the
 * grid), with the CLI's defaults, so a bad one is a 400 naming its field before a thread starts. `heapMb`
 * bounds each candidate's memory budget as it does for a power job.
 */
export async function designFrom(
  db: Queryable,
  r: DesignRequest,
  heapMb: number,
): Promise<{ payload: DesignPayload; input: Record<string, unknown> }> {
  const decision = await decisionFrom(db, r, r.population);
  const game = powerGameFromDecision(
    decisionGame(decision.institution, decision.body, decision.category, { parties: decision.parties }),
  );
  if (!game.population)
    throw badRequest(
      `charter: design search needs a population for every member of ${decision.body} (some members of ${decision.charter.id} have none)`,
      'charter',
    );
  const alphas = r.alphas ?? [0, 0.25, 0.5, 0.75, 1];
  const quotas = quotaList(r.quotas ?? '50:90:1');
  const countQuotas = r.countQuotas ?? [null];
  const grid = alphas.length * quotas.length * countQuotas.length;
  if (grid > MAX_DESIGN_CANDIDATES)
    throw badRequest(
      `quotas: ${alphas.length} α × ${quotas.length} quotas × ${countQuotas.length} member quotas is ${grid} rules, over the ${MAX_DESIGN_CANDIDATES} one job may try; use a coarser step or fewer α`,
      'quotas',
    );
  const goalNames = r.goals ?? [...DESIGN_GOALS];
  const goals = {
    noSingleBlocker: goalNames.includes('no-single-blocker'),
    noPairPasses: goalNames.includes('no-pair-pass'),
    ...(r.minPass !== undefined ? { minPassProbability: r.minPass } : {}),
  };
  const search = { alphas, quotas, countQuotas, goals, maxBytes: heapMb * 1024 * 1024 };
  const { charter, date, body, category, parties, institution } = decision;
  return {
    payload: {
      charter,
      body,
      category,
      date,
      parties,
      ...(r.population ? { populationSeries: r.population } : {}),
      search,
    },
    input: {
      kind: 'design',
      charter: r.charter,
      body,
      category,
      date,
      parties,
      population: institution.populationSeries,
      alphas,
      quotas,
      countQuotas,
      goals: goalNames,
      ...(r.minPass !== undefined ? { minPass: r.minPass } : {}),
    },
  };
}

/** A quota list as given, or "from:to:step" expanded as `concert design --quota` expands it. */
function quotaList(q: number[] | string): number[] {
  if (Array.isArray(q)) return q;
  const parts = q.split(':').map(Number);
  const [from, to, step = 1] = parts;
  const ok =
    (parts.length === 2 || parts.length === 3) &&
    parts.every((x) => Number.isFinite(x) && x >= 0 && x <= 100) &&
    from! <= to! &&
    step > 0;
  if (!ok)
    throw badRequest(`quotas: "${q}" is not a range from:to:step of percentages (e.g. 50:90:0.5)`, 'quotas');
  const out: number[] = [];
  for (let x = from!; x <= to! + 1e-9 && out.length <= MAX_DESIGN_CANDIDATES; x += step)
    out.push(Math.round(x * 1e6) / 1e6);
  return out;
}
