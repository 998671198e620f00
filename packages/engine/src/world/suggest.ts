// "Did you mean …?" for unknown ids: the valid ids closest to the input by edit distance.
import { world } from './data.ts';

/** Levenshtein distance, case-insensitive (ids are upper-case codes but users type "deu"). */
export function editDistance(a: string, b: string): number {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/** Up to `limit` candidates at the smallest distances, closest first, ties in alphabetical order. */
function nearestByDistance(input: string, pool: readonly string[], limit: number): string[] {
  const maxDistance = Math.max(2, Math.ceil(input.length / 2));
  return pool
    .map((id) => ({ id, distance: editDistance(input, id) }))
    .filter(({ distance }) => distance <= maxDistance)
    .sort((p, q) => p.distance - q.distance || p.id.localeCompare(q.id))
    .slice(0, limit)
    .map(({ id }) => id);
}

/**
 * State ids a user probably meant: first those whose ISO alpha-2 code or English name matches the input ("DE",
 * "germ" → DEU), then the nearest alpha-3 ids by edit distance ("DEX" → DEU).
 */
function suggestStateIds(input: string, limit: number): string[] {
  const needle = input.trim().toLowerCase();
  const byIso2 = world.states.filter((s) => s.iso2.toLowerCase() === needle).map((s) => s.id);
  const byName = world.states
    .filter((s) => needle.length > 0 && s.name.toLowerCase().startsWith(needle))
    .map((s) => s.id);
  const byCode = nearestByDistance(
    input,
    world.states.map((s) => s.id),
    limit,
  );
  return [...new Set([...byIso2, ...byName, ...byCode])].slice(0, limit);
}

/** The valid ids closest to `input`; without `candidates`, state ids (matched by code, alpha-2 or name). */
export function closestIds(input: string, candidates?: readonly string[], limit = 3): string[] {
  return candidates === undefined
    ? suggestStateIds(input, limit)
    : nearestByDistance(input, candidates, limit);
}
