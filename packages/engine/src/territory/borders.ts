// The border registry: the land borders recognised when the charter was adopted (from the world data's land
// neighbours), and accepted border changes with their effect dates. Queries take a date and respect the changes.
import type { Charter } from '../charter/schema.ts';
import { type IsoDate, isStateId, world } from '../world/index.ts';

export interface Border {
  a: string;
  b: string;
  /** First day the border is recognised in the registry. */
  from: IsoDate;
  /** Last day (inclusive), when a change ended it. */
  to?: IsoDate;
  basis: string;
}

export interface AreaTransfer {
  area: string;
  from: string;
  to: string;
  effective: IsoDate;
  request: string;
}

export interface BorderRegistry {
  charter: string;
  recognisedFrom: IsoDate;
  borders: Border[];
  transfers: AreaTransfer[];
}

/** The day a charter's border guarantee starts: `territory.recognised_from`, else entry into force, else the reference date. */
export function recognitionDate(charter: Charter): IsoDate {
  return charter.territory?.recognised_from ?? charter.status.in_force ?? charter.reference_date;
}

/** The registry as of adoption: every land border between two states of the world data, or with one of them. */
export function borderRegistry(charter: Charter): BorderRegistry {
  const from = recognitionDate(charter);
  const seen = new Set<string>();
  const borders: Border[] = [];
  for (const state of world.states) {
    for (const n of state.neighbours.value) {
      const [a, b] = [state.id, n].sort() as [string, string];
      const key = `${a}-${b}`;
      if (seen.has(key)) continue;
      seen.add(key);
      borders.push({ a, b, from, basis: `land neighbours in the world data (${state.neighbours.source})` });
    }
  }
  borders.sort((x, y) => (x.a === y.a ? x.b.localeCompare(y.b) : x.a.localeCompare(y.a)));
  return { charter: charter.id, recognisedFrom: from, borders, transfers: [] };
}

export function bordersOn(registry: BorderRegistry, date: IsoDate, state?: string): Border[] {
  return registry.borders.filter(
    (b) =>
      b.from <= date && (b.to === undefined || date <= b.to) && (!state || b.a === state || b.b === state),
  );
}

export function neighboursOn(registry: BorderRegistry, state: string, date: IsoDate): string[] {
  return bordersOn(registry, date, state)
    .map((b) => (b.a === state ? b.b : b.a))
    .sort();
}

/** Who holds a transferred area on a date (undefined when no accepted change concerns it). */
export function holderOn(registry: BorderRegistry, area: string, date: IsoDate): string | undefined {
  const changes = registry.transfers
    .filter((t) => t.area === area)
    .sort((x, y) => x.effective.localeCompare(y.effective));
  if (changes.length === 0) return undefined;
  let holder = changes[0]!.from;
  for (const t of changes) if (t.effective <= date) holder = t.to;
  return holder;
}

export function isKnownTerritory(id: string): boolean {
  return isStateId(id) || world.states.some((s) => s.neighbours.value.includes(id));
}
