/** The shapes the disputes view reads from the platform's API (packages/server/src/routes/disputes.ts). */
import type { CaseState, DisputeEvent, NeutralCandidates } from '@concert/engine';

export type { CaseState, DisputeEvent, NeutralCandidates };

/** One case in the registry (`GET /api/disputes?institution=`). */
export interface CaseSummary {
  id: number;
  institution: string;
  charter: string;
  charterHash: string;
  title: string | null;
  parties: string[];
  subject: string;
  filed: string;
  status: CaseState['status'];
  step: string | null;
  asOf: string;
}

/** A row of the registry: the summary with the step's title and the engine's next deadline on `asOf`. */
export interface CaseListEntry extends CaseSummary {
  stepTitle: string | null;
  nextDeadline: { id: string; what: string; due: string; cite: string } | null;
}

/** One case with its stored events and the engine's state (`GET /api/disputes/:id?asOf=`). */
export interface CaseDetail extends CaseSummary {
  state: CaseState;
  events: { position: number; event: DisputeEvent; actor: string; recordedAt: string }[];
}

export type MediatorList = NeutralCandidates & { case: number; procedure: string };
