// The guarantees that protect one state on one date. A multilateral clause protects the members of its
// organisation; a bilateral one protects its parties. Suspended members (Armenia in the CSTO since 2024) remain
// parties to the treaty, so the clause still binds the others in law: Concert counts it and flags it.
import {
  assertIsoDate,
  type DefenceClause,
  type IsoDate,
  lastEventOn,
  memberSince,
  membershipOn,
  type StateId,
  stateById,
} from '../world/index.ts';
import { clausesInForce } from './clauses.ts';
import type { CoverageOptions, Guarantee } from './types.ts';

/** The neutrality proviso of Art. 42(7) TEU matters to anyone reading an EU guarantee, so it travels with it. */
const CLAUSE_CAVEATS: Record<string, string> = {
  'eu-art42-7':
    'Does not prejudice the specific character of the security and defence policy of certain Member States (neutrals); NATO remains the foundation of collective defence for its members.',
};

function baseGuarantee(clause: DefenceClause): Omit<Guarantee, 'via' | 'standing' | 'since'> {
  const caveat = CLAUSE_CAVEATS[clause.id];
  return {
    clause: clause.id,
    title: clause.title,
    nature: clause.nature,
    kind: clause.kind,
    ...(clause.confidence ? { confidence: clause.confidence } : {}),
    caveats: caveat ? [caveat] : [],
  };
}

function multilateralGuarantee(
  clause: DefenceClause,
  stateId: StateId,
  date: IsoDate,
): Guarantee | undefined {
  const organisation = clause.organisation;
  if (organisation === undefined) return undefined;
  const status = membershipOn(organisation, stateId, date);
  if (status === 'non-member') return undefined;
  const guarantee: Guarantee = {
    ...baseGuarantee(clause),
    via: organisation,
    standing: status,
    since: memberSince(organisation, stateId, date) ?? clause.inForce.from,
  };
  if (status === 'suspended') {
    const event = lastEventOn(organisation, stateId, date);
    guarantee.caveats.push(
      `Participation in the ${organisation} suspended since ${event?.date ?? 'an unknown date'}; still a party, so the clause is counted.`,
    );
  }
  return guarantee;
}

function bilateralGuarantee(clause: DefenceClause, stateId: StateId): Guarantee | undefined {
  const parties = clause.parties ?? [];
  if (!parties.includes(stateId)) return undefined;
  return {
    ...baseGuarantee(clause),
    via: parties.filter((p) => p !== stateId).join('+'),
    standing: 'party',
    since: clause.inForce.from,
  };
}

export function guaranteesOf(stateId: StateId, date: IsoDate, options: CoverageOptions = {}): Guarantee[] {
  assertIsoDate(date);
  stateById(stateId);
  const found = clausesInForce(date).map((clause) =>
    clause.kind === 'multilateral'
      ? multilateralGuarantee(clause, stateId, date)
      : options.includeBilateral
        ? bilateralGuarantee(clause, stateId)
        : undefined,
  );
  return found.filter((g): g is Guarantee => g !== undefined);
}
