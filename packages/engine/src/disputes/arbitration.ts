// Transitions of arbitration and adjudication: appointing the tribunal (with the fallback authority), the award,
// compliance and the referral of non-compliance to the charter's body.
import { isStateId } from '../world/index.ts';
import { owingParties } from './actions.ts';
import { addDays } from './calendar.ts';
import { type Context, event, mustBeParty, name, needStep, neutralOrFail, type Work } from './case-record.ts';
import { effectOf } from './procedure.ts';
import { isConstituted, tribunalDeadlines } from './tribunal.ts';
import { DisputeError, type DisputeEvent } from './types.ts';

export function onAppointArbitrator(
  w: Work,
  e: Extract<DisputeEvent, { type: 'appoint-arbitrator' }>,
  ctx: Context,
): void {
  const step = needStep(w, ctx, 'appoint-arbitrator');
  const t = step.tribunal;
  if (!t) throw new DisputeError(`${step.title} has no tribunal`, undefined, step.cite);
  const s = w.step!;
  if (isConstituted(t, s)) throw new DisputeError('the tribunal is already constituted', undefined, t.cite);
  if (!isStateId(e.arbitrator))
    throw new DisputeError(
      `unknown state "${e.arbitrator}" (arbitrators are named by nationality)`,
      undefined,
    );
  const d = tribunalDeadlines(t, s, w.parties);
  const fallback = t.fallback;
  const isAuthority = fallback !== undefined && e.by === 'authority';
  let onBehalfOf: string | undefined;
  if (e.role === 'party') {
    if (isAuthority) {
      if (e.date <= d.partyDue)
        throw new DisputeError(
          `the parties may appoint until ${d.partyDue}; the ${fallback.authority} acts only after`,
          undefined,
          fallback.cite,
        );
      if (e.date > addDays(d.partyDue, fallback.after_days))
        throw new DisputeError(
          `the ${fallback.authority} had until ${addDays(d.partyDue, fallback.after_days)}`,
          undefined,
          fallback.cite,
        );
      onBehalfOf = e.for ?? d.missing[0];
      if (!onBehalfOf || !d.missing.includes(onBehalfOf))
        throw new DisputeError(`no party seat is empty${e.for ? ` for ${e.for}` : ''}`, undefined);
      neutralOrFail(ctx, e.arbitrator, w, fallback.method === 'lot-among-neutral');
    } else {
      mustBeParty(w, e.by);
      if (!d.missing.includes(e.by))
        throw new DisputeError(`${e.by} has already appointed its arbitrator`, undefined, t.cite);
      if (e.date > d.partyDue)
        throw new DisputeError(
          `the period for ${e.by} to appoint ended on ${d.partyDue}`,
          undefined,
          fallback ? `the ${fallback.authority} appoints now (by: authority)` : t.cite,
        );
    }
  } else {
    if (d.presidingFilled >= d.presidingSeats)
      throw new DisputeError('the presiding seats are filled', undefined, t.cite);
    const chosenBy = t.presiding.chosen_by;
    const regular = chosenBy === 'authority' ? 'authority' : chosenBy;
    if (e.by !== regular && !isAuthority)
      throw new DisputeError(
        `the presiding arbitrator is chosen by the ${regular}, not ${e.by}`,
        undefined,
        t.cite,
      );
    if (d.missing.length > 0 && chosenBy !== 'authority')
      throw new DisputeError(
        `party arbitrators are still missing for ${d.missing.join(', ')}`,
        undefined,
        t.cite,
      );
    if (isAuthority && chosenBy !== 'authority') {
      if (d.presidingDue === undefined || e.date <= d.presidingDue)
        throw new DisputeError(
          `the ${chosenBy} may choose until ${d.presidingDue}; the ${fallback.authority} acts only after`,
          undefined,
          fallback.cite,
        );
    } else if (chosenBy !== 'authority' && d.presidingDue !== undefined && e.date > d.presidingDue) {
      throw new DisputeError(
        `the period to choose the presiding arbitrator ended on ${d.presidingDue}`,
        undefined,
        fallback ? `the ${fallback.authority} appoints now (by: authority)` : t.cite,
      );
    }
    if (t.neutral_presiding) neutralOrFail(ctx, e.arbitrator, w, true);
  }
  s.arbitrators.push({ arbitrator: e.arbitrator, role: e.role, appointedBy: e.by, onBehalfOf, date: e.date });
  const constituted = isConstituted(t, s);
  if (constituted) {
    s.constituted = e.date;
    if (t.award_within_days) s.due = addDays(e.date, t.award_within_days);
  }
  const who = isAuthority
    ? fallback.authority
    : e.by === 'party-arbitrators'
      ? 'The party-appointed arbitrators'
      : name(e.by);
  event(
    w,
    e,
    `${who} appoint${e.by === 'party-arbitrators' ? '' : 's'} ${e.role === 'presiding' ? 'a presiding' : 'an'} arbitrator (a national of ${name(e.arbitrator)})${onBehalfOf ? ` for ${name(onBehalfOf)}` : ''}${constituted ? '; the tribunal is constituted' : ''}`,
    isAuthority ? fallback.cite : t.cite,
  );
}

export function onAward(w: Work, e: Extract<DisputeEvent, { type: 'award' }>, ctx: Context): void {
  const step = needStep(w, ctx, 'award');
  if (step.kind !== 'arbitration' && step.kind !== 'adjudication')
    throw new DisputeError(`${step.title} gives no award`, undefined, 'use settle, escalate or report');
  if (step.tribunal && !w.step!.constituted)
    throw new DisputeError('the tribunal is not yet constituted', undefined, step.tribunal.cite);
  if (e.in_favour_of !== undefined) mustBeParty(w, e.in_favour_of);
  const compliance = ctx.procedure.compliance;
  const complyBy = compliance ? addDays(e.date, compliance.within_days) : undefined;
  w.award = { date: e.date, binding: step.binding, inFavourOf: e.in_favour_of, complyBy, step: step.id };
  w.steps.push({
    step: step.id,
    opened: w.step!.opened,
    closed: e.date,
    outcome: 'awarded',
    effect: effectOf(step),
  });
  w.step = undefined;
  w.status = 'awaiting-compliance';
  w.outcome = { kind: 'awarded', date: e.date, effect: effectOf(step) };
  event(
    w,
    e,
    `${step.kind === 'adjudication' ? 'Judgment' : 'Award'} (${effectOf(step)})${e.in_favour_of ? ` in favour of ${name(e.in_favour_of)}` : ''}${complyBy ? `; compliance due by ${complyBy}` : ''}`,
    step.cite,
  );
}

export function onComply(w: Work, e: Extract<DisputeEvent, { type: 'comply' }>, ctx: Context): void {
  mustBeParty(w, e.by);
  const owing = owingParties(w).filter((p) => !w.compliedBy.includes(p));
  if (!owing.includes(e.by))
    throw new DisputeError(`${e.by} owes no compliance`, undefined, `owing: ${owing.join(', ') || 'none'}`);
  w.compliedBy.push(e.by);
  const done = owingParties(w).every((p) => w.compliedBy.includes(p));
  if (done) {
    w.status = 'complied';
    w.outcome = { kind: 'complied', date: e.date, effect: w.award?.binding ? 'binding' : 'non-binding' };
  }
  event(
    w,
    e,
    `${name(e.by)} complies with the award${done ? '; the case is closed' : ''}`,
    ctx.procedure.compliance?.cite ?? ctx.procedure.cite,
  );
}

export function onNonCompliance(
  w: Work,
  e: Extract<DisputeEvent, { type: 'report-non-compliance' }>,
  ctx: Context,
): void {
  const compliance = ctx.procedure.compliance;
  if (!compliance)
    throw new DisputeError(`${ctx.charter.id} sets no compliance procedure`, undefined, ctx.procedure.cite);
  const owing = owingParties(w).filter((p) => !w.compliedBy.includes(p));
  if (!owing.includes(e.against))
    throw new DisputeError(
      `${e.against} owes no compliance`,
      undefined,
      `owing: ${owing.join(', ') || 'none'}`,
    );
  if (w.award?.complyBy && e.date <= w.award.complyBy)
    throw new DisputeError(
      `the compliance period runs until ${w.award.complyBy}`,
      undefined,
      compliance.cite,
    );
  const to = `${compliance.escalate_to.body}${compliance.escalate_to.category ? ` (${compliance.escalate_to.category})` : ''}`;
  w.status = 'referred';
  w.outcome = { kind: 'referred', date: e.date, effect: `referred to ${to}` };
  event(
    w,
    e,
    `${name(e.by)} reports that ${name(e.against)} has not complied; the matter goes to ${to}`,
    compliance.cite,
  );
}
