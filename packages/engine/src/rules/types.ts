// The rule language: composable expressions that say when a body's decision is adopted. The operator names
// (`quota`, `all`, `any`, `not`, `unanimous`, `consensus`, `groups`, `quorum`) are part of Concert's public
// charter and game-file format; see docs/charter-language.md.

/** A member's position in a ballot. `absent` means not present (and so outside `present` and `voting` bases). */
export type Vote = 'yes' | 'no' | 'abstain' | 'absent';
export const VOTES: readonly Vote[] = ['yes', 'no', 'abstain', 'absent'];

/** A threshold: an absolute number, a percentage ("65%") or a fraction ("2/3") of the base's total. */
export type Bound = number | string;

/** Attribute filter: every listed attribute must equal the value (or one of the values). */
export type Filter = Record<string, AttributeValue | AttributeValue[]>;
export type AttributeValue = string | number | boolean;

/** Which members' weight forms the denominator of a percentage. */
export type Base = 'members' | 'present' | 'voting';
/** Whose weight is summed: the yes-side by default; other sides express blocking minorities and quorums. */
export type Side = 'yes' | 'no' | 'abstain' | 'not_yes' | 'present';

export interface Annotations {
  /** Short name shown in traces ("Member states", "Population"). */
  label?: string;
  /** Article or seed passage this clause encodes. Inherits the category's citation when absent. */
  cite?: string;
  /** Why this clause is as it is (used for design choices the source leaves open). */
  rationale?: string;
}

export interface QuotaSpec {
  weight: string; // "count" or a numeric attribute
  at_least?: Bound;
  more_than?: Bound;
  of?: Base;
  side?: Side;
  where?: Filter;
}

export type Rule = Annotations &
  (
    | { quota: QuotaSpec }
    | { quorum: { weight: string; at_least?: Bound; more_than?: Bound; where?: Filter } }
    | { all: Rule[] }
    | { any: Rule[] }
    | { not: Rule }
    | { unanimous: { where?: Filter } }
    | { consensus: { where?: Filter } }
    | { groups: { by: string; rule: Rule; at_least: number; where?: Filter } }
  );

export const RULE_OPERATORS = [
  'quota',
  'quorum',
  'all',
  'any',
  'not',
  'unanimous',
  'consensus',
  'groups',
] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

export function operatorOf(rule: Rule): RuleOperator {
  for (const op of RULE_OPERATORS) if (op in rule) return op;
  throw new Error(`not a rule: ${JSON.stringify(rule)}`);
}
