import { institutionOn } from '../charter/institution.ts';
import type { Charter } from '../charter/schema.ts';
import { type Decision, evaluate } from '../decide/index.ts';
import { type Manifest, manifestFor } from '../manifest/index.ts';
import { isStateId, stateById } from '../world/index.ts';

export interface AccessionInput {
  charter: Charter;
  applicant: string;
  date?: string;
  /** Who objects to the application. */
  objections?: string[];
  /** Other charters in force alongside, whose parties may claim a say over alliance choices (e.g. est-2009). */
  alongside?: Charter[];
}

export interface ObjectionRight {
  charter: string;
  /** 'members' of the organisation, 'parties' of a treaty, or nobody. */
  who: 'members' | 'parties' | 'none';
  /** Ids who may object on the date. */
  ids: string[];
  basis: string;
  cite: string;
}

export interface AccessionOutcome {
  charter: string;
  applicant: string;
  date: string;
  eligible: boolean;
  reasons: string[];
  /** Who may object under this charter, and under any charter alongside it that claims a say. */
  objectionRights: ObjectionRight[];
  /** Objections that count, by charter; objections from those without a right are listed as ignored. */
  counted: { charter: string; ids: string[] }[];
  ignored: string[];
  /** The vote in the deciding body, if the charter names one (objectors vote no, other members yes). */
  decision?: Pick<Decision, 'adopted' | 'clauses' | 'body' | 'category'>;
  ratification: { required: boolean; by: string[]; blockedBy: string[] };
  outcome: 'admitted' | 'blocked' | 'not-eligible' | 'already-member';
  summary: string;
  manifest: Manifest;
}

/** The outcome of an application to join `charter`: eligibility, who may object, the vote, and ratification. */
export function evaluateAccession(input: AccessionInput): AccessionOutcome {
  const { charter, applicant } = input;
  const date = input.date ?? charter.reference_date;
  if (!isStateId(applicant)) stateById(applicant); // throws a clear error with suggestions
  const institution = institutionOn(charter, date);
  const memberIds = institution.members.filter((m) => m.attributes.kind === 'state').map((m) => m.id);
  const base = { charter: charter.id, applicant, date, manifest: manifestFor(charter, date) };
  const objections = [...new Set(input.objections ?? [])];
  if (memberIds.includes(applicant)) {
    return {
      ...base,
      eligible: false,
      reasons: [`${applicant} is already a member of ${charter.id} on ${date}`],
      objectionRights: [],
      counted: [],
      ignored: objections,
      ratification: { required: false, by: [], blockedBy: [] },
      outcome: 'already-member',
      summary: `${applicant} is already a member of ${charter.id} on ${date}.`,
    };
  }
  const reasons = eligibilityReasons(charter, applicant);
  const own = ownRight(
    charter,
    institution.members.map((m) => m.id),
  );
  const rights = [own, ...(input.alongside ?? []).flatMap((other) => allianceRight(other, date))];
  const counted = rights.map((r) => ({
    charter: r.charter,
    ids: objections.filter((id) => r.ids.includes(id)),
  }));
  const ignored = objections.filter((id) => !rights.some((r) => r.ids.includes(id)));
  const decision = charter.accession.decided_by ? decide(charter, date, objections) : undefined;
  const ratificationRequired = charter.accession.ratification === 'all-members';
  const blockedBy = ratificationRequired ? objections.filter((id) => memberIds.includes(id)) : [];
  const eligible = reasons.length === 0;
  const blockers = counted.flatMap((c) => c.ids);
  const blocked =
    (decision ? !decision.adopted : blockers.length > 0) ||
    blockedBy.length > 0 ||
    counted.slice(1).some((c) => c.ids.length > 0);
  const outcome = !eligible ? 'not-eligible' : blocked ? 'blocked' : 'admitted';
  return {
    ...base,
    eligible,
    reasons,
    objectionRights: rights,
    counted,
    ignored,
    ...(decision ? { decision } : {}),
    ratification: { required: ratificationRequired, by: ratificationRequired ? memberIds : [], blockedBy },
    outcome,
    summary: summarise(outcome, applicant, charter, counted, reasons),
  };
}

function eligibilityReasons(charter: Charter, applicant: string): string[] {
  const rule = charter.accession.eligible;
  if (!rule) return [];
  const state = isStateId(applicant) ? stateById(applicant) : undefined;
  const attrs: Record<string, string> = state
    ? { region: state.region.value, subregion: state.subregion.value }
    : {};
  return Object.entries(rule)
    .filter(([k, want]) => ![want].flat().includes(attrs[k] ?? ''))
    .map(
      ([k, want]) =>
        `${applicant} has ${k} "${attrs[k] ?? 'unknown'}", but ${charter.id} is open to ${[want].flat().join(' or ')} (${charter.accession.cite})`,
    );
}

function ownRight(charter: Charter, memberIds: string[]): ObjectionRight {
  const who = charter.accession.objectors;
  return {
    charter: charter.id,
    who,
    ids: who === 'none' ? [] : memberIds,
    basis: charter.accession.open_to,
    cite: charter.accession.cite,
  };
}

/** Charters whose parties claim a say over other states' alliance choices (the est-2009 reading in seed 004). */
function allianceRight(other: Charter, date: string): ObjectionRight[] {
  const claim = other.alliance_choice;
  if (!claim?.others_may_object || claim.who === 'none') return [];
  const ids = institutionOn(other, date).members.map((m) => m.id);
  return [{ charter: other.id, who: 'parties', ids, basis: claim.basis, cite: claim.cite }];
}

function decide(charter: Charter, date: string, objections: string[]): AccessionOutcome['decision'] {
  const ref = charter.accession.decided_by!;
  const ballots = Object.fromEntries(
    institutionOn(charter, date).members.map(
      (m) => [m.id, objections.includes(m.id) ? 'no' : 'yes'] as const,
    ),
  );
  const d = evaluate({ charter, body: ref.body, category: ref.category, ballots, date });
  return { adopted: d.adopted, clauses: d.clauses, body: d.body, category: d.category };
}

function summarise(
  outcome: AccessionOutcome['outcome'],
  applicant: string,
  charter: Charter,
  counted: { charter: string; ids: string[] }[],
  reasons: string[],
): string {
  if (outcome === 'not-eligible') return `${applicant} is not eligible: ${reasons.join('; ')}.`;
  if (outcome === 'admitted')
    return `${applicant} would be admitted to ${charter.id}: no objection that counts under its rules (${charter.accession.cite}).`;
  const by = counted
    .filter((c) => c.ids.length > 0)
    .map(
      (c) =>
        `${c.ids.join(', ')} (under ${c.charter}${c.charter === charter.id ? '' : ', as if it were in force alongside'})`,
    );
  return `${applicant}'s accession to ${charter.id} is blocked by ${by.join('; ')}.`;
}
