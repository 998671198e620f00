// What every transition shares: the working state, the context, and how an event is recorded and checked.
import type { DisputeStep, Disputes } from '../charter/disputes-schema.ts';
import type { Charter } from '../charter/schema.ts';
import { type IsoDate, isStateId, stateById } from '../world/index.ts';
import { type NeutralityOptions, partialityReasons } from './neutrality.ts';
import { stepById } from './procedure.ts';
import { type CaseState, DisputeError, type DisputeEvent } from './types.ts';

/** The working state while replaying: the public state plus what the rules need to remember. */
export interface Work extends CaseState {
  lastDate?: IsoDate;
  compliedBy: string[];
}

export type Handler<E extends DisputeEvent['type']> = (
  w: Work,
  e: Extract<DisputeEvent, { type: E }>,
  ctx: Context,
) => void;

export interface Context {
  charter: Charter;
  procedure: Disputes;
  /** Land neighbours for the neutrality test (the territory registry with its accepted changes). */
  neighboursOf?: NeutralityOptions['neighboursOf'];
}

/** The neutrality options a case's context implies: its registry's land neighbours, when it has one. */
export function neutralityOf(ctx: Context): NeutralityOptions {
  return ctx.neighboursOf ? { neighboursOf: ctx.neighboursOf } : {};
}

export function needStep(w: Work, ctx: Context, type: string): DisputeStep {
  if (!w.step) throw new DisputeError(`"${type}" needs a step under way`, undefined);
  return stepById(ctx.procedure, w.step.id)!;
}

export function mustBeParty(w: Work, id: string): void {
  if (!w.parties.includes(id))
    throw new DisputeError(`${id} is not a party (parties: ${w.parties.join(', ')})`, undefined);
}

export function neutralOrFail(ctx: Context, id: string, w: Work, required: boolean): void {
  if (!required) return;
  const reasons = partialityReasons(ctx.charter, id, w.parties, w.filed!, neutralityOf(ctx));
  if (reasons.length > 0)
    throw new DisputeError(`${name(id)} is not neutral: ${reasons.join('; ')}`, undefined);
}

export function event(w: Work, e: DisputeEvent, text: string, cite: string): void {
  w.timeline.push({
    date: e.date,
    kind: 'event',
    type: e.type,
    text: e.note ? `${text} — ${e.note}` : text,
    cite,
  });
}

export function name(id: string): string {
  return isStateId(id) ? stateById(id).name : id;
}
