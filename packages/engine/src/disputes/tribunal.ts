// Arbitral tribunal composition as the charter says: each party appoints its arbitrators within a period, the
// party arbitrators (or the parties, or an authority) choose the presiding arbitrator, and a fallback authority
// fills any seat left empty after its deadline.
import type { Tribunal } from '../charter/disputes-schema.ts';
import type { IsoDate } from '../world/index.ts';
import { addDays } from './calendar.ts';
import type { Arbitrator, StepState } from './types.ts';

export interface TribunalDeadlines {
  /** Party appointments are due by this date. */
  partyDue: IsoDate;
  /** The presiding arbitrator is due by this date (once every party seat is filled). */
  presidingDue?: IsoDate;
  /** Parties that have not filled their seats. */
  missing: string[];
  presidingSeats: number;
  presidingFilled: number;
}

export function tribunalDeadlines(
  tribunal: Tribunal,
  step: StepState,
  parties: readonly string[],
): TribunalDeadlines {
  const partyDue = addDays(step.opened, tribunal.appoint_within_days);
  const partySeats = (p: string) =>
    step.arbitrators.filter((a) => a.role === 'party' && (a.appointedBy === p || a.onBehalfOf === p)).length;
  const missing = parties.filter((p) => partySeats(p) < tribunal.party_appointed);
  const presidingSeats = tribunal.size - tribunal.party_appointed * parties.length;
  const presidingFilled = step.arbitrators.filter((a) => a.role === 'presiding').length;
  const partyDates = step.arbitrators.filter((a) => a.role === 'party').map((a) => a.date);
  const lastParty = partyDates.length > 0 ? partyDates.sort().at(-1)! : step.opened;
  const presidingDue =
    missing.length === 0 || tribunal.presiding.chosen_by === 'authority'
      ? addDays(missing.length === 0 ? lastParty : step.opened, tribunal.presiding.within_days)
      : undefined;
  return { partyDue, presidingDue, missing, presidingSeats, presidingFilled };
}

export function isConstituted(tribunal: Tribunal, step: StepState): boolean {
  return step.arbitrators.length >= tribunal.size;
}

export type { Arbitrator };
