import type { Vote } from '@concert/engine';
import { describe, expect, it } from 'vitest';
import type { InstitutionRow } from './institutions.ts';
import type { MotionRow } from './motions.ts';
import { decide } from './polls.ts';
import type { SessionRow } from './sessions.ts';
import { tallyOn } from './tally.ts';

const institution: InstitutionRow = {
  id: 'continental',
  charter_id: 'continental',
  charter_source: null,
  name: 'Continental alliance',
  adopted_on: '2026-01-01',
  created_at: '2026-01-01T00:00:00Z',
};
const session: SessionRow = {
  id: 1,
  institution_id: 'continental',
  body_id: 'council',
  title: 'test',
  status: 'open',
  created_at: '2026-01-01T00:00:00Z',
};

const motionOf = (category: string, parties: string[]): MotionRow => ({
  id: 1,
  session_id: 1,
  agenda_item_id: null,
  category_id: category,
  text: 'test',
  sponsor_delegation_id: null,
  parties,
  created_at: '2026-01-01T00:00:00Z',
});

describe('the standing tally', () => {
  const ballots: Record<string, Record<string, Vote>>[] = [
    { 'major-security-action': { DEU: 'yes', FRA: 'no', POL: 'abstain' } },
    { ordinary: { DEU: 'yes', FRA: 'yes', ITA: 'yes', ESP: 'no' } },
    { procedural: {} },
  ];
  for (const entry of ballots) {
    const [category, votes] = Object.entries(entry)[0]!;
    it(`traces the same clauses as the engine's full decision (${category})`, () => {
      const motion = motionOf(category, []);
      const full = decide({ institution, session, motion }, votes);
      const quick = tallyOn({ institution, session, motion }, votes);
      expect(quick.adopted).toBe(full.adopted);
      expect(quick.clauses).toEqual(full.clauses);
    });
  }

  it('traces a motion with a party to the matter as the full decision does', () => {
    const motion = motionOf('major-security-action', ['RUS']);
    const votes: Record<string, Vote> = { DEU: 'yes' };
    const full = decide({ institution, session, motion }, votes);
    expect(tallyOn({ institution, session, motion }, votes).clauses).toEqual(full.clauses);
  });
});
