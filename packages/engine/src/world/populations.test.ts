import { describe, expect, it } from 'vitest';
import { membersOf, populationSeries, world } from './index.ts';

/** States where two series differ by more than `threshold` (relative to the second), largest gap first. */
function disagreements(a: string, b: string, threshold: number): string[] {
  const x = populationSeries(a).values;
  const y = populationSeries(b).values;
  return Object.keys(x)
    .filter((id) => y[id] !== undefined)
    .map((id) => ({ id, gap: Math.abs((x[id] as number) / (y[id] as number) - 1) }))
    .filter(({ gap }) => gap > threshold)
    .sort((p, q) => q.gap - p.gap)
    .map(({ id }) => id);
}

describe('population series', () => {
  it('hold positive whole numbers of persons', () => {
    for (const series of world.populations) {
      for (const [id, value] of Object.entries(series.values)) {
        expect(Number.isInteger(value) && value > 0, `${series.id} ${id}: ${value}`).toBe(true);
      }
    }
  });

  it('cover what each source covers: Factbook all 57, World Bank all but the Holy See, the Council the EU-27', () => {
    const ids = world.states.map((s) => s.id).sort();
    expect(Object.keys(populationSeries('cia-factbook').values).sort()).toEqual(ids);
    expect(Object.keys(populationSeries('wb-wdi-2024').values).sort()).toEqual(
      ids.filter((id) => id !== 'VAT'),
    );
    expect(Object.keys(populationSeries('eu-council-2025').values).sort()).toEqual(
      membersOf('EU', '2025-01-01'),
    );
  });

  it('the Council series adds up to its published EU total of 451,028,881 within rounding', () => {
    const total = Object.values(populationSeries('eu-council-2025').values).reduce((a, b) => a + b, 0);
    expect(Math.abs(total / 451_028_881 - 1)).toBeLessThan(0.001);
  });

  it('the Factbook and the World Bank disagree by more than 5% for Moldova and Georgia', () => {
    const gaps = disagreements('cia-factbook', 'wb-wdi-2024', 0.05);
    expect(gaps.slice(0, 2)).toEqual(['MDA', 'GEO']);
    // The full list is the table in docs/data.md; keep the two in step.
    expect(gaps).toEqual([
      'MDA',
      'GEO',
      'TKM',
      'MKD',
      'MCO',
      'BIH',
      'KGZ',
      'MLT',
      'ALB',
      'MNG',
      'POL',
      'ISL',
      'UKR',
      'HRV',
      'CAN',
    ]);
  });
});
