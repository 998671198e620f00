// One plain sentence per state saying why it is covered on a date, or why not. Uncovered states get the reasons
// that matter for reading seed 004: which alliances it is outside of, and any clause it would have on another date
// (an EU member before the Lisbon Treaty, a WEU member after 2011) or with bilateral treaties counted.
import { type IsoDate, membershipOn, type StateId, stateById, world } from '../world/index.ts';
import { clausesInForce, isInForce } from './clauses.ts';
import type { CoverageOptions, Guarantee } from './types.ts';

function describeGuarantee(g: Guarantee): string {
  if (g.kind === 'bilateral') return `${g.title} (bilateral, with ${g.via}, from ${g.since})`;
  const suspended = g.standing === 'suspended' ? ', participation suspended' : '';
  return `${g.title} (${g.via} member since ${g.since}${suspended})`;
}

/** Reasons a member of an organisation is still not protected by its clause on `date`. */
function clauseNotInForceReasons(stateId: StateId, date: IsoDate): string[] {
  return world.defenceClauses
    .filter((c) => c.kind === 'multilateral' && c.organisation !== undefined && !isInForce(c, date))
    .filter((c) => membershipOn(c.organisation as string, stateId, date) !== 'non-member')
    .map((c) =>
      date < c.inForce.from
        ? `a member of the ${c.organisation}, but ${c.title} only applies from ${c.inForce.from}`
        : `${c.title} ended on ${c.inForce.to}`,
    );
}

function outsideOrganisations(stateId: StateId, date: IsoDate): string[] {
  const organisations = clausesInForce(date, 'multilateral').map((c) => c.organisation as string);
  return [...new Set(organisations)].filter((o) => membershipOn(o, stateId, date) === 'non-member');
}

function bilateralHint(stateId: StateId, date: IsoDate, options: CoverageOptions): string[] {
  if (options.includeBilateral) return [];
  return clausesInForce(date, 'bilateral')
    .filter((c) => c.parties?.includes(stateId))
    .map((c) => `${c.title} would apply if bilateral treaties are counted`);
}

export function explainCoverage(
  stateId: StateId,
  date: IsoDate,
  guarantees: readonly Guarantee[],
  options: CoverageOptions,
): string {
  const name = stateById(stateId).name;
  if (guarantees.length > 0) return `${name} is covered by ${guarantees.map(describeGuarantee).join('; ')}.`;
  const outside = outsideOrganisations(stateId, date);
  const reasons = [
    ...clauseNotInForceReasons(stateId, date),
    ...(outside.length > 0 ? [`not a member of ${outside.join(', ')}`] : []),
    ...bilateralHint(stateId, date, options),
  ];
  return `${name} has no legally binding collective-defence guarantee on ${date}: ${reasons.join('; ')}.`;
}
