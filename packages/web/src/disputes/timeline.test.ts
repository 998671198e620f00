import { builtinCharter, caseState, type DisputeEvent } from '@concert/engine';
import { describe, expect, it } from 'vitest';
import { relativeTo, timelineRows } from './timeline.ts';

// The first stages of packages/cli/examples/piran-bay.yaml, replayed by the engine.
const EVENTS: DisputeEvent[] = [
  { date: '2026-01-15', type: 'file', by: 'SVN', parties: ['SVN', 'HRV'], subject: 'territorial' },
  { date: '2026-04-21', type: 'open-step', step: 'mediation', by: 'SVN' },
  { date: '2026-04-28', type: 'propose-mediator', by: 'SVN', mediator: 'CHE' },
];

describe('the case timeline', () => {
  it('places every entry in its stage and puts the stage outcome on the entry that closed it', () => {
    const rows = timelineRows(caseState(builtinCharter('continental'), EVENTS));
    expect(rows.map((r) => [r.date, r.stage, r.outcome ?? ''])).toEqual([
      ['2026-01-15', 'negotiation', ''],
      ['2026-04-16', 'negotiation', 'failed'],
      ['2026-04-21', 'mediation', ''],
      ['2026-04-28', 'mediation', ''],
    ]);
    expect(rows[1]!.kind).toBe('deadline');
    expect(rows.every((r) => r.cite.length > 0)).toBe(true);
  });

  it('states a deadline against the date shown', () => {
    expect(relativeTo('2026-01-15', '2026-04-15')).toBe('90 days left');
    expect(relativeTo('2026-04-20', '2026-04-15')).toBe('passed 5 days before');
    expect(relativeTo('2026-04-15', '2026-04-15')).toBe('due on this date');
  });
});
