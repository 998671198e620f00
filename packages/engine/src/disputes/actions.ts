// What the case allows next and which deadlines run, derived from its state on a date. The same functions
// explain a rejected event ("allowed now: …") and list the actions a UI offers.
import type { DisputeStep, Disputes } from '../charter/disputes-schema.ts';
import type { Charter } from '../charter/schema.ts';
import type { IsoDate } from '../world/index.ts';
import { addDays } from './calendar.ts';
import { openableOutOfTurn, stepById } from './procedure.ts';
import { isConstituted, tribunalDeadlines } from './tribunal.ts';
import type { AllowedAction, CaseState, Deadline } from './types.ts';

export function mediatorDue(w: CaseState, step: DisputeStep): IsoDate | undefined {
  return w.step && step.mediator_within_days ? addDays(w.step.opened, step.mediator_within_days) : undefined;
}

/** Parties bound to comply: the losing party when the award names a winner, else every party. */
export function owingParties(w: CaseState): string[] {
  return w.award?.inFavourOf ? w.parties.filter((p) => p !== w.award!.inFavourOf) : w.parties;
}

/**
 * The case's next deadline: the earliest one still running on the state's date (ties: the order the state lists
 * them). Undefined when none runs — a closed case, or one awaiting a step no one is bound to open by a date.
 */
export function nextDeadline(state: Pick<CaseState, 'deadlines'>): Deadline | undefined {
  let next: Deadline | undefined;
  for (const d of state.deadlines) if (!d.passed && (!next || d.due < next.due)) next = d;
  return next;
}

/** The deadlines running in the case's current status (passed ones flagged). */
export function currentDeadlines(w: CaseState, procedure: Disputes, asOf: IsoDate): Deadline[] {
  const out: Deadline[] = [];
  const add = (id: string, what: string, due: IsoDate | undefined, cite: string) => {
    if (due) out.push({ id, what, due, passed: asOf > due, cite });
  };
  if (w.status === 'in-step' && w.step) {
    const step = stepById(procedure, w.step.id)!;
    if (w.step.report)
      add('report-acceptance', 'period to accept the report', w.step.report.acceptBy, step.cite);
    else if (!step.tribunal) add('step-period', `end of ${step.title}`, w.step.due, step.cite);
    if (step.start_within_days)
      add(
        'first-meeting',
        `first meeting of ${step.title}`,
        addDays(w.step.opened, step.start_within_days),
        step.cite,
      );
    if (step.mediator && !w.step.mediator)
      add('mediator-appointment', 'the parties agree on a mediator', mediatorDue(w, step), step.cite);
    const t = step.tribunal;
    if (t && !isConstituted(t, w.step)) {
      const d = tribunalDeadlines(t, w.step, w.parties);
      if (d.missing.length > 0) {
        add('party-appointments', `party arbitrators (${d.missing.join(', ')})`, d.partyDue, t.cite);
        if (t.fallback)
          add(
            'fallback-party',
            `${t.fallback.authority} fills empty party seats`,
            addDays(d.partyDue, t.fallback.after_days),
            t.fallback.cite,
          );
      }
      if (d.presidingFilled < d.presidingSeats) {
        add('presiding-appointment', 'presiding arbitrator', d.presidingDue, t.cite);
        if (t.fallback && d.presidingDue && t.presiding.chosen_by !== 'authority')
          add(
            'fallback-presiding',
            `${t.fallback.authority} appoints the presiding arbitrator`,
            addDays(d.presidingDue, t.fallback.after_days),
            t.fallback.cite,
          );
      }
    }
    if (t && w.step.constituted) add('award', 'the award', w.step.due, t.cite);
  }
  if (w.status === 'awaiting-compliance' && w.award?.complyBy && procedure.compliance)
    add(
      'compliance',
      `compliance by ${owingParties(w).join(', ')}`,
      w.award.complyBy,
      procedure.compliance.cite,
    );
  return out;
}

/** Every action the procedure allows on `asOf`, with who may take it and when. */
export function allowedActions(
  w: CaseState,
  ctx: { charter: Charter; procedure: Disputes },
  asOf: IsoDate,
): AllowedAction[] {
  const { procedure } = ctx;
  const out: AllowedAction[] = [];
  const parties = w.parties.join(', ');
  const push = (a: AllowedAction) => out.push(a);
  switch (w.status) {
    case 'not-filed':
      push({
        type: 'file',
        by: 'a member',
        detail: `opens ${stepById(procedure, procedure.first)!.title}`,
        cite: procedure.cite,
      });
      break;
    case 'in-step': {
      const step = stepById(procedure, w.step!.id)!;
      push({
        type: 'settle',
        by: `all parties (${parties})`,
        detail: `settlement (${step.binding ? 'binding' : 'non-binding'})`,
        cite: step.cite,
      });
      push({
        type: 'withdraw',
        by: w.claimant!,
        detail: 'the claimant withdraws the case',
        cite: procedure.cite,
      });
      if (step.kind !== 'arbitration' && step.kind !== 'adjudication') {
        const mandated = step.kind === 'negotiation' && w.step!.due;
        push({
          type: 'escalate',
          by: `a party (${parties})`,
          detail: 'declare the step failed and move on',
          from: mandated ? addDays(w.step!.due!, 1) : undefined,
          cite: step.cite,
        });
      }
      if (step.mediator && !w.step!.mediator) {
        const due = mediatorDue(w, step);
        push({
          type: 'propose-mediator',
          by: `a party (${parties})`,
          detail: 'the same neutral state proposed by every party is appointed',
          until: due,
          cite: step.cite,
        });
        if (due)
          push({
            type: 'draw-mediator',
            by: 'authority',
            detail: 'a seeded lot among the neutral members',
            from: addDays(due, 1),
            cite: step.cite,
          });
      }
      if (
        (step.kind === 'mediation' || step.kind === 'conciliation' || step.kind === 'conference') &&
        !w.step!.report &&
        (!step.mediator || w.step!.mediator)
      )
        push({
          type: 'report',
          by: step.mediator ? 'mediator' : 'the commission or conference',
          detail: 'proposals for the parties to accept',
          cite: step.cite,
        });
      const t = step.tribunal;
      if (t && !isConstituted(t, w.step!)) {
        const d = tribunalDeadlines(t, w.step!, w.parties);
        for (const p of d.missing)
          push({
            type: 'appoint-arbitrator',
            by: p,
            detail: 'its party arbitrator',
            until: d.partyDue,
            cite: t.cite,
          });
        if (d.missing.length > 0 && t.fallback)
          push({
            type: 'appoint-arbitrator',
            by: 'authority',
            detail: `${t.fallback.authority} fills the seats of ${d.missing.join(', ')}`,
            from: addDays(d.partyDue, 1),
            until: addDays(d.partyDue, t.fallback.after_days),
            cite: t.fallback.cite,
          });
        if (
          d.presidingFilled < d.presidingSeats &&
          (d.missing.length === 0 || t.presiding.chosen_by === 'authority')
        ) {
          push({
            type: 'appoint-arbitrator',
            by: t.presiding.chosen_by,
            detail: 'the presiding arbitrator (neutral)',
            until: t.presiding.chosen_by === 'authority' ? undefined : d.presidingDue,
            cite: t.cite,
          });
          if (t.fallback && d.presidingDue && t.presiding.chosen_by !== 'authority')
            push({
              type: 'appoint-arbitrator',
              by: 'authority',
              detail: `${t.fallback.authority} appoints the presiding arbitrator`,
              from: addDays(d.presidingDue, 1),
              until: addDays(d.presidingDue, t.fallback.after_days),
              cite: t.fallback.cite,
            });
        }
      }
      if ((t && w.step!.constituted) || step.kind === 'adjudication')
        push({
          type: 'award',
          by: step.kind === 'adjudication' ? 'court' : 'tribunal',
          detail: `${step.binding ? 'binding' : 'non-binding'} award`,
          until: w.step!.due,
          cite: step.cite,
        });
      break;
    }
    case 'awaiting-step': {
      if (w.nextStep) {
        const next = stepById(procedure, w.nextStep)!;
        push({
          type: 'open-step',
          by: next.started_by.join(' or '),
          detail: `${next.id}: ${next.title}`,
          cite: next.cite,
        });
      }
      for (const s of openableOutOfTurn(procedure, w.subject!).filter((s) => s.id !== w.nextStep))
        push({
          type: 'open-step',
          by: s.started_by.includes('body') ? (s.body ?? 'body') : 'all parties together',
          detail: `${s.id}: ${s.title}`,
          cite: s.cite,
        });
      push({
        type: 'settle',
        by: `all parties (${parties})`,
        detail: 'settlement between steps',
        cite: procedure.cite,
      });
      push({
        type: 'withdraw',
        by: w.claimant!,
        detail: 'the claimant withdraws the case',
        cite: procedure.cite,
      });
      break;
    }
    case 'awaiting-compliance': {
      const owing = owingParties(w);
      for (const p of owing)
        push({
          type: 'comply',
          by: p,
          detail: 'carries out the award',
          until: w.award?.complyBy,
          cite: procedure.compliance?.cite ?? procedure.cite,
        });
      if (procedure.compliance)
        push({
          type: 'report-non-compliance',
          by: 'a party or member',
          detail: `refers non-compliance to ${procedure.compliance.escalate_to.body}`,
          from: w.award?.complyBy ? addDays(w.award.complyBy, 1) : undefined,
          cite: procedure.compliance.cite,
        });
      break;
    }
    default:
      break;
  }
  return out.filter((a) => !a.until || a.until >= asOf || a.type === 'award');
}
