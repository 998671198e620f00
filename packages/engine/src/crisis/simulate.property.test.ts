import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCharter } from '../builtin/index.ts';
import { TRIGGERS } from '../charter/schema.ts';
import { tallyRuns } from './ensemble.ts';
import { planFor } from './plan.ts';
import { randomFor } from './random.ts';
import { validateScenario } from './scenario.ts';
import { runnerFor } from './simulate.ts';

// Invariants of any run on any scenario: adopted rungs were reached, a rung waits for the one it comes after,
// recused members never decide or block, and a seed reproduces a run exactly.
const PLACES = ['EST', 'POL', 'DEU', 'RUS', 'TUR', 'GEO', 'MDA', 'UKR'];
const incident = fc.record({
  day: fc.integer({ min: 0, max: 40 }),
  type: fc.constantFrom(...TRIGGERS, 'de-escalation' as const),
  severity: fc.integer({ min: 0, max: 5 }),
  place: fc.constantFrom(...PLACES),
  troops: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }),
  deterrable: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  text: fc.constant('generated'),
});
const scenario = fc
  .record({
    incidents: fc.array(incident, { minLength: 1, maxLength: 6 }),
    aggressor: fc.constantFrom(...PLACES),
    cohesion: fc.double({ min: 0, max: 1, noNaN: true }),
    escalate: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ incidents, aggressor, cohesion, escalate }) =>
    validateScenario(
      {
        id: 'generated',
        title: 'generated',
        kind: 'hypothetical',
        date: '2026-01-01',
        summary: 'generated',
        parties: [{ id: aggressor, role: 'aggressor' }],
        incidents: [...incidents]
          .sort((a, b) => a.day - b.day)
          .map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined))),
        stances: { cohesion },
        dynamics: { escalate_if_unanswered: escalate },
      },
      'generated',
    ),
  );

describe('simulator invariants', () => {
  it.each(['continental', 'nato', 'est-2009', 'osce'])('hold for generated scenarios under %s', (id) => {
    const charter = builtinCharter(id);
    fc.assert(
      fc.property(scenario, fc.nat(), (s, seed) => {
        const plan = planFor(s, charter);
        const run = runnerFor(s, plan);
        const a = run(randomFor(seed, 0), true);
        const b = run(randomFor(seed, 0), true);
        expect(b).toEqual(a);
        for (const r of plan.rungs) {
          if (a.adopted[r.index]) expect(a.reached[r.index]).toBe(1);
          if (a.reached[r.index] && r.after >= 0) expect(a.adopted[r.after]).toBe(1);
        }
        for (const step of a.timeline!) {
          for (const m of step.deciding ?? []) {
            const rung = plan.rungs.find((r) => r.id === step.rung)!;
            expect(rung.decision!.recused).not.toContain(m);
          }
        }
        const t = tallyRuns(s, plan, seed, 0, 20);
        for (let i = 0; i < plan.rungs.length; i++) expect(t.adopted[i]!).toBeLessThanOrEqual(t.reached[i]!);
      }),
      { numRuns: 60 },
    );
  });
});
