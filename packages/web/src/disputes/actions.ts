// The form for "record the next event": which fields each procedure action needs, and who may act. The server
// (and through it the engine) decides whether the action is allowed; the form only asks for what it must send.
import type { User } from '../api.ts';
import type { CaseState, DisputeEvent } from './types.ts';

export type ActionType = Exclude<DisputeEvent['type'], 'file'>;

export const ACTION_LABELS: Record<ActionType, string> = {
  'open-step': 'Open the next step',
  'propose-mediator': 'Propose a mediator',
  'draw-mediator': 'Draw a mediator by lot',
  'appoint-arbitrator': 'Appoint an arbitrator',
  report: "Issue the mediator's or conciliator's report",
  award: 'Render the award or decision',
  comply: 'Record compliance',
  'report-non-compliance': 'Report non-compliance',
  settle: 'Record a settlement',
  escalate: 'Declare the step failed (escalate)',
  withdraw: 'Withdraw the case',
  deadline: 'Record a deadline that passed',
};

export const ACTION_TYPES = Object.keys(ACTION_LABELS) as ActionType[];

/** The fields of the form besides date, `by` and note. */
export type Field =
  | 'step'
  | 'mediator'
  | 'seed'
  | 'arbitrator'
  | 'role'
  | 'for'
  | 'in_favour_of'
  | 'against'
  | 'deadline';

export const FIELDS: Record<ActionType, Field[]> = {
  'open-step': ['step'],
  'propose-mediator': ['mediator'],
  'draw-mediator': ['seed'],
  'appoint-arbitrator': ['arbitrator', 'role', 'for'],
  report: [],
  award: ['in_favour_of'],
  comply: [],
  'report-non-compliance': ['against'],
  settle: [],
  escalate: [],
  withdraw: [],
  deadline: ['deadline'],
};

export type Draft = { type: ActionType; date: string; by: string; note: string } & Partial<
  Record<Field, string>
>;

/** The state id a delegate acts for in `institution`, if any ("continental:SVN" → "SVN"). */
export function ownState(user: User, institution: string): string | undefined {
  if (user.role !== 'delegate' || user.institution !== institution || !user.delegation) return undefined;
  return user.delegation.slice(institution.length + 1);
}

/**
 * Whether the user gets the action form: the secretariat and the presidency (the fallback authority, a body)
 * always, a delegate when its state is a party. Observers and other delegations only read.
 */
export function canAct(user: User, institution: string, parties: string[]): boolean {
  if (user.role === 'secretariat' || user.role === 'presidency') return true;
  const own = ownState(user, institution);
  return own !== undefined && parties.includes(own);
}

/** Filing: a member's delegation (as a party) or the secretariat. */
export function canFile(user: User, institution: string): boolean {
  return user.role === 'secretariat' || ownState(user, institution) !== undefined;
}

/** A first guess at `by` for an action: the delegate's own state, else the engine's actor when it is one id. */
export function defaultBy(user: User, institution: string, state: CaseState, type: ActionType): string {
  const own = ownState(user, institution);
  if (own) return own;
  if (user.role === 'presidency') return 'authority';
  const allowed = state.allowed.find((a) => a.type === type);
  if (type === 'settle') return state.parties.join(', ');
  if (allowed && /^[A-Za-z-]+$/.test(allowed.by) && allowed.by !== 'any-party') return allowed.by;
  if (type === 'report') return 'mediator';
  if (type === 'award') return 'tribunal';
  return state.claimant ?? state.parties[0] ?? '';
}

/** The event to POST: `by` with commas becomes a list (joint acts), empty optional fields are left out. */
export function eventOf(d: Draft): Record<string, unknown> {
  const event: Record<string, unknown> = { type: d.type, date: d.date };
  const by = d.by
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (by.length > 1) event.by = by;
  else if (by.length === 1) event.by = by[0];
  for (const field of FIELDS[d.type]) {
    const value = d[field]?.trim();
    if (!value) continue;
    event[field] = field === 'seed' ? Number(value) : value;
  }
  if (d.note.trim()) event.note = d.note.trim();
  return event;
}
