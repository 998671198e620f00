import { caucusesOf } from '@concert/engine';
import { delegationId, engineInstitution, type InstitutionRow } from './institutions.ts';

// Secret ballots in small groups. Who has voted is public, so a caucus's counts in a secret poll can give
// ballots away: unanimous counts tell every listed voter's choice to anyone, and counts where all but one
// vote alike tell each of those voters — by subtracting its own ballot — how all the others voted. A
// caucus's counts (and its clauses of the published result) are therefore shown only when at least two of
// its votes differ from its most common choice: `max(counts) ≤ votes − 2`, which needs at least
// MIN_DISCLOSED_VOTES votes. Otherwise they are withheld, with `suppressed: true`.
export const MIN_DISCLOSED_VOTES = 4;

type Counts = { yes: number; no: number; abstain: number };

/** Whether a group's counts in a secret poll may be published without disclosing a ballot. */
export function countsDisclosable(counts: Counts): boolean {
  const votes = counts.yes + counts.no + counts.abstain;
  return votes >= MIN_DISCLOSED_VOTES && Math.max(counts.yes, counts.no, counts.abstain) <= votes - 2;
}

/** The caucuses whose votes (delegation → choice) may not be published for a secret poll. */
export function withheldGroups(institution: InstitutionRow, votes: Map<string, keyof Counts>): Set<string> {
  const withheld = new Set<string>();
  for (const c of caucusesOf(engineInstitution(institution))) {
    const counts: Counts = { yes: 0, no: 0, abstain: 0 };
    for (const m of c.members) {
      const choice = votes.get(delegationId(institution.id, m));
      if (choice) counts[choice]++;
    }
    if (!countsDisclosable(counts)) withheld.add(c.name);
  }
  return withheld;
}
