import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCharter } from '../builtin/index.ts';
import { addDays } from './calendar.ts';
import { caseState } from './case.ts';
import { DisputeError, type DisputeEvent } from './types.ts';

const charters = ['continental', 'osce', 'est-2009', 'eu', 'nato'].map((id) => builtinCharter(id));
const who = fc.constantFrom('SVN', 'HRV', 'CHE', 'authority', 'party-arbitrators', 'ministerial-council');
const step = fc.constantFrom(
  'negotiation',
  'mediation',
  'arbitration',
  'valletta',
  'conciliation',
  'conference',
  'commission',
);
const state = fc.constantFrom('CHE', 'AUT', 'GEO', 'LIE', 'FRA', 'XYZ');

// Shapes without dates; dates are added in increasing order below.
const move = fc.oneof(
  fc.record({ type: fc.constant('open-step' as const), step, by: who }),
  fc.record({ type: fc.constant('propose-mediator' as const), by: who, mediator: state }),
  fc.record({ type: fc.constant('draw-mediator' as const), by: who, seed: fc.nat(100) }),
  fc.record({
    type: fc.constant('appoint-arbitrator' as const),
    by: who,
    arbitrator: state,
    role: fc.constantFrom('party' as const, 'presiding' as const),
  }),
  fc.record({ type: fc.constant('report' as const) }),
  fc.record({ type: fc.constant('award' as const) }),
  fc.record({ type: fc.constant('comply' as const), by: who }),
  fc.record({ type: fc.constant('report-non-compliance' as const), by: who, against: who }),
  fc.record({
    type: fc.constant('settle' as const),
    by: fc.constantFrom<string | string[]>('SVN', ['SVN', 'HRV']),
  }),
  fc.record({ type: fc.constant('escalate' as const), by: who }),
  fc.record({ type: fc.constant('withdraw' as const), by: who }),
  fc.record({
    type: fc.constant('deadline' as const),
    deadline: fc.constantFrom('step-period', 'compliance'),
  }),
);

describe('case replay under random events', () => {
  it('either gives a state or rejects one event with a DisputeError naming it; never anything else', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...charters),
        fc.array(fc.tuple(move, fc.integer({ min: 0, max: 120 })), { maxLength: 12 }),
        (charter, moves) => {
          let date = '2026-01-15';
          const events: DisputeEvent[] = [
            { date, type: 'file', by: 'SVN', parties: ['SVN', 'HRV'], subject: 'territorial' },
          ];
          for (const [m, gap] of moves) {
            date = addDays(date, gap);
            events.push({ ...m, date } as DisputeEvent);
          }
          try {
            const s = caseState(charter, events, addDays(date, 30));
            expect(s.timeline.length).toBeGreaterThan(0);
            expect(s.timeline.every((t) => t.cite.length > 0)).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(DisputeError);
            const err = e as DisputeError;
            expect(err.index).toBeGreaterThanOrEqual(0);
            expect(err.index).toBeLessThan(events.length);
            // The prefix before the rejected event replays cleanly: rejection is about that event alone.
            expect(() => caseState(charter, events.slice(0, err.index))).not.toThrow();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
