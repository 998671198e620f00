import {
  builtinCharter,
  builtinScenario,
  builtinScenarioIds,
  type Charter,
  CharterError,
  closestIds,
  isBuiltinCharter,
  isBuiltinScenario,
  parseScenario,
  planFor,
  type Scenario,
  validateScenario,
} from '@concert/engine';
import type { Queryable } from '../database/index.ts';
import { badRequest } from '../errors.ts';
import type { SimulatePayload } from '../jobs/simulate.ts';
import { charterOf, type InstitutionRow } from './institutions.ts';

/** `POST /api/jobs` with `kind: 'simulate'`, as the route's schema lets it through. */
export interface SimulateRequest {
  kind: 'simulate';
  scenario: string | Record<string, unknown>;
  charters: string[];
  runs?: number;
  seed?: number;
  recusal?: boolean;
}

/**
 * Checks a simulation request the way `concert simulate` checks its arguments, before any thread starts, so a
 * bad input is a 400 naming its field: the scenario (a built-in id, scenario YAML/JSON text, or an object), each
 * charter (an institution on this server or a built-in charter), and the plans the engine makes from them.
 */
export async function simulationFrom(
  db: Queryable,
  request: SimulateRequest,
  maxRuns: number,
): Promise<{ payload: SimulatePayload; input: Record<string, unknown> }> {
  const runs = request.runs ?? 1;
  if (runs > maxRuns)
    throw badRequest(`runs: at most ${maxRuns} runs per job on this server (asked for ${runs})`, 'runs');
  const scenario = scenarioFrom(request.scenario);
  const charters: Charter[] = [];
  for (const [i, id] of request.charters.entries())
    charters.push((await charterNamed(db, id, `charters.${i}`)).charter);
  const ignoreRecusal = request.recusal === false;
  for (const [i, charter] of charters.entries()) {
    try {
      planFor(scenario, charter, { ignoreRecusal });
    } catch (e) {
      if (e instanceof CharterError) throw badRequest(`charters.${i}: ${e.message}`, `charters.${i}`);
      throw e;
    }
  }
  const seed = request.seed ?? 1;
  return {
    payload: { scenario, charters, runs, seed, ignoreRecusal },
    input: {
      kind: 'simulate',
      scenario: scenario.id,
      charters: charters.map((c) => c.id),
      runs,
      seed,
      recusal: !ignoreRecusal,
    },
  };
}

function scenarioFrom(value: string | Record<string, unknown>): Scenario {
  try {
    if (typeof value !== 'string') return validateScenario(value, 'scenario');
    if (isBuiltinScenario(value)) return builtinScenario(value);
    if (/[\n:{]/.test(value)) return parseScenario(value, { source: 'scenario' });
  } catch (e) {
    if (e instanceof CharterError) {
      const field = ['scenario', ...e.path].join('.');
      const where = e.line !== undefined ? ` (line ${e.line}, column ${e.column})` : '';
      throw badRequest(`${field}${where}: ${e.message}${e.hint ? ` — ${e.hint}` : ''}`, field);
    }
    throw e;
  }
  const near = closestIds(value, builtinScenarioIds());
  throw badRequest(
    `scenario: no built-in scenario "${value}"${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}; built-in: ${builtinScenarioIds().join(', ')}; or send the scenario itself`,
    'scenario',
  );
}

/** An institution on this server (its charter and adoption date) or a built-in charter; else a 400 on `field`. */
export async function charterNamed(
  db: Queryable,
  id: string,
  field: string,
): Promise<{ charter: Charter; adoptedOn?: string }> {
  const [row] = await db.query<InstitutionRow>('SELECT * FROM institutions WHERE id = $1', [id]);
  if (row) return { charter: charterOf(row), adoptedOn: row.adopted_on };
  if (isBuiltinCharter(id)) return { charter: builtinCharter(id) };
  throw badRequest(`${field}: no institution or built-in charter "${id}"`, field);
}
