// The charter's dispute procedure, read for running cases: steps by id, the step that follows one for a given
// subject, and who may open a step.
import type { DisputeStep, DisputeSubject, Disputes } from '../charter/disputes-schema.ts';
import type { Charter } from '../charter/schema.ts';
import { DisputeError } from './types.ts';

export function procedureOf(charter: Charter): Disputes {
  if (!charter.disputes)
    throw new DisputeError(
      `charter "${charter.id}" has no dispute procedure`,
      undefined,
      'charters with one: continental, osce, est-2009, nato, eu (concert dispute procedure <charter>)',
    );
  return charter.disputes;
}

export function stepById(procedure: Disputes, id: string): DisputeStep | undefined {
  return procedure.steps.find((s) => s.id === id);
}

export function appliesTo(step: DisputeStep, subject: DisputeSubject): boolean {
  return step.subjects === undefined || step.subjects.includes(subject);
}

/** The step after `from` for this subject: follows `next`, skipping steps that do not cover the subject. */
export function nextStepFor(
  procedure: Disputes,
  from: DisputeStep,
  subject: DisputeSubject,
): DisputeStep | undefined {
  const seen = new Set<string>([from.id]);
  let id = from.next;
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    const step = stepById(procedure, id);
    if (!step) return undefined;
    if (appliesTo(step, subject)) return step;
    id = step.next;
  }
  return undefined;
}

/** Steps that may be opened out of the ordinary sequence: by a body's decision or by the parties' agreement. */
export function openableOutOfTurn(procedure: Disputes, subject: DisputeSubject): DisputeStep[] {
  return procedure.steps.filter(
    (s) =>
      appliesTo(s, subject) && (s.started_by.includes('body') || s.started_by.includes('parties-jointly')),
  );
}

/** Why `by` may not open `step` for these parties, or undefined when it may. */
export function starterProblem(
  step: DisputeStep,
  by: string | string[],
  parties: readonly string[],
): string | undefined {
  const who = [by].flat();
  const starters = step.started_by;
  if (starters.includes('any-party') && who.length === 1 && parties.includes(who[0]!)) return undefined;
  if (starters.includes('parties-jointly') && parties.every((p) => who.includes(p))) return undefined;
  if (starters.includes('body') && who.length === 1 && who[0] === step.body) return undefined;
  const can = starters.map((s) =>
    s === 'any-party'
      ? 'any party alone'
      : s === 'parties-jointly'
        ? `all parties together (by: [${parties.join(', ')}])`
        : s === 'body'
          ? `the ${step.body ?? 'body'}`
          : 'nobody (it follows automatically)',
  );
  return `step "${step.id}" is opened by ${can.join(' or ')}, not by ${who.join(', ')}`;
}

/** "binding" or "non-binding": the legal effect of a step's outcome. */
export function effectOf(step: DisputeStep): 'binding' | 'non-binding' {
  return step.binding ? 'binding' : 'non-binding';
}
