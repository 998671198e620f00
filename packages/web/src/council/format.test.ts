import { describe, expect, it } from 'vitest';
import {
  barGeometry,
  clauseLine,
  criterionLabel,
  criterionSummary,
  memberOf,
  tallyAnnouncement,
} from './format.ts';
import type { Criterion, Poll } from './types.ts';

const population: Criterion = {
  label: 'Supermajority of population',
  op: 'quota',
  depth: 1,
  weight: 'population_thousands',
  side: 'yes',
  base: 'members',
  value: 84012,
  baseTotal: 843784,
  threshold: 562522.6666666666,
  thresholdText: '≥ 2/3 of members',
  met: false,
  distance: 478510.6666666666,
};

const poll = (over: Partial<Poll>): Poll => ({
  id: 3,
  motion: 1,
  session: 1,
  category: 'procedural',
  ballot: 'roll-call',
  status: 'open',
  voted: ['continental:DEU', 'continental:FRA'],
  tally: { yes: 1, no: 1, abstain: 0 },
  ownVote: null,
  result: null,
  ...over,
});

describe('the council room in words', () => {
  it('states population in millions with the threshold and the shortfall', () => {
    expect(criterionSummary(population)).toBe(
      '84 million of 843.8 million (10%); threshold ≥ 2/3 of members = 562.5 million; not met, 478.5 million short',
    );
  });

  it('names a regional clause by its group', () => {
    expect(criterionLabel({ weight: 'count', group: 'Western Asia' })).toBe('Western Asia (members)');
    expect(criterionLabel({ weight: 'population_thousands' })).toBe('Population');
  });

  it('clamps the bar and places the threshold marker as a share of the base', () => {
    expect(barGeometry({ value: 12, baseTotal: 48, threshold: 32 })).toEqual({
      fill: 25,
      marker: (100 * 32) / 48,
    });
    expect(barGeometry({ value: 5, baseTotal: 0, threshold: 1 })).toEqual({ fill: 0, marker: 0 });
  });

  it('announces a roll-call tally but only the turnout of a secret poll', () => {
    expect(tallyAnnouncement(poll({}), null)).toBe(
      'Poll 3: 2 delegations have voted; 1 yes, 1 no, 0 abstain.',
    );
    expect(tallyAnnouncement(poll({ ballot: 'secret', tally: null }), null)).toBe(
      'Poll 3: 2 delegations have voted.',
    );
  });

  it('rebuilds a secret aggregate clause from its totals', () => {
    expect(
      clauseLine({
        op: 'quota',
        depth: 1,
        met: true,
        label: 'Members',
        weight: 'count',
        value: 30,
        baseTotal: 48,
        threshold: 24,
      }),
    ).toBe('Members: 30 of 48, threshold 24 ✓ met');
  });

  it('names the group of a clause inside a groups clause', () => {
    expect(
      clauseLine({
        op: 'quota',
        depth: 2,
        met: false,
        group: 'Western Asia',
        text: 'members 0.0% (0 of 5) > 1/2 of members ✗',
      }),
    ).toBe('Western Asia: members 0.0% (0 of 5) > 1/2 of members ✗');
  });

  it('reads the member out of a delegation id', () => {
    expect(memberOf('continental:DEU')).toBe('DEU');
  });
});
