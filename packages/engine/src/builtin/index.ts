import { parseCharter } from '../charter/load.ts';
import type { Charter } from '../charter/schema.ts';
import { CHARTER_SOURCES } from './sources.generated.ts';

const cache = new Map<string, Charter>();

/** Ids of the charters that ship with Concert. */
export function builtinCharterIds(): string[] {
  return Object.keys(CHARTER_SOURCES).sort();
}

export function isBuiltinCharter(id: string): boolean {
  return Object.hasOwn(CHARTER_SOURCES, id);
}

/** The YAML text of a built-in charter. */
export function builtinCharterSource(id: string): string | undefined {
  return Object.hasOwn(CHARTER_SOURCES, id) ? CHARTER_SOURCES[id] : undefined;
}

/** A built-in charter, parsed and validated once. */
export function builtinCharter(id: string): Charter {
  const cached = cache.get(id);
  if (cached) return cached;
  const text = builtinCharterSource(id);
  if (text === undefined) throw new RangeError(`no built-in charter "${id}"`);
  const charter = parseCharter(text, { source: `${id}.yaml`, format: 'yaml' });
  cache.set(id, charter);
  return charter;
}
