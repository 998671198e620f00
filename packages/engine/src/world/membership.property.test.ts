import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MembershipEvent, membersOf, world } from './index.ts';

// An independent replay of the raw timeline, written without the module's index: for each state take the last
// event on or before the date (ties: the later one in the file) and read the status off its type.
function replay(events: readonly MembershipEvent[], date: string, includeSuspended: boolean): string[] {
  const last = new Map<string, MembershipEvent>();
  for (const event of events) {
    if (event.date > date) continue;
    const previous = last.get(event.state);
    if (!previous || previous.date <= event.date) last.set(event.state, event);
  }
  return [...last.values()]
    .filter(
      (e) => e.type === 'joined' || e.type === 'reinstated' || (includeSuspended && e.type === 'suspended'),
    )
    .map((e) => e.state)
    .sort();
}

const isoDate = fc
  .date({ min: new Date('1945-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('membersOf agrees with a direct replay of the event timeline', () => {
  it('for every organisation, on random dates, with and without suspended members', () => {
    const organisations = fc.constantFrom(...world.organisations);
    fc.assert(
      fc.property(organisations, isoDate, fc.boolean(), (organisation, date, includeSuspended) => {
        expect(membersOf(organisation.id, date, { includeSuspended })).toEqual(
          replay(organisation.events, date, includeSuspended),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('also on the event dates themselves and the days either side, where off-by-one errors live', () => {
    for (const organisation of world.organisations) {
      for (const event of organisation.events) {
        const day = Date.parse(event.date);
        for (const offset of [-1, 0, 1]) {
          const date = new Date(day + offset * 86_400_000).toISOString().slice(0, 10);
          expect(membersOf(organisation.id, date)).toEqual(replay(organisation.events, date, false));
        }
      }
    }
  });
});
