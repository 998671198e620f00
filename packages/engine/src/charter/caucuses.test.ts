import { describe, expect, it } from 'vitest';
import { builtinCharter } from '../builtin/index.ts';
import { caucusesOf, groupingAttributes } from './caucuses.ts';
import { institutionOn } from './institution.ts';

describe('caucuses', () => {
  it('are the continental charter’s regions: every member in exactly one subregion caucus', () => {
    const charter = builtinCharter('continental');
    expect(groupingAttributes(charter)).toEqual(['subregion']);
    const institution = institutionOn(charter, charter.reference_date);
    const caucuses = caucusesOf(institution);
    expect(caucuses.every((c) => c.by === 'subregion')).toBe(true);
    expect(caucuses.map((c) => c.name)).toEqual([...caucuses.map((c) => c.name)].sort());
    expect(caucuses.length).toBeGreaterThanOrEqual(4);
    const members = caucuses.flatMap((c) => c.members);
    expect(members.sort()).toEqual(institution.members.map((m) => m.id).sort());
    const deu = caucuses.find((c) => c.members.includes('DEU'))!;
    expect(deu.name).toBe('Western Europe');
    expect(deu.members).toContain('FRA');
  });

  it('are none when no rule groups members', () => {
    const charter = builtinCharter('osce');
    expect(groupingAttributes(charter)).toEqual([]);
    expect(caucusesOf(institutionOn(charter, charter.reference_date))).toEqual([]);
  });
});
