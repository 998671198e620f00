// Replaying a dispute case: a typed transition table over (status, event type), with deadlines that pass on
// their own as time advances. `caseState` is a pure function of the charter, the events and a date, so a server
// can store only the events (append-only) and derive everything else.

import type { DisputeStep } from '../charter/disputes-schema.ts';
import { institutionOn } from '../charter/institution.ts';
import type { Charter } from '../charter/schema.ts';
import { assertIsoDate, type IsoDate, isIsoDate } from '../world/index.ts';
import { allowedActions, currentDeadlines } from './actions.ts';
import { onAppointArbitrator, onAward, onComply, onNonCompliance } from './arbitration.ts';
import { addDays } from './calendar.ts';
import { type Context, event, type Handler, mustBeParty, name, needStep, type Work } from './case-record.ts';
import { onDrawMediator, onProposeMediator, onReport } from './mediation.ts';
import {
  appliesTo,
  effectOf,
  nextStepFor,
  openableOutOfTurn,
  procedureOf,
  starterProblem,
  stepById,
} from './procedure.ts';
import { type CaseState, type CaseStatus, DisputeError, type DisputeEvent, type StepState } from './types.ts';

export type { Work };

type Table = { [S in CaseStatus]?: { [E in DisputeEvent['type']]?: Handler<E> } };

/** What a replay may take besides the charter: the land neighbours the territory registry gives. */
export interface CaseOptions {
  /**
   * Land neighbours of a state on a date, for every neutrality test of the case (mediators, presiding
   * arbitrators). Default: the world data; pass the registry's (territory `landNeighbours`) so accepted border
   * changes count.
   */
  neighboursOf?: (id: string, date: IsoDate) => string[];
}

/**
 * Replays `events` and returns the state on `asOf` (default: the last event's date); events dated after `asOf`
 * are not yet part of the record. Throws DisputeError naming the first event the procedure does not allow, and
 * the first event dated before its predecessor (whatever `asOf`: a record out of order is wrong on every date).
 */
export function caseState(
  charter: Charter,
  events: readonly DisputeEvent[],
  asOf?: IsoDate,
  options: CaseOptions = {},
): CaseState {
  const ctx: Context = {
    charter,
    procedure: procedureOf(charter),
    ...(options.neighboursOf ? { neighboursOf: options.neighboursOf } : {}),
  };
  const w = initial(charter);
  if (asOf !== undefined) assertDate(asOf);
  checkOrder(events);
  events.forEach((event, index) => {
    if (asOf !== undefined && typeof event.date === 'string' && event.date > asOf) return;
    try {
      apply(w, event, ctx);
    } catch (e) {
      if (e instanceof DisputeError) throw new DisputeError(e.message, index, e.hint);
      throw e;
    }
  });
  const until = asOf ?? w.lastDate ?? charter.reference_date;
  advance(w, until, ctx);
  w.asOf = until;
  w.deadlines = currentDeadlines(w, ctx.procedure, until);
  w.allowed = allowedActions(w, ctx, until);
  const { lastDate: _l, compliedBy: _c, ...state } = w;
  return state;
}

/**
 * Whether one more event would be accepted: what a server checks before appending it. An event dated before
 * the case's last event is refused (replaying up to its date would otherwise leave the later events out).
 */
export function tryEvent(
  charter: Charter,
  events: readonly DisputeEvent[],
  next: DisputeEvent,
  options: CaseOptions = {},
): { ok: true; state: CaseState } | { ok: false; reason: string; hint: string } {
  try {
    return { ok: true, state: caseState(charter, [...events, next], next.date, options) };
  } catch (e) {
    if (e instanceof DisputeError && e.index === events.length)
      return { ok: false, reason: e.message, hint: e.hint };
    throw e;
  }
}

/** The first event dated before the one preceding it, as a DisputeError with its index. */
function checkOrder(events: readonly DisputeEvent[]): void {
  let last: { date: string; index: number } | undefined;
  for (const [index, e] of events.entries()) {
    if (!isIsoDate(e.date)) continue;
    if (last && e.date < last.date)
      throw new DisputeError(
        `event ${index + 1} ("${e.type}", dated ${e.date}) is dated before the case's last event (event ${last.index + 1}, dated ${last.date})`,
        index,
        'a case is an append-only record: events are dated on or after the last one',
      );
    if (!last || e.date >= last.date) last = { date: e.date, index };
  }
}

function initial(charter: Charter): Work {
  return {
    charter: charter.id,
    asOf: charter.reference_date,
    status: 'not-filed',
    parties: [],
    steps: [],
    deadlines: [],
    allowed: [],
    timeline: [],
    compliedBy: [],
  };
}

function apply(w: Work, e: DisputeEvent, ctx: Context): void {
  assertDate(e.date);
  advance(w, e.date, ctx);
  const handler = TABLE[w.status]?.[e.type] as Handler<typeof e.type> | undefined;
  if (!handler) {
    const allowed = allowedActions(w, ctx, e.date).map((a) => a.type);
    throw new DisputeError(
      `"${e.type}" is not allowed while the case is ${describeStatus(w)}`,
      undefined,
      allowed.length ? `allowed now: ${[...new Set(allowed)].join(', ')}` : 'the case is closed',
    );
  }
  handler(w, e as never, ctx);
  w.lastDate = e.date;
}

// ─── deadlines that pass on their own ────────────────────────────────────────────────────────────────────────

/** Lets time run to `date`: a step whose period (or acceptance period) ended the day before fails. */
function advance(w: Work, date: IsoDate, ctx: Context): void {
  for (;;) {
    if (w.status !== 'in-step' || !w.step) return;
    const end = w.step.report?.acceptBy ?? (w.step.report ? undefined : w.step.due);
    if (end === undefined || end >= date) return;
    const what = w.step.report ? 'The period to accept the report' : 'The period of the step';
    w.timeline.push({
      date: addDays(end, 1),
      kind: 'deadline',
      type: 'deadline',
      text: `${what} (${w.step.title}) ended on ${end} without a settlement: the step failed`,
      cite: w.step.cite,
    });
    closeStep(w, addDays(end, 1), 'failed', ctx);
  }
}

function closeStep(w: Work, date: IsoDate, outcome: 'failed' | 'escalated', ctx: Context): void {
  const step = w.step!;
  w.steps.push({ step: step.id, opened: step.opened, closed: date, outcome, effect: 'none' });
  const next = nextStepFor(ctx.procedure, stepById(ctx.procedure, step.id)!, w.subject!);
  w.step = undefined;
  if (next) {
    w.status = 'awaiting-step';
    w.nextStep = next.id;
  } else if (openableOutOfTurn(ctx.procedure, w.subject!).length > 0) {
    w.status = 'awaiting-step';
    w.nextStep = undefined;
  } else {
    w.status = 'exhausted';
    w.outcome = { kind: 'exhausted', date, effect: 'none: every step of the procedure has been tried' };
  }
}

function openStep(w: Work, step: DisputeStep, date: IsoDate): void {
  const state: StepState = {
    id: step.id,
    kind: step.kind,
    title: step.title,
    opened: date,
    binding: step.binding,
    proposals: [],
    arbitrators: [],
    cite: step.cite,
  };
  if (step.period_days) state.due = addDays(date, step.period_days);
  w.step = state;
  w.status = 'in-step';
  w.nextStep = undefined;
}

// ─── the transition table ────────────────────────────────────────────────────────────────────────────────────

const TABLE: Table = {
  'not-filed': { file: onFile },
  'in-step': {
    'propose-mediator': onProposeMediator,
    'draw-mediator': onDrawMediator,
    'appoint-arbitrator': onAppointArbitrator,
    report: onReport,
    award: onAward,
    settle: onSettle,
    escalate: onEscalate,
    withdraw: onWithdraw,
    deadline: onDeadline,
  },
  'awaiting-step': { 'open-step': onOpenStep, settle: onSettle, withdraw: onWithdraw, deadline: onDeadline },
  'awaiting-compliance': { comply: onComply, 'report-non-compliance': onNonCompliance, deadline: onDeadline },
};

function onFile(w: Work, e: Extract<DisputeEvent, { type: 'file' }>, ctx: Context): void {
  const parties = [...new Set(e.parties)];
  if (parties.length < 2) throw new DisputeError('a dispute needs at least two distinct parties', undefined);
  const members = new Set(institutionOn(ctx.charter, e.date).members.map((m) => m.id));
  for (const p of parties) {
    if (!members.has(p))
      throw new DisputeError(
        `${p} is not a member of ${ctx.charter.id} on ${e.date}`,
        undefined,
        `concert members ${ctx.charter.id} --date ${e.date}`,
      );
  }
  if (!parties.includes(e.by)) throw new DisputeError(`the case is filed by a party, not ${e.by}`, undefined);
  if (!ctx.procedure.subjects.includes(e.subject))
    throw new DisputeError(
      `the procedure of ${ctx.charter.id} does not cover ${e.subject} disputes`,
      undefined,
      `subjects: ${ctx.procedure.subjects.join(', ')}`,
    );
  const first = stepById(ctx.procedure, ctx.procedure.first)!;
  Object.assign(w, { parties, claimant: e.by, subject: e.subject, filed: e.date, title: e.title });
  openStep(w, first, e.date);
  event(
    w,
    e,
    `${name(e.by)} files a ${e.subject} dispute against ${others(parties, e.by)}; ${first.title} opens`,
    ctx.procedure.cite,
  );
}

function onOpenStep(w: Work, e: Extract<DisputeEvent, { type: 'open-step' }>, ctx: Context): void {
  const step = stepById(ctx.procedure, e.step);
  if (!step)
    throw new DisputeError(
      `no step "${e.step}"`,
      undefined,
      `steps: ${ctx.procedure.steps.map((s) => s.id).join(', ')}`,
    );
  if (!appliesTo(step, w.subject!))
    throw new DisputeError(
      `step "${step.id}" does not cover ${w.subject} disputes (${step.cite})`,
      undefined,
    );
  const outOfTurn = openableOutOfTurn(ctx.procedure, w.subject!).some((s) => s.id === step.id);
  if (step.id !== w.nextStep && !outOfTurn)
    throw new DisputeError(
      `step "${step.id}" cannot be opened now: ${w.nextStep ? `the next step is "${w.nextStep}"` : 'no step follows'}`,
      undefined,
      'steps follow the order of the charter (concert dispute procedure <charter>)',
    );
  const problem = starterProblem(step, e.by, w.parties);
  if (problem) throw new DisputeError(problem, undefined, step.cite);
  openStep(w, step, e.date);
  event(
    w,
    e,
    `${[e.by].flat().map(name).join(' and ')} open${[e.by].flat().length > 1 ? '' : 's'} ${step.title}`,
    step.cite,
  );
}

function onSettle(w: Work, e: Extract<DisputeEvent, { type: 'settle' }>, ctx: Context): void {
  const who = [e.by].flat();
  const missing = w.parties.filter((p) => !who.includes(p));
  if (missing.length > 0)
    throw new DisputeError(
      `a settlement needs every party; missing ${missing.join(', ')}`,
      undefined,
      `by: [${w.parties.join(', ')}]`,
    );
  const step = w.step ? stepById(ctx.procedure, w.step.id)! : undefined;
  const effect = step ? effectOf(step) : 'binding';
  if (w.step)
    w.steps.push({ step: w.step.id, opened: w.step.opened, closed: e.date, outcome: 'settled', effect });
  w.step = undefined;
  w.nextStep = undefined;
  w.status = 'settled';
  // A settlement in a step that does not bind is still the parties' agreement; the charter adds no force to it.
  w.outcome = {
    kind: 'settled',
    date: e.date,
    effect:
      effect === 'binding'
        ? 'binding'
        : "non-binding (the parties' agreement; the step itself does not bind)",
  };
  event(
    w,
    e,
    `The parties settle${step ? ` in ${step.title}` : ''} (${effect})`,
    step?.cite ?? ctx.procedure.cite,
  );
}

function onEscalate(w: Work, e: Extract<DisputeEvent, { type: 'escalate' }>, ctx: Context): void {
  const step = needStep(w, ctx, 'escalate');
  mustBeParty(w, e.by);
  if (step.kind === 'arbitration' || step.kind === 'adjudication')
    throw new DisputeError(`${step.title} binds: a party cannot walk away from it`, undefined, step.cite);
  if (step.kind === 'negotiation' && w.step!.due && e.date <= w.step!.due)
    throw new DisputeError(
      `the negotiation period is mandated until ${w.step!.due}; escalation is possible from ${addDays(w.step!.due, 1)}`,
      undefined,
      step.cite,
    );
  event(w, e, `${name(e.by)} declares ${step.title} failed and escalates`, step.cite);
  closeStep(w, e.date, 'escalated', ctx);
}

function onWithdraw(w: Work, e: Extract<DisputeEvent, { type: 'withdraw' }>, ctx: Context): void {
  if (e.by !== w.claimant)
    throw new DisputeError(`only the claimant (${w.claimant}) can withdraw the case`, undefined);
  if (w.step)
    w.steps.push({
      step: w.step.id,
      opened: w.step.opened,
      closed: e.date,
      outcome: 'withdrawn',
      effect: 'none',
    });
  w.step = undefined;
  w.nextStep = undefined;
  w.status = 'withdrawn';
  w.outcome = { kind: 'withdrawn', date: e.date, effect: 'none' };
  event(w, e, `${name(e.by)} withdraws the case`, ctx.procedure.cite);
}

function onDeadline(w: Work, e: Extract<DisputeEvent, { type: 'deadline' }>, ctx: Context): void {
  const known = currentDeadlines(w, ctx.procedure, e.date);
  const last = w.steps.at(-1);
  // A step that failed when its period ran out: its deadline may still be recorded explicitly.
  if (
    w.status === 'awaiting-step' &&
    last?.outcome === 'failed' &&
    ['step-period', 'report-acceptance'].includes(e.deadline)
  ) {
    event(
      w,
      e,
      `Recorded: the ${e.deadline} of step "${last.step}" had passed; the step failed on ${last.closed}`,
      ctx.procedure.cite,
    );
    return;
  }
  const d = known.find((x) => x.id === e.deadline);
  if (!d)
    throw new DisputeError(
      `no deadline "${e.deadline}" is running`,
      undefined,
      `running: ${known.map((x) => x.id).join(', ') || 'none'}`,
    );
  if (!d.passed) throw new DisputeError(`deadline "${e.deadline}" runs until ${d.due}`, undefined, d.cite);
  event(w, e, `Recorded: ${d.what} passed (due ${d.due})`, d.cite);
}

// ─── small pieces ────────────────────────────────────────────────────────────────────────────────────────────

function describeStatus(w: Work): string {
  if (w.status === 'in-step' && w.step) return `in ${w.step.title}`;
  if (w.status === 'awaiting-step') return `between steps${w.nextStep ? ` (next: ${w.nextStep})` : ''}`;
  return w.status;
}

function assertDate(date: unknown): void {
  try {
    assertIsoDate(date);
  } catch (e) {
    throw new DisputeError(e instanceof Error ? e.message : String(e), undefined, 'dates are YYYY-MM-DD');
  }
}

function others(parties: string[], by: string): string {
  return parties
    .filter((p) => p !== by)
    .map(name)
    .join(', ');
}
