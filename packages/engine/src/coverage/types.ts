import type { Confidence, IsoDate, StateId } from '../world/index.ts';

export interface CoverageOptions {
  /** Also count bilateral mutual-defence treaties (default false: multilateral clauses only). */
  includeBilateral?: boolean;
}

/** One legally binding clause that protects a state on a date, and the link through which it does. */
export interface Guarantee {
  /** Defence clause id, e.g. "nato-art5". */
  clause: string;
  title: string;
  nature: 'obligation' | 'right';
  kind: 'multilateral' | 'bilateral';
  /** The organisation whose membership brings the clause (multilateral), or the partner state(s) (bilateral). */
  via: string;
  /**
   * 'member' or 'suspended' for multilateral clauses ('suspended': participation frozen but still a party, so the
   * clause is counted and flagged); 'party' for bilateral treaties.
   */
  standing: 'member' | 'suspended' | 'party';
  /** Date the membership or treaty that brings the guarantee began. */
  since: IsoDate;
  confidence?: Confidence;
  /** Limits of the guarantee worth showing next to it (neutrality clause, frozen participation …). */
  caveats: string[];
}

export interface StateCoverage {
  id: StateId;
  guarantees: Guarantee[];
}

export interface Coverage {
  date: IsoDate;
  includeBilateral: boolean;
  /** Every OSCE participating State on the date, sorted by id, with its guarantees (possibly none). */
  states: StateCoverage[];
  /** Participating States with no guarantee, sorted by id. */
  uncovered: StateId[];
  /** One sentence per participating State: why it is covered or why not. */
  explanations: Record<StateId, string>;
}
