import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { builtinCharter, builtinCharterIds } from '../builtin/index.ts';
import { CHARTER_SOURCES } from '../builtin/sources.generated.ts';
import type { CharterError } from '../charter/errors.ts';
import { parseCharter } from '../charter/load.ts';
import { readDocument } from '../document/index.ts';
import { builtinScenario, builtinScenarioIds } from './builtin.ts';
import { mergeTallies, simulateEnsemble, summarise, tallyRuns } from './ensemble.ts';
import { activates, planFor } from './plan.ts';
import { randomFor } from './random.ts';
import { compareOnScenario } from './report.ts';
import { parseScenario, ScenarioError, scenarioJsonSchema } from './scenario.ts';
import { SCENARIO_SOURCES } from './scenarios.generated.ts';
import { runnerFor } from './simulate.ts';

const LADDERS = ['continental', 'nato', 'eu', 'csto', 'osce', 'est-2009'];

describe('response ladders in the built-in charters', () => {
  it.each(LADDERS)('%s has a ladder whose every rung cites its article', (id) => {
    const rungs = builtinCharter(id).guarantees.flatMap((g) => g.ladder);
    expect(rungs.length).toBeGreaterThan(0);
    for (const r of rungs) expect(r.cite.length).toBeGreaterThan(5);
  });

  it('refuses a rung that comes after a later rung, naming the line', () => {
    const text = CHARTER_SOURCES.continental!.replace(
      'triggers: [armed-attack]\n          min_severity: 4\n          after: consultations',
      'triggers: [armed-attack]\n          min_severity: 4\n          after: nowhere',
    );
    expect(() => parseCharter(text, { source: 'c.yaml' })).toThrow(/not an earlier rung/);
    try {
      parseCharter(text, { source: 'c.yaml' });
    } catch (e) {
      expect((e as CharterError).line).toBeGreaterThan(100);
    }
  });

  it('refuses a rung decided by a category the body does not have', () => {
    const text = CHARTER_SOURCES.nato!.replace(
      'decided_by: { body: north-atlantic-council, category: art4-consultation }',
      'decided_by: { body: north-atlantic-council, category: art44 }',
    );
    expect(() => parseCharter(text, { source: 'n.yaml' })).toThrow(/has no category "art44"/);
  });
});

describe('scenario files', () => {
  it.each(builtinScenarioIds())('%s validates and runs under every charter with a ladder', (id) => {
    const s = builtinScenario(id);
    for (const c of LADDERS) {
      const plan = planFor(s, builtinCharter(c));
      const e = simulateEnsemble(s, plan, 200, 1);
      for (const r of e.rungs) {
        expect(r.adopted).toBeLessThanOrEqual(r.reached);
        expect(r.reached).toBeLessThanOrEqual(1);
      }
    }
  });

  it('historical scenarios carry sources, and every incident source is listed', () => {
    for (const id of builtinScenarioIds()) {
      const s = builtinScenario(id);
      if (s.kind === 'historical') expect(s.sources.length).toBeGreaterThan(0);
    }
    expect(builtinScenarioIds()).toEqual(
      expect.arrayContaining([
        'georgia-2008',
        'gas-2009',
        'crimea-2014',
        'baltic-incursion',
        'transnistria-flareup',
        'grid-cyber-attack',
        'unnotified-exercise',
      ]),
    );
  });

  const minimal = (extra = '') =>
    `id: t\ntitle: T\nkind: hypothetical\ndate: 2026-01-01\nsummary: s\nparties:\n  - { id: EST, role: target }\nincidents:\n  - { day: 0, type: armed-attack, severity: 4, place: EST, text: x }\n${extra}`;

  it('reads a minimal scenario with defaults for stances and dynamics', () => {
    const s = parseScenario(minimal(), { source: 't.yaml' });
    expect(s.stances).toMatchObject({ default: 'neutral', cohesion: 0.5, abstention: 0.5 });
    expect(s.dynamics.escalate_if_unanswered).toBe(0);
  });

  it('names the line, column and a suggestion for an unknown state', () => {
    const bad = minimal().replace('place: EST', 'place: ESZ');
    try {
      parseScenario(bad, { source: 'bad.yaml' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      const err = e as ScenarioError;
      expect(err.message).toBe('unknown state "ESZ"');
      expect(err.line).toBe(9);
      expect(err.hint).toMatch(/EST/);
      expect(err.toJSON().error).toBe('scenario');
    }
  });

  it('refuses unknown fields, unknown profiles, incidents out of order and broken YAML', () => {
    expect(() => parseScenario(minimal('colour: red\n'), { source: 'x.yaml' })).toThrow(
      /unknown field "colour"/,
    );
    expect(() => parseScenario(minimal('stances: { default: hawk }\n'), { source: 'x.yaml' })).toThrow(
      /unknown stance profile "hawk"/,
    );
    const order = minimal('').replace(
      'incidents:\n',
      'incidents:\n  - { day: 5, type: threat-of-force, severity: 2, place: EST, text: y }\n',
    );
    expect(() => parseScenario(order, { source: 'x.yaml' })).toThrow(/comes after one on day 5/);
    try {
      parseScenario('id: [unclosed\n', { source: 'y.yaml' });
      expect.unreachable();
    } catch (e) {
      expect((e as ScenarioError).line).toBeDefined();
    }
  });
});

describe('the simulator', () => {
  const baltic = builtinScenario('baltic-incursion');
  const continental = builtinCharter('continental');

  it('is deterministic for a seed, and an ensemble split in parts adds up to the whole', () => {
    const plan = planFor(baltic, continental);
    const whole = tallyRuns(baltic, plan, 9, 0, 600);
    const parts = mergeTallies(tallyRuns(baltic, plan, 9, 0, 250), tallyRuns(baltic, plan, 9, 250, 600));
    expect(parts).toEqual(whole);
    expect(tallyRuns(baltic, plan, 9, 0, 600)).toEqual(whole);
    expect(tallyRuns(baltic, plan, 10, 0, 600)).not.toEqual(whole);
  });

  it('gives a timeline in which every vote cites the rung and the rule it was taken under', () => {
    const plan = planFor(baltic, continental);
    const o = runnerFor(baltic, plan)(randomFor(1, 0), true);
    const votes = o.timeline!.filter((s) => s.event === 'vote');
    expect(votes.length).toBeGreaterThan(2);
    for (const v of votes) expect(v.cite).toMatch(/000 §/);
    const days = o.timeline!.map((s) => s.day);
    expect([...days].sort((a, b) => a - b)).toEqual(days);
  });

  it('recuses the parties from major security actions under the continental charter, not from consultations', () => {
    const plan = planFor(baltic, continental);
    const byId = new Map(plan.rungs.map((r) => [r.id, r]));
    expect(byId.get('military')!.decision!.recused).toEqual(['EST', 'RUS']);
    expect(byId.get('consultations')!.decision!.recused).toEqual([]);
    expect(byId.get('military')!.decision!.players).not.toContain('RUS');
  });

  it('answers the recusal question: with Russia a party, recusal lets the alliance act; without it Russia blocks', () => {
    const runs = 3000;
    const withRecusal = simulateEnsemble(baltic, planFor(baltic, continental), runs, 1);
    const without = simulateEnsemble(baltic, planFor(baltic, continental, { ignoreRecusal: true }), runs, 1);
    const adopted = (e: typeof withRecusal, id: string) => e.rungs.find((r) => r.id === id)!.adopted;
    expect(adopted(withRecusal, 'economic')).toBeGreaterThan(adopted(without, 'economic'));
    const major = withRecusal.rungs.filter((r) => r.decidedBy?.category === 'major-security-action');
    for (const r of major) expect(r.blockers.map((b) => b.id)).not.toContain('RUS');
    expect(without.blocking[0]!.id).toBe('RUS');
    // The ordinary rule (diplomatic measures) has no recusal: there Russia keeps its vote and can help block.
    const diplomatic = withRecusal.rungs.find((r) => r.id === 'diplomatic')!;
    expect(diplomatic.recused).toEqual([]);
  });

  it("raises a bound member's support by the obligation weight, only under a binding guarantee", () => {
    const weighted = (w: number) => ({ ...baltic, stances: { ...baltic.stances, obligation_weight: w } });
    const economic = (s: typeof baltic, charter = continental) =>
      planFor(s, charter).rungs.find((r) => r.id === 'economic')!;
    const base = economic(baltic).decision!;
    const full = economic(weighted(1)).decision!;
    const half = economic(weighted(0.5)).decision!;
    // Economic measures bind every member not party to the crisis (continental, an obligation): w = 1 → certain.
    base.players.forEach((id, k) => {
      expect(full.support[k]).toBe(1);
      expect(half.support[k]).toBeCloseTo(base.support[k]! + 0.5 * (1 - base.support[k]!), 12);
      expect(id).not.toBe('RUS');
    });
    const adopted = (s: typeof baltic) =>
      simulateEnsemble(s, planFor(s, continental), 2000, 3).rungs.find((r) => r.id === 'economic')!;
    expect(adopted(weighted(0.5)).adopted).toBeGreaterThan(adopted(baltic).adopted);
    // The draft EST gives a right, not an obligation: the weight changes nothing there.
    const est = builtinCharter('est-2009');
    const conf = (s: typeof baltic) => planFor(s, est).rungs.find((r) => r.decision)!.decision!;
    expect(Array.from(conf(weighted(1)).support)).toEqual(Array.from(conf(baltic).support));
  });

  it('lets the continental council act on a clash in which one of its largest members is a party', () => {
    const aegean = builtinScenario('aegean-clash');
    const plan = planFor(aegean, continental);
    const economic = plan.rungs.find((r) => r.id === 'economic')!;
    expect(economic.decision!.recused).toEqual(['GRC', 'TUR']);
    const nato = planFor(aegean, builtinCharter('nato'));
    // NATO's Council decides by consensus with every Ally at the table, both parties included.
    for (const r of nato.rungs.filter((x) => x.decision)) expect(r.decision!.players).toContain('TUR');
    const e = simulateEnsemble(aegean, plan, 2000, 1);
    const major = e.rungs.filter((r) => r.decidedBy?.category === 'major-security-action' && r.reached > 0);
    expect(major.length).toBeGreaterThan(0);
    for (const r of major) expect(r.blockers.map((b) => b.id)).not.toContain('TUR');
    expect(e.rungs.find((r) => r.id === 'economic')!.adopted).toBeGreaterThan(0.5);
  });

  it('excludes only the attacker from the draft EST Extraordinary Conference; the state attacked votes', () => {
    const plan = planFor(baltic, builtinCharter('est-2009'));
    const extra = plan.rungs.find((r) => r.id === 'extraordinary-conference')!;
    expect(extra.decision!.recused).toEqual(['RUS']);
    expect(extra.decision!.players).toContain('EST');
  });

  it('lets the Article 5 obligation arise from the attack itself, binding every Ally but the one attacked', () => {
    const plan = planFor(baltic, builtinCharter('nato'));
    const art5 = plan.rungs.find((r) => r.id === 'art5-assistance')!;
    expect(art5.decision).toBeUndefined();
    expect(art5.obliged).toHaveLength(plan.members.length - 1);
    const e = simulateEnsemble(baltic, plan, 500, 2);
    const rung = e.rungs.find((r) => r.id === 'art5-assistance')!;
    expect(rung.adopted).toBe(rung.reached);
  });

  it('activates a rung on unnotified activity only above the charter threshold', () => {
    const plan = planFor(baltic, continental);
    const consult = plan.rungs.find((r) => r.id === 'consultations')!;
    const base = {
      day: 0,
      type: 'unnotified-military-activity' as const,
      severity: 2,
      place: 'EST',
      text: '',
    };
    expect(activates(consult, { ...base, troops: 30_000 })).toBe(true);
    expect(activates(consult, { ...base, troops: 5_000, battle_tanks: 100 })).toBe(false);
    expect(activates(consult, { ...base, troops: 5_000, battle_tanks: 300 })).toBe(true);
    expect(activates(consult, { ...base, place: 'USA', troops: 30_000 })).toBe(false);
  });

  it('reaches nothing in a charter whose territory the crisis does not touch (CSTO, Baltic incursion)', () => {
    const e = simulateEnsemble(baltic, planFor(baltic, builtinCharter('csto')), 100, 1);
    expect(e.rungs.every((r) => r.reached === 0)).toBe(true);
    expect(e.firstResponse.share).toBe(0);
    expect(e.firstResponse.median).toBeNull();
  });

  it('summarises fractions of runs and a time-to-response distribution with ordered quantiles', () => {
    const plan = planFor(baltic, continental);
    const s = summarise(plan, tallyRuns(baltic, plan, 3, 0, 1000));
    const f = s.firstMeasure;
    expect(f.share).toBeGreaterThan(0.5);
    expect(f.p10!).toBeLessThanOrEqual(f.median!);
    expect(f.median!).toBeLessThanOrEqual(f.p90!);
    expect(f.histogram.reduce((a, h) => a + h.runs, 0)).toBe(Math.round(f.share * 1000));
  });

  it('counts the day each rung is adopted as the recorded timelines show it, merged exactly across splits', () => {
    const plan = planFor(baltic, continental);
    const run = runnerFor(baltic, plan);
    const firstDay = baltic.incidents[0]!.day;
    // The reference: run by run, the day of each rung's adopting step in the recorded timeline.
    const expected = plan.rungs.map(() => new Map<number, number>());
    for (let i = 0; i < 300; i++) {
      for (const step of run(randomFor(5, i), true).timeline ?? []) {
        if (!step.adopted || !step.rung) continue;
        const r = plan.rungs.findIndex((x) => x.id === step.rung);
        const day = Math.ceil(step.day - firstDay);
        expected[r]!.set(day, (expected[r]!.get(day) ?? 0) + 1);
      }
    }
    const whole = summarise(plan, tallyRuns(baltic, plan, 5, 0, 300));
    const split = summarise(
      plan,
      mergeTallies(tallyRuns(baltic, plan, 5, 0, 120), tallyRuns(baltic, plan, 5, 120, 300)),
    );
    expect(split).toEqual(whole);
    whole.rungs.forEach((r, i) => {
      const days = [...expected[i]!].map(([day, runs]) => ({ day, runs })).sort((a, b) => a.day - b.day);
      expect(r.timeToAdoption.histogram).toEqual(days);
      expect(r.timeToAdoption.share).toBe(r.adopted);
      if (days.length === 0) expect(r.timeToAdoption.median).toBeNull();
    });
    expect(whole.rungs.some((r) => r.timeToAdoption.histogram.length > 1)).toBe(true);
  });

  it('runs every built-in charter with a ladder; charters without one are refused with a hint', () => {
    for (const id of builtinCharterIds()) {
      const charter = builtinCharter(id);
      if (charter.guarantees.some((g) => g.ladder.length > 0)) continue;
      expect(() => planFor(baltic, charter)).toThrow(/no response ladder/);
    }
  });
});

describe('compareOnScenario and the scenario JSON Schema', () => {
  it('compares charters side by side with a manifest, and a single run with timelines', () => {
    const s = builtinScenario('unnotified-exercise');
    const charters = ['osce', 'continental'].map((id) => builtinCharter(id));
    const report = compareOnScenario(s, charters, { runs: 300, seed: 4 });
    expect(report.charters.map((c) => c.id)).toEqual(['osce', 'continental']);
    expect(report.manifest.charters.map((c) => c.hash)).toEqual(
      charters.map(() => expect.stringMatching(/^sha256:/)),
    );
    const vd = report.charters[0]!.rungs.find((r) => r.id === 'vd-ch3-explanation')!;
    expect(vd.adopted).toBe(1);
    const one = compareOnScenario(s, charters, { runs: 1, seed: 4 });
    expect(one.charters[0]!.timeline!.length).toBeGreaterThan(0);
  });

  it('accepts every built-in scenario, as editors will see it', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(scenarioJsonSchema());
    for (const id of builtinScenarioIds()) {
      const read = readDocument(SCENARIO_SOURCES[id]!, { source: id });
      if (!read.ok) throw new Error(read.error.message);
      expect(validate(read.value), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
    expect(validate({ id: 'x' })).toBe(false);
  });
});
