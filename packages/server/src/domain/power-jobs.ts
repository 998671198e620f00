import {
  type Charter,
  CharterError,
  decisionGame,
  type Institution,
  institutionOn,
  isIsoDate,
  type PowerIndex,
  type PowerMethod,
} from '@concert/engine';
import type { Queryable } from '../database/index.ts';
import { badRequest } from '../errors.ts';
import type { PowerPayload } from '../jobs/power.ts';
import { charterNamed } from './simulations.ts';

/** `POST /api/jobs` with `kind: 'power'`: the fields `concert power` takes as flags. */
export interface PowerRequest {
  kind: 'power';
  charter: string;
  body?: string;
  category?: string;
  date?: string;
  parties?: string[];
  indices?: PowerIndex[];
  method?: PowerMethod | 'auto';
  samples?: number;
  seed?: number;
  limit?: number;
}

/** The decision a power or design job analyses, checked as `concert power` checks its flags. */
export interface CheckedDecision {
  charter: Charter;
  date: string;
  body: string;
  category: string;
  parties: string[];
  institution: Institution;
}

/**
 * Checks the body, the category when the body has several, the date, the population series and the parties
 * as members, so a bad request is a 400 naming its field before a thread starts.
 */
export async function decisionFrom(
  db: Queryable,
  r: { charter: string; body?: string; category?: string; date?: string; parties?: string[] },
  populationSeries?: string,
): Promise<CheckedDecision> {
  const { charter, adoptedOn } = await charterNamed(db, r.charter, 'charter');
  const date = r.date ?? adoptedOn ?? charter.reference_date;
  if (!isIsoDate(date)) throw badRequest(`date: "${date}" is not a calendar date (YYYY-MM-DD)`, 'date');
  const body = charter.bodies.find((b) => b.id === (r.body ?? charter.bodies[0]!.id));
  if (!body)
    throw badRequest(
      `body: no body "${r.body}" in ${charter.id} (bodies: ${charter.bodies.map((b) => b.id).join(', ')})`,
      'body',
    );
  if (!r.category && body.categories.length > 1)
    throw badRequest(
      `category: ${body.id} decides under several rules; name one (${body.categories.map((c) => c.id).join(', ')})`,
      'category',
    );
  const category = r.category ?? body.categories[0]!.id;
  if (!body.categories.some((c) => c.id === category))
    throw badRequest(
      `category: no category "${category}" in ${body.id} (${body.categories.map((c) => c.id).join(', ')})`,
      'category',
    );
  let institution: Institution;
  try {
    institution = institutionOn(charter, date, populationSeries ? { populationSeries } : {});
  } catch (e) {
    if (e instanceof CharterError && populationSeries)
      throw badRequest(`population: ${e.message}`, 'population');
    throw e;
  }
  const members = new Set(institution.members.map((m) => m.id));
  const parties = r.parties ?? [];
  for (const [i, id] of parties.entries())
    if (!members.has(id)) throw badRequest(`parties.${i}: ${id} is not a member on ${date}`, `parties.${i}`);
  try {
    decisionGame(institution, body.id, category, { parties });
  } catch (e) {
    if (e instanceof CharterError) throw badRequest(`charter: ${e.message}`, 'charter');
    throw e;
  }
  return { charter, date, body: body.id, category, parties, institution };
}

/** A power request checked (`decisionFrom`); `heapMb` bounds the engine's memory budget as `--max-memory` does. */
export async function powerFrom(
  db: Queryable,
  r: PowerRequest,
  heapMb: number,
): Promise<{ payload: PowerPayload; input: Record<string, unknown> }> {
  const { charter, date, body, category, parties } = await decisionFrom(db, r);
  const options: PowerPayload['options'] = {
    indices: r.indices ?? ['banzhaf', 'shapley', 'coleman'],
    method: r.method ?? 'auto',
    maxBytes: heapMb * 1024 * 1024,
    ...(r.samples !== undefined ? { samples: r.samples } : {}),
    ...(r.seed !== undefined ? { seed: r.seed } : {}),
    ...(r.limit !== undefined ? { listLimit: r.limit } : {}),
  };
  return {
    payload: { charter, body, category, date, parties, options },
    input: { kind: 'power', charter: r.charter, body, category, date, parties, ...options },
  };
}
