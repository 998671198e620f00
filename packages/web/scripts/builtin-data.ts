// The built-in charters and scenarios, parsed and validated at build time by the engine itself, so the page ships
// them as JSON and needs neither the YAML parser nor the schemas (zod) to show them: those load only with an
// upload. The engine's own modules stay the source of truth (the CLI and server keep reading the YAML); this only
// swaps, in the browser bundle, the two modules that parse the embedded YAML for modules that hold the result.
import type { Plugin } from 'vite';
import { builtinCharter, builtinCharterIds } from '../../engine/src/builtin/index.ts';
import { builtinScenario, builtinScenarioIds } from '../../engine/src/crisis/builtin.ts';

const CHARTERS_MODULE = '/packages/engine/src/builtin/index.ts';
const SCENARIOS_MODULE = '/packages/engine/src/crisis/builtin.ts';

/**
 * Each value as a JSON string, parsed on first use: JSON.parse is faster than a JavaScript literal of the same
 * data, and a view that shows one charter pays only for that one. The objects round-trip exactly (the engine's
 * parsed documents are plain data; builtin-data.test.ts pins it).
 */
function table(ids: string[], value: (id: string) => unknown): string {
  return `{${ids.map((id) => `${JSON.stringify(id)}: ${JSON.stringify(JSON.stringify(value(id)))}`).join(',\n')}}`;
}

/** The replacement for the engine's builtin/index.ts: the same functions, minus the YAML text. */
export function chartersModule(): string {
  return `const JSON_OF = ${table(builtinCharterIds(), builtinCharter)};
const cache = new Map();
export function builtinCharterIds() { return Object.keys(JSON_OF).sort(); }
export function isBuiltinCharter(id) { return Object.hasOwn(JSON_OF, id); }
export function builtinCharter(id) {
  const cached = cache.get(id);
  if (cached) return cached;
  if (!isBuiltinCharter(id)) throw new RangeError(\`no built-in charter "\${id}"\`);
  const charter = JSON.parse(JSON_OF[id]);
  cache.set(id, charter);
  return charter;
}
`;
}

/** The replacement for the engine's crisis/builtin.ts. */
export function scenariosModule(): string {
  return `const JSON_OF = ${table(builtinScenarioIds(), builtinScenario)};
const cache = new Map();
export function builtinScenarioIds() { return Object.keys(JSON_OF).sort(); }
export function isBuiltinScenario(id) { return Object.hasOwn(JSON_OF, id); }
export function builtinScenario(id) {
  const cached = cache.get(id);
  if (cached) return cached;
  if (!isBuiltinScenario(id)) throw new RangeError(\`no built-in scenario "\${id}"\`);
  const scenario = JSON.parse(JSON_OF[id]);
  cache.set(id, scenario);
  return scenario;
}
`;
}

/** Production builds only: under vitest and `vite dev` the engine's modules run as they are. */
export function builtinData(): Plugin {
  return {
    name: 'concert-builtin-data',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      const path = id.replaceAll('\\', '/').split('?')[0]!;
      if (path.endsWith(CHARTERS_MODULE)) return chartersModule();
      if (path.endsWith(SCENARIOS_MODULE)) return scenariosModule();
      return null;
    },
  };
}
