import type { DesignInput, Player } from '@concert/engine';

/** The design search's goals and grid as the form holds them (text, so a half-typed number is not lost). */
export interface DesignForm {
  quotaFrom: string;
  quotaTo: string;
  quotaStep: string;
  populationWeights: boolean;
  alphas: string;
  countQuota: string;
  noSingleBlocker: boolean;
  noPairPasses: boolean;
  minPass: string;
  maxDistance: string;
}

export const DEFAULT_DESIGN: DesignForm = {
  quotaFrom: '50',
  quotaTo: '90',
  quotaStep: '1',
  populationWeights: true,
  alphas: '0, 0.5, 1',
  countQuota: '',
  noSingleBlocker: true,
  noPairPasses: true,
  minPass: '',
  maxDistance: '',
};

// Each candidate is one exact analysis; beyond this a run would take minutes in a browser.
export const MAX_CANDIDATES = 5000;

export type DesignPlan =
  | { ok: true; input: DesignInput; maxDistance: number | null }
  | { ok: false; message: string };

function num(text: string, what: string, min: number, max: number): number {
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x) || x < min || x > max)
    throw new RangeError(`${what}: "${text}" is not a number from ${min} to ${max}`);
  return x;
}

/** The engine's design input for the members, or the first thing wrong with the form. */
export function designPlan(form: DesignForm, players: Player[]): DesignPlan {
  try {
    const population = players.map((p) => p.attributes.population);
    const missing = players.filter((_, i) => typeof population[i] !== 'number').map((p) => p.id);
    if (missing.length)
      return {
        ok: false,
        message: `design search needs a population for every member; none for ${missing.slice(0, 6).join(', ')}${missing.length > 6 ? '…' : ''}`,
      };
    const from = num(form.quotaFrom, 'Quota from', 0, 100);
    const to = num(form.quotaTo, 'Quota to', 0, 100);
    const step = num(form.quotaStep, 'Quota step', 0.01, 100);
    if (from > to) return { ok: false, message: 'Quota from must not exceed quota to' };
    const quotas: number[] = [];
    for (let q = from; q <= to + 1e-9; q += step) quotas.push(Math.round(q * 1e6) / 1e6);
    const alphas = form.populationWeights
      ? [...new Set(form.alphas.split(',').map((a) => num(a.trim(), 'Exponent α', 0, 2)))]
      : [0];
    const countQuotas =
      form.countQuota.trim() === '' ? [null] : [num(form.countQuota, 'Share of members', 0, 100)];
    const candidates = quotas.length * alphas.length * countQuotas.length;
    if (candidates > MAX_CANDIDATES)
      return {
        ok: false,
        message: `${candidates} rules to try; at most ${MAX_CANDIDATES} (use a larger quota step)`,
      };
    const minPass = form.minPass.trim() === '' ? undefined : num(form.minPass, 'Passage probability', 0, 1);
    const maxDistance =
      form.maxDistance.trim() === '' ? null : num(form.maxDistance, 'Distance to the ideal', 0, 1);
    return {
      ok: true,
      maxDistance,
      input: {
        ids: players.map((p) => p.id),
        population: population as number[],
        alphas,
        quotas,
        countQuotas,
        goals: {
          noSingleBlocker: form.noSingleBlocker,
          noPairPasses: form.noPairPasses,
          ...(minPass !== undefined ? { minPassProbability: minPass } : {}),
        },
      },
    };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
