import type { Scenario } from './scenario.ts';
import { parseScenario } from './scenario.ts';
import { SCENARIO_SOURCES } from './scenarios.generated.ts';

const cache = new Map<string, Scenario>();

/** Ids of the scenarios that ship with Concert. */
export function builtinScenarioIds(): string[] {
  return Object.keys(SCENARIO_SOURCES).sort();
}

export function isBuiltinScenario(id: string): boolean {
  return Object.hasOwn(SCENARIO_SOURCES, id);
}

/** A built-in scenario, parsed and validated once. */
export function builtinScenario(id: string): Scenario {
  const cached = cache.get(id);
  if (cached) return cached;
  if (!isBuiltinScenario(id)) throw new RangeError(`no built-in scenario "${id}"`);
  const s = parseScenario(SCENARIO_SOURCES[id]!, { source: `${id}.yaml`, format: 'yaml' });
  cache.set(id, s);
  return s;
}
