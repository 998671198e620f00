// Disputes: charters' settlement procedures run as cases (append-only events replayed into a state with
// deadlines), and neutral third states (mediators, presiding arbitrators, observers). docs/disputes.md.
export { allowedActions, currentDeadlines, nextDeadline } from './actions.ts';
export { addDays, daysBetween } from './calendar.ts';
export { type CaseOptions, caseState, tryEvent } from './case.ts';
export {
  type CaseFile,
  caseFileSchema,
  disputeEventSchema,
  locateDisputeError,
  parseCaseFile,
} from './case-file.ts';
export {
  DEFAULT_NEUTRALITY,
  type Exclusion,
  lot,
  type NeutralCandidates,
  type NeutralityOptions,
  neutralCandidates,
  partialityReasons,
} from './neutrality.ts';
export { appliesTo, effectOf, nextStepFor, procedureOf, stepById } from './procedure.ts';
export * from './types.ts';
