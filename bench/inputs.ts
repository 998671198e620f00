// The games the benchmark measures, built from Concert's own sourced data so every tool sees the same numbers.
import { membersOf, populationOf } from '../packages/engine/src/index.ts';

/** The date whose memberships the benchmark uses (57 OSCE participating states, EU-27). */
export const BENCH_DATE = '2026-01-01';
/** Population series: the Factbook covers all 57 OSCE states; the World Bank all EU-27 members. */
export const OSCE_SERIES = 'cia-factbook';
export const EU_SERIES = 'wb-wdi-2024';

/** A one-weight game with an integer quota: what EPIC and Kurz's algorithm take as input. */
export interface WeightedInput {
  label: string;
  ids: string[];
  weights: number[];
  quota: number;
  total: number;
}

/**
 * The smallest integer weight meeting `percent` of the total: ceil(percent · total / 100), in integers so the
 * quota is the same for every tool (each would otherwise round "50%" its own way).
 */
export function quotaFor(total: number, percent: number): number {
  return Number((BigInt(percent) * BigInt(total) + 99n) / 100n);
}

/** OSCE participating states on BENCH_DATE, sorted by id. */
export function osceIds(): string[] {
  const ids = membersOf('OSCE', BENCH_DATE);
  if (ids.length !== 57) throw new Error(`expected 57 OSCE participating states, found ${ids.length}`);
  return ids;
}

/**
 * The OSCE states (or the first `n` of them by id, for the scaling sweep) weighted by Factbook population in
 * units of `unit` persons. Rounding to millions would give the smallest states weight 0; they keep weight 1,
 * so every state stays a player and only the resolution changes.
 */
export function osceGame(percent: number, unit = 1000, n = 57): WeightedInput {
  const ids = osceIds().slice(0, n);
  const weights = ids.map((id) => Math.max(1, Math.round(population(id, OSCE_SERIES) / unit)));
  const total = weights.reduce((a, b) => a + b, 0);
  const unitName = UNIT_NAMES[unit] ?? `${unit}s`;
  return {
    label: `OSCE ${n} states, population in ${unitName}, quota ${percent}%`,
    ids,
    weights,
    quota: quotaFor(total, percent),
    total,
  };
}

const UNIT_NAMES: Record<number, string> = {
  1000000: 'millions',
  1000: 'thousands',
  100: 'hundreds',
  10: 'tens',
  1: 'persons',
};

/** EU-27 members on BENCH_DATE with person-level World Bank populations: the C enumerator's input file. */
export function eu27Populations(): { ids: string[]; populations: number[]; file: string } {
  const ids = membersOf('EU', BENCH_DATE);
  if (ids.length !== 27) throw new Error(`expected 27 EU members, found ${ids.length}`);
  const populations = ids.map((id) => population(id, EU_SERIES));
  const file = `${ids.map((id, i) => `${id} ${populations[i]}`).join('\n')}\n`;
  return { ids, populations, file };
}

function population(id: string, series: string): number {
  const value = populationOf(id, series);
  if (value === undefined) throw new Error(`series ${series} has no population for ${id}`);
  return value;
}
