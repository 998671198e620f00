// Transitions of the steps with a third party: a mediator agreed by the parties or drawn by lot, and the report
// whose proposals the parties may accept.

import { mediatorDue } from './actions.ts';
import { addDays } from './calendar.ts';
import { type Context, event, mustBeParty, name, needStep, neutralityOf, type Work } from './case-record.ts';
import { neutralCandidates, partialityReasons } from './neutrality.ts';
import { DisputeError, type DisputeEvent } from './types.ts';

export function onProposeMediator(
  w: Work,
  e: Extract<DisputeEvent, { type: 'propose-mediator' }>,
  ctx: Context,
): void {
  const step = needStep(w, ctx, 'propose-mediator');
  if (!step.mediator) throw new DisputeError(`${step.title} has no mediator`, undefined, step.cite);
  if (w.step!.mediator)
    throw new DisputeError(`a mediator (${w.step!.mediator}) is already appointed`, undefined);
  mustBeParty(w, e.by);
  const reasons = partialityReasons(ctx.charter, e.mediator, w.parties, w.filed!, neutralityOf(ctx));
  if (reasons.length > 0)
    throw new DisputeError(
      `${name(e.mediator)} is not neutral: ${reasons.join('; ')}`,
      undefined,
      `concert dispute mediators ${ctx.charter.id} --parties ${w.parties.join(',')} --date ${w.filed}`,
    );
  const s = w.step!;
  s.proposals.push({ by: e.by, mediator: e.mediator, date: e.date });
  const agreed = w.parties.every((p) => s.proposals.some((x) => x.by === p && x.mediator === e.mediator));
  if (agreed) s.mediator = e.mediator;
  event(
    w,
    e,
    agreed
      ? `${name(e.by)} agrees to ${name(e.mediator)}: mediator appointed`
      : `${name(e.by)} proposes ${name(e.mediator)} as mediator`,
    step.cite,
  );
}

export function onDrawMediator(
  w: Work,
  e: Extract<DisputeEvent, { type: 'draw-mediator' }>,
  ctx: Context,
): void {
  const step = needStep(w, ctx, 'draw-mediator');
  if (!step.mediator) throw new DisputeError(`${step.title} has no mediator`, undefined, step.cite);
  if (w.step!.mediator)
    throw new DisputeError(`a mediator (${w.step!.mediator}) is already appointed`, undefined);
  const due = mediatorDue(w, step);
  if (due === undefined || e.date <= due)
    throw new DisputeError(
      due
        ? `the parties may agree on a mediator until ${due}; a lot is drawn only after that`
        : 'this step has no lot',
      undefined,
      step.cite,
    );
  const candidates = neutralCandidates(ctx.charter, w.parties, w.filed!, {
    ...neutralityOf(ctx),
    seed: e.seed,
  });
  if (!candidates.lot.drawn) throw new DisputeError('no member is neutral towards the parties', undefined);
  w.step!.mediator = candidates.lot.drawn;
  event(
    w,
    e,
    `${e.by} draws ${name(candidates.lot.drawn)} by lot (seed ${e.seed}) among ${candidates.eligible.length} neutral members`,
    step.cite,
  );
}

export function onReport(w: Work, e: Extract<DisputeEvent, { type: 'report' }>, ctx: Context): void {
  const step = needStep(w, ctx, 'report');
  if (step.kind === 'arbitration' || step.kind === 'adjudication')
    throw new DisputeError(`${step.title} ends with an award, not a report`, undefined, 'use type: award');
  if (step.mediator && !w.step!.mediator)
    throw new DisputeError('no mediator is appointed yet', undefined, step.cite);
  if (w.step!.report) throw new DisputeError('a report has already been issued in this step', undefined);
  const acceptBy = step.accept_days ? addDays(e.date, step.accept_days) : undefined;
  w.step!.report = { date: e.date, acceptBy };
  event(
    w,
    e,
    `Report with proposals issued${acceptBy ? `; the parties may accept it until ${acceptBy}` : ''}`,
    step.cite,
  );
}
