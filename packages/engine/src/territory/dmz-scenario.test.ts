import { describe, expect, it } from 'vitest';
import { builtinCharter } from '../builtin/index.ts';
import { builtinScenario } from '../crisis/builtin.ts';
import { tallyRuns } from '../crisis/ensemble.ts';
import { planFor } from '../crisis/plan.ts';
import { randomFor } from '../crisis/random.ts';
import { parseScenario, ScenarioError } from '../crisis/scenario.ts';
import { runnerFor } from '../crisis/simulate.ts';
import { testZoneFile } from '../fixtures/test-zone.ts';
import { assessBorderChange, borderChangeSchema } from './change.ts';
import type { DmzFile } from './dmz.ts';
import { scenarioFromDmz, scenarioYaml } from './dmz-scenario.ts';
import { registryWith } from './situation.ts';

const continental = builtinCharter('continental');

const file: DmzFile = testZoneFile();

describe('a crisis scenario from a DMZ file', () => {
  it('has the violations as incidents from the file’s day 0, the states involved as parties, and runs', () => {
    const s = scenarioFromDmz(file, { source: 'test.yaml' });
    expect(s).toMatchObject({ id: 'dmz-z', date: '2026-09-01', kind: 'hypothetical' });
    expect(s.incidents.map((x) => [x.day, x.type, x.severity, x.by, x.place])).toEqual([
      [9, 'border-violation', 3, 'SVN', 'HRV'],
      [19, 'unnotified-military-activity', 1, 'HRV', 'SVN'],
    ]);
    expect(s.parties).toEqual([
      { id: 'HRV', role: 'involved' },
      { id: 'SVN', role: 'involved' },
    ]);
    // The continental ladder's consultations answer a border violation on a member's territory.
    const plan = planFor(s, continental);
    const run = runnerFor(s, plan)(randomFor(1, 0), true);
    expect(run.timeline?.some((t) => t.day === 9)).toBe(true);
    expect(tallyRuns(s, plan, 1, 0, 50).runs).toBe(50);
  });

  it('the YAML text reads back, through the scenario reader, to the same scenario', () => {
    const s = scenarioFromDmz(file, { source: 'test.yaml' });
    const text = scenarioYaml(s, 'written by a test');
    expect(text.startsWith('# written by a test\n')).toBe(true);
    expect(parseScenario(text, { source: 'out.yaml' })).toEqual(s);
  });

  it('keeps a base scenario’s stances, parties and dynamics, and on request its incidents moved to the new day 0', () => {
    const base = builtinScenario('aegean-clash');
    const s = scenarioFromDmz({ ...file, scenario_start: undefined }, { base, keepIncidents: false });
    expect(s.date).toBe(base.date);
    expect(s.stances).toEqual(base.stances);
    expect(s.parties.slice(0, base.parties.length)).toEqual(base.parties);
    const early = {
      ...file,
      scenario_start: '2000-01-01',
      violations: file.violations.map((v) => ({ ...v, date: base.date })),
    };
    const merged = scenarioFromDmz(early, { base, keepIncidents: true });
    const shift = merged.incidents.length - base.incidents.length;
    expect(shift).toBe(2);
    expect(merged.incidents.filter((x) => x.source !== 'dmz-reports').map((x) => x.text)).toEqual(
      base.incidents.map((x) => x.text),
    );
  });

  it('refuses a file whose violations are all within limits, or dated before day 0, with the path', () => {
    const within = { ...file, violations: [{ ...file.violations[0]!, observed: { troops: 0 } }] };
    expect(() => scenarioFromDmz(within)).toThrow(/no violation exceeds/);
    expect(() => scenarioFromDmz({ ...file, scenario_start: '2026-09-15' })).toThrow(ScenarioError);
    try {
      scenarioFromDmz({ ...file, scenario_start: '2026-09-15' });
    } catch (e) {
      expect((e as ScenarioError).path).toEqual(['violations', 1, 'date']);
      expect((e as Error).message).toMatch(/dated 2026-09-10 is before the scenario's day 0 \(2026-09-15\)/);
    }
  });

  it('places a violation in a transferred area at its holder on the date, so the holder’s guarantees apply', () => {
    const change = borderChangeSchema.parse({
      charter: 'continental',
      id: 'test-transfer',
      area: { name: 'Test valley', from: 'AUT', to: 'CHE' },
      states_concerned: ['AUT', 'CHE'],
      requested: '2026-03-01',
      effective: '2027-01-01',
      agreements: ['AUT', 'CHE'].map((state) => ({ state, date: '2026-10-01', instrument: 'treaty' })),
      referendum: {
        date: '2026-09-13',
        supervised_by: 'observer mission',
        observers: ['GEO', 'MDA', 'ARM', 'AZE', 'UKR'],
        registered: 4000,
        votes_cast: 3000,
        valid: 2950,
        yes: 2100,
      },
    });
    const registry = registryWith(continental, [
      { request: change, assessment: assessBorderChange(continental, change) },
    ]);
    const seen = { zone: 'v', by: 'SVN', reported_by: 'M', place: 'pass', area: 'Test valley' };
    const valley: DmzFile = {
      charter: 'continental',
      scenario_start: '2026-12-01',
      zones: [{ ...file.zones[0]!, id: 'v', name: 'Valley zone', states: ['AUT', 'CHE', 'SVN'] }],
      violations: [
        { ...seen, date: '2026-12-31', observed: { 'battle-tanks': 3 } },
        { ...seen, date: '2027-01-01', observed: { 'battle-tanks': 3 } },
      ],
    };
    const s = scenarioFromDmz(valley, { registry });
    expect(s.incidents.map((x) => x.place)).toEqual(['AUT', 'CHE']);
    // Art. 42(7) TEU covers the territory of EU members: the valley on the last Austrian day, not after.
    const art42 = planFor(s, builtinCharter('eu')).rungs.find((r) => r.guarantee === 'art42-7')!;
    expect(s.incidents.map((x) => art42.covered.has(x.place))).toEqual([true, false]);
    expect(() => scenarioFromDmz(valley)).toThrow(
      /names the area "Test valley", which no accepted border change/,
    );
  });
});
