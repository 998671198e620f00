// A dispute case is an append-only list of events; its state is what replaying them under a charter's procedure
// gives on a date. The server stores the events; everything else is derived.
import type { DisputeSubject } from '../charter/disputes-schema.ts';
import type { IsoDate } from '../world/index.ts';

/** Every event has a date; `by` names who acts: a party's state id, a body id, "tribunal", "authority" … */
interface EventBase {
  date: IsoDate;
  note?: string;
}

export type DisputeEvent =
  | (EventBase & {
      type: 'file';
      by: string;
      parties: string[];
      subject: DisputeSubject;
      title?: string;
    })
  | (EventBase & { type: 'open-step'; step: string; by: string | string[] })
  | (EventBase & { type: 'propose-mediator'; by: string; mediator: string })
  | (EventBase & { type: 'draw-mediator'; by: string; seed: number })
  | (EventBase & {
      type: 'appoint-arbitrator';
      by: string;
      arbitrator: string;
      role: 'party' | 'presiding';
      /** When the fallback authority fills a party's seat: that party. */
      for?: string;
    })
  | (EventBase & { type: 'report'; by?: string })
  | (EventBase & { type: 'award'; by?: string; in_favour_of?: string; summary?: string })
  | (EventBase & { type: 'comply'; by: string })
  | (EventBase & { type: 'report-non-compliance'; by: string; against: string })
  | (EventBase & { type: 'settle'; by: string | string[]; summary?: string })
  | (EventBase & { type: 'escalate'; by: string })
  | (EventBase & { type: 'withdraw'; by: string })
  | (EventBase & { type: 'deadline'; by?: string; deadline: string });

export type DisputeEventType = DisputeEvent['type'];

export const DISPUTE_EVENT_TYPES: readonly DisputeEventType[] = [
  'file',
  'open-step',
  'propose-mediator',
  'draw-mediator',
  'appoint-arbitrator',
  'report',
  'award',
  'comply',
  'report-non-compliance',
  'settle',
  'escalate',
  'withdraw',
  'deadline',
];

export type CaseStatus =
  /** Nothing filed yet. */
  | 'not-filed'
  /** A step of the procedure is under way. */
  | 'in-step'
  /** A step failed or was escalated; the next may be opened. */
  | 'awaiting-step'
  /** An award or binding decision stands; the compliance period runs. */
  | 'awaiting-compliance'
  | 'settled'
  | 'complied'
  | 'withdrawn'
  /** Non-compliance was reported and the matter referred to the charter's body. */
  | 'referred'
  /** Every step failed; the procedure has nothing left. */
  | 'exhausted';

export interface Arbitrator {
  arbitrator: string;
  role: 'party' | 'presiding';
  appointedBy: string;
  /** The party whose seat the fallback authority filled. */
  onBehalfOf?: string;
  date: IsoDate;
}

export interface StepState {
  id: string;
  kind: string;
  title: string;
  opened: IsoDate;
  /** End of the mandated period or deadline of the step. */
  due?: IsoDate;
  binding: boolean;
  mediator?: string;
  proposals: { by: string; mediator: string; date: IsoDate }[];
  arbitrators: Arbitrator[];
  constituted?: IsoDate;
  report?: { date: IsoDate; acceptBy?: IsoDate };
  cite: string;
}

export interface Deadline {
  id: string;
  what: string;
  due: IsoDate;
  /** True when `asOf` is after the due date. */
  passed: boolean;
  cite: string;
}

export interface AllowedAction {
  type: DisputeEventType;
  by: string;
  detail: string;
  from?: IsoDate;
  until?: IsoDate;
  cite: string;
}

export interface TimelineEntry {
  date: IsoDate;
  kind: 'event' | 'deadline';
  type: string;
  text: string;
  cite: string;
}

export interface StepRecord {
  step: string;
  opened: IsoDate;
  closed: IsoDate;
  outcome: 'settled' | 'failed' | 'escalated' | 'withdrawn' | 'awarded';
  effect: 'binding' | 'non-binding' | 'none';
}

export interface CaseState {
  charter: string;
  asOf: IsoDate;
  status: CaseStatus;
  title?: string;
  parties: string[];
  claimant?: string;
  subject?: DisputeSubject;
  filed?: IsoDate;
  step?: StepState;
  /** The step that may be opened next when `status` is awaiting-step. */
  nextStep?: string;
  award?: { date: IsoDate; binding: boolean; inFavourOf?: string; complyBy?: IsoDate; step: string };
  outcome?: {
    kind: StepRecord['outcome'] | 'referred' | 'complied' | 'exhausted';
    date: IsoDate;
    effect: string;
  };
  steps: StepRecord[];
  deadlines: Deadline[];
  allowed: AllowedAction[];
  timeline: TimelineEntry[];
}

/** An event the procedure does not allow, with the reason and, where it helps, what would be allowed. */
export class DisputeError extends Error {
  constructor(
    message: string,
    /** Index of the offending event in the list, when replaying. */
    readonly index: number | undefined,
    readonly hint = '',
  ) {
    super(message);
    this.name = 'DisputeError';
  }
}
