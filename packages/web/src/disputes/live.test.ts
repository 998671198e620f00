import { describe, expect, it } from 'vitest';
import { concerns, type DisputeChange, describeChange } from './live.ts';

const change: DisputeChange = {
  institution: 'continental',
  case: 3,
  position: 1,
  type: 'withdraw',
  date: '2026-02-02',
  status: 'withdrawn',
  step: null,
  actor: 'delegate:continental:SVN',
  at: '2026-12-01T10:00:00.000Z',
};

describe('the live dispute feed', () => {
  it('concerns the registry for every case and a case page only for its own', () => {
    expect(concerns(change, {})).toBe(true);
    expect(concerns(change, { case: 3 })).toBe(true);
    expect(concerns(change, { case: 4 })).toBe(false);
  });

  it('announces a filing as filed and an action by its type, with who recorded it', () => {
    expect(describeChange(change)).toBe('case 3: withdraw (2026-02-02) recorded by delegate:continental:SVN');
    expect(describeChange({ ...change, position: 0, type: 'file' })).toMatch(/^case 3: filed \(2026-02-02\)/);
  });
});
