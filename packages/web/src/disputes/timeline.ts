// The case view's timeline: the engine's entries (events and deadlines that passed, each with its citation),
// each placed in the stage of the procedure it belongs to, and the entry that closed a stage carrying that
// stage's outcome and legal effect. The engine keeps the two apart (`timeline`, `steps`); a reader wants one table.
import type { CaseState } from './types.ts';

export interface TimelineRow {
  date: string;
  kind: 'event' | 'deadline';
  type: string;
  text: string;
  cite: string;
  /** The step under way (or last closed) on the date; undefined before filing. */
  stage?: string;
  /** On the entry that closed a stage: how it ended and what that means legally. */
  outcome?: string;
  effect?: string;
}

export function timelineRows(state: CaseState): TimelineRow[] {
  const stages = [
    ...state.steps.map((s) => ({ id: s.step, opened: s.opened, closed: s.closed as string | undefined })),
    ...(state.step && !state.steps.some((s) => s.step === state.step?.id && s.opened === state.step.opened)
      ? [{ id: state.step.id, opened: state.step.opened, closed: undefined }]
      : []),
  ].sort((a, b) => a.opened.localeCompare(b.opened));
  const rows: TimelineRow[] = state.timeline.map((e) => {
    const stage = stages.filter((s) => s.opened <= e.date).at(-1);
    return { ...e, ...(stage ? { stage: stage.id } : {}) };
  });
  // The closing entry of each stage: the last one in that stage dated on or before its closing day.
  for (const record of state.steps) {
    const closing = rows.findLast(
      (r) => r.stage === record.step && r.date <= record.closed && r.date >= record.opened,
    );
    if (closing && closing.outcome === undefined) {
      closing.outcome = record.outcome;
      closing.effect = record.effect;
    }
  }
  // The case's own end (referred, complied, exhausted) after the last stage closed.
  const last = rows.at(-1);
  if (state.outcome && last && last.date === state.outcome.date && last.outcome === undefined) {
    last.outcome = state.outcome.kind;
    last.effect = state.outcome.effect;
  }
  return rows;
}

/** Days from `from` to `to` (calendar dates, UTC), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "in 30 days", "today", "12 days ago": a deadline against the date the state is shown for. */
export function relativeTo(asOf: string, due: string): string {
  const d = daysBetween(asOf, due);
  if (d === 0) return 'due on this date';
  return d > 0 ? `${d} day${d === 1 ? '' : 's'} left` : `passed ${-d} day${d === -1 ? '' : 's'} before`;
}
