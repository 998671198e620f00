import type { Charter } from '../charter/schema.ts';
import { canonicalJson } from '../record/index.ts';

// The record's canonical JSON (keys sorted) is the one canonical form; re-exported for modules that hash content.
export { canonicalJson };

import { world } from '../world/index.ts';
import { sha256Hex } from './sha256.ts';

export const ENGINE_VERSION = '0.1.0';

/** What a result was computed from, so that anyone can reproduce it. */
export interface Manifest {
  engine: string;
  charter?: { id: string; hash: string };
  dataset: string;
  date?: string;
  populationSeries?: string;
}

export function manifestFor(
  charter: Charter | undefined,
  date?: string,
  populationSeries?: string,
): Manifest {
  const m: Manifest = { engine: ENGINE_VERSION, dataset: `${world.dataset.id}@${world.dataset.version}` };
  if (charter) m.charter = { id: charter.id, hash: charterHash(charter) };
  if (date) m.date = date;
  if (populationSeries) m.populationSeries = populationSeries;
  return m;
}

/** Content hash of a charter: SHA-256 of its canonical JSON (the record's: keys sorted), prefixed with the algorithm. */
export function charterHash(charter: Charter): string {
  return `sha256:${sha256Hex(canonicalJson(charter))}`;
}
