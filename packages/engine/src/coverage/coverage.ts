// Who was protected by a legally binding collective-defence clause on a given date: the question seed 004 answers
// for 2009 ("technically the countries that are not protected under any legally binding Treaty are …").
import { assertIsoDate, type IsoDate, membersOf, type StateId } from '../world/index.ts';
import { explainCoverage } from './explain.ts';
import { guaranteesOf } from './guarantees.ts';
import type { Coverage, CoverageOptions, StateCoverage } from './types.ts';

/** Coverage of every state that was an OSCE participating State on `date`. */
export function coverageOn(date: IsoDate, options: CoverageOptions = {}): Coverage {
  assertIsoDate(date);
  const participants: StateId[] = membersOf('OSCE', date);
  const states: StateCoverage[] = participants.map((id) => ({
    id,
    guarantees: guaranteesOf(id, date, options),
  }));
  const explanations: Record<StateId, string> = {};
  for (const { id, guarantees } of states) explanations[id] = explainCoverage(id, date, guarantees, options);
  return {
    date,
    includeBilateral: options.includeBilateral === true,
    states,
    uncovered: states.filter((s) => s.guarantees.length === 0).map((s) => s.id),
    explanations,
  };
}
