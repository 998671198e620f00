// Which defence clauses are in force on a date. `inForce.to`, when present, is the last day the clause was in force
// (WEU Art. V: to 2011-06-30, the day the WEU ceased to exist), so the interval is closed at both ends.
import { assertIsoDate, type DefenceClause, type IsoDate, world } from '../world/index.ts';

export function isInForce(clause: DefenceClause, date: IsoDate): boolean {
  return clause.inForce.from <= date && (clause.inForce.to === undefined || date <= clause.inForce.to);
}

export function clausesInForce(date: IsoDate, kind?: DefenceClause['kind']): DefenceClause[] {
  assertIsoDate(date);
  return world.defenceClauses.filter((c) => isInForce(c, date) && (kind === undefined || c.kind === kind));
}
