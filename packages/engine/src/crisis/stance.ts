// The stance model: each member's probability of supporting each rung of a ladder. A scenario names a profile
// for each member (or gives the numbers); parties take the profile of their role. The built-in profiles are
// Concert's assumptions, stated here and in docs/crisis.md, not findings: support falls as measures grow more
// forceful, faster for hesitant members.
import type { PartyRole, RungKind } from '../charter/schema.ts';
import type { Scenario } from './scenario.ts';

export type KindProbabilities = Partial<Record<RungKind, number>>;

const AFFECTED = {
  consultations: 0.99,
  diplomatic: 0.99,
  economic: 0.99,
  monitoring: 0.99,
  'peace-keeping': 0.99,
  military: 0.99,
};
const OPPOSED = {
  consultations: 0.05,
  diplomatic: 0.01,
  economic: 0.01,
  monitoring: 0.05,
  'peace-keeping': 0.02,
  military: 0.01,
};

/** `target` and `aggressor` are the profiles of those roles; `affected` and `opposed` are the same numbers
 * under names that attribute nothing, for scenarios whose parties blame each other. */
export const STANCE_PROFILES: Record<string, Record<RungKind, number>> = {
  target: AFFECTED,
  affected: AFFECTED,
  aggressor: OPPOSED,
  opposed: OPPOSED,
  'aggressor-aligned': {
    consultations: 0.5,
    diplomatic: 0.15,
    economic: 0.05,
    monitoring: 0.3,
    'peace-keeping': 0.1,
    military: 0.02,
  },
  supportive: {
    consultations: 0.99,
    diplomatic: 0.95,
    economic: 0.85,
    monitoring: 0.9,
    'peace-keeping': 0.75,
    military: 0.65,
  },
  neutral: {
    consultations: 0.97,
    diplomatic: 0.85,
    economic: 0.6,
    monitoring: 0.8,
    'peace-keeping': 0.5,
    military: 0.35,
  },
  hesitant: {
    consultations: 0.9,
    diplomatic: 0.6,
    economic: 0.3,
    monitoring: 0.6,
    'peace-keeping': 0.25,
    military: 0.12,
  },
};

const ROLE_PROFILE: Record<PartyRole, string> = {
  aggressor: 'aggressor',
  target: 'target',
  involved: 'neutral',
};

/** The probability that `member` supports a rung of `kind` in `scenario`. */
export function supportProbability(scenario: Scenario, member: string, kind: RungKind): number {
  const explicit = scenario.stances.members[member]?.[kind];
  if (explicit !== undefined) return explicit;
  const profile = profileOf(scenario, member);
  const numbers = { ...STANCE_PROFILES[profile], ...scenario.stances.profiles[profile] };
  return numbers[kind] ?? STANCE_PROFILES.neutral![kind];
}

/** The profile a member takes: its stated alignment, else its role as a party, else the scenario's default. */
export function profileOf(scenario: Scenario, member: string): string {
  const aligned = scenario.stances.alignments[member];
  if (aligned) return aligned;
  const party = scenario.parties.find((p) => p.id === member);
  if (party) return ROLE_PROFILE[party.role];
  return scenario.stances.default;
}

/**
 * The standard normal quantile Φ⁻¹(p) (Acklam's rational approximation, relative error below 1.2e-9), so that a
 * member's probability of support becomes a threshold on a correlated normal draw.
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}
