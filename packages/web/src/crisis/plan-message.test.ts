import {
  builtinCharter,
  builtinScenario,
  builtinScenarioIds,
  planFor,
  simulateEnsemble,
} from '@concert/engine';
import { describe, expect, it } from 'vitest';
import { ladderCharterIds } from './selection.ts';

// job.ts binds the plans on the page and posts them; the worker simulates the copy that arrives. A worker message
// is a structured clone, so a plan must come through one whole: Sets, typed arrays, BigInt shares and all.
describe('a crisis plan sent to the worker', () => {
  it.each(builtinScenarioIds())(
    'gives the same ensemble as the original, for %s on every charter with a ladder',
    (id) => {
      const scenario = builtinScenario(id);
      for (const charterId of ladderCharterIds()) {
        for (const ignoreRecusal of [false, true]) {
          const plan = planFor(scenario, builtinCharter(charterId), { ignoreRecusal });
          const copy = structuredClone(plan);
          expect(copy).toStrictEqual(plan);
          expect(simulateEnsemble(scenario, copy, 300, 7)).toStrictEqual(
            simulateEnsemble(scenario, plan, 300, 7),
          );
        }
      }
    },
  );
});
