import { builtinCharter, institutionOn } from '@concert/engine';
import { describe, expect, it } from 'vitest';
import { addMonths, presidencyOn } from './presidency.ts';

describe('presidency', () => {
  const continental = builtinCharter('continental');
  const members = institutionOn(continental, '2026-01-01').members;

  it('rotates six-month terms of the continental council across the five regions, alphabetically within each', () => {
    const at = (date: string) => presidencyOn(continental, 'council', members, '2026-01-01', date)!;
    expect(at('2026-01-01')).toMatchObject({ term: 0, member: 'DNK', from: '2026-01-01', to: '2026-06-30' });
    expect(at('2026-07-01')).toMatchObject({ term: 1, member: 'AUT', to: '2026-12-31' });
    expect(at('2027-03-15')).toMatchObject({ term: 2, member: 'ALB' });
    expect(at('2027-07-01').member).toBe('BGR');
    expect(at('2028-01-01').member).toBe('ARM');
    expect(at('2028-07-01').member).toBe('EST'); // second round: next member of Northern Europe
  });

  it('runs UNSC presidencies for one month in English alphabetical order of names', () => {
    const unsc = builtinCharter('unsc');
    const m = institutionOn(unsc, '2026-01-01').members;
    const first = presidencyOn(unsc, 'security-council', m, '2026-01-01', '2026-01-20')!;
    const second = presidencyOn(unsc, 'security-council', m, '2026-01-01', '2026-02-01')!;
    expect(first.to).toBe('2026-01-31');
    const names = m.map((p) => p.name!).sort((a, b) => a.localeCompare(b, 'en'));
    expect([first.name, second.name]).toEqual(names.slice(0, 2));
  });

  it('has no rotation where the chair is an official or elected, nor before adoption', () => {
    const nato = builtinCharter('nato');
    const m = institutionOn(nato, '2026-01-01').members;
    expect(presidencyOn(nato, 'north-atlantic-council', m, '2026-01-01', '2026-05-01')).toBeUndefined();
    expect(presidencyOn(continental, 'council', members, '2026-01-01', '2025-12-31')).toBeUndefined();
  });

  it('adds months clamping to the end of the month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-01-01', -1)).toBe('2025-12-01');
  });
});
