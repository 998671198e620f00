import { describe, expect, it } from 'vitest';
import { builtinCharter } from '../builtin/index.ts';
import { nextDeadline } from './actions.ts';
import { caseState } from './case.ts';
import type { DisputeEvent } from './types.ts';

const continental = builtinCharter('continental');
const filed: DisputeEvent = {
  date: '2026-01-15',
  type: 'file',
  by: 'SVN',
  parties: ['SVN', 'HRV'],
  subject: 'territorial',
};

describe('nextDeadline', () => {
  it('is the end of the mandated negotiation right after filing', () => {
    const next = nextDeadline(caseState(continental, [filed]));
    expect(next).toMatchObject({ id: 'step-period', due: '2026-04-15', passed: false });
  });

  it('picks the earliest running deadline when several run (mediator appointment before the period ends)', () => {
    const state = caseState(continental, [
      filed,
      { date: '2026-04-21', type: 'open-step', step: 'mediation', by: 'SVN' },
    ]);
    expect(state.deadlines.length).toBeGreaterThan(1);
    const next = nextDeadline(state)!;
    expect(next.id).toBe('mediator-appointment');
    for (const d of state.deadlines) expect(next.due <= d.due).toBe(true);
  });

  it('skips a deadline that has passed on the date shown, and is undefined once the case is closed', () => {
    // On 2026-04-15 the negotiation period still runs; a day later it has failed on its own.
    expect(nextDeadline(caseState(continental, [filed], '2026-04-15'))?.due).toBe('2026-04-15');
    const later = caseState(continental, [filed], '2026-04-16');
    expect(later.status).toBe('awaiting-step');
    expect(nextDeadline(later)?.due).not.toBe('2026-04-15');
    const settled = caseState(continental, [
      filed,
      { date: '2026-02-01', type: 'settle', by: ['SVN', 'HRV'] },
    ]);
    expect(settled.status).toBe('settled');
    expect(nextDeadline(settled)).toBeUndefined();
  });
});
