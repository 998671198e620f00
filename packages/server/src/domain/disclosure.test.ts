import { describe, expect, it } from 'vitest';
import { countsDisclosable, MIN_DISCLOSED_VOTES } from './disclosure.ts';

describe('secret ballot counts in small groups', () => {
  it('withholds counts that tell an outsider or one of the voters how the others voted', () => {
    expect(countsDisclosable({ yes: 1, no: 0, abstain: 0 })).toBe(false); // one voter
    expect(countsDisclosable({ yes: 1, no: 1, abstain: 0 })).toBe(false); // each knows the other's
    expect(countsDisclosable({ yes: 5, no: 0, abstain: 0 })).toBe(false); // unanimous: everyone's
    expect(countsDisclosable({ yes: 2, no: 1, abstain: 0 })).toBe(false); // the 'no' knows both others
    expect(countsDisclosable({ yes: 3, no: 1, abstain: 0 })).toBe(false);
  });

  it('publishes counts where every voter remains one of several who could have voted each way', () => {
    expect(countsDisclosable({ yes: 2, no: 2, abstain: 0 })).toBe(true);
    expect(countsDisclosable({ yes: 2, no: 2, abstain: 1 })).toBe(true);
    expect(countsDisclosable({ yes: 3, no: 1, abstain: 1 })).toBe(true);
    expect(MIN_DISCLOSED_VOTES).toBe(4);
  });
});
