import { describe, expect, it } from 'vitest';
import type { User } from '../api.ts';
import { canAct, canFile, eventOf, ownState } from './actions.ts';

const user = (
  role: User['role'],
  delegation: string | null = null,
  institution: string | null = null,
): User => ({
  id: 1,
  username: 'u',
  role,
  delegation,
  institution,
});

describe('who gets the dispute forms', () => {
  it('gives a party delegation, the secretariat and the presidency the action form, and observers none', () => {
    const svn = user('delegate', 'continental:SVN', 'continental');
    const deu = user('delegate', 'continental:DEU', 'continental');
    expect(ownState(svn, 'continental')).toBe('SVN');
    expect(canAct(svn, 'continental', ['SVN', 'HRV'])).toBe(true);
    expect(canAct(deu, 'continental', ['SVN', 'HRV'])).toBe(false);
    expect(canAct(user('secretariat'), 'continental', ['SVN', 'HRV'])).toBe(true);
    expect(canAct(user('presidency'), 'continental', ['SVN', 'HRV'])).toBe(true);
    expect(canAct(user('observer'), 'continental', ['SVN', 'HRV'])).toBe(false);
  });

  it('lets members of the institution and the secretariat file, not another institution’s delegates', () => {
    expect(canFile(user('delegate', 'continental:SVN', 'continental'), 'continental')).toBe(true);
    expect(canFile(user('delegate', 'osce:SVN', 'osce'), 'continental')).toBe(false);
    expect(canFile(user('observer'), 'continental')).toBe(false);
    expect(canFile(user('secretariat'), 'continental')).toBe(true);
  });
});

describe('the event a form sends', () => {
  it('turns a comma-separated actor into a joint act and drops the fields the action does not take', () => {
    expect(
      eventOf({ type: 'settle', date: '2026-03-01', by: 'SVN, HRV', note: ' ', mediator: 'CHE' }),
    ).toEqual({ type: 'settle', date: '2026-03-01', by: ['SVN', 'HRV'] });
  });

  it('sends a seed as a number and keeps the note', () => {
    expect(
      eventOf({
        type: 'draw-mediator',
        date: '2026-05-22',
        by: 'authority',
        seed: '7',
        note: 'no agreement',
      }),
    ).toEqual({ type: 'draw-mediator', date: '2026-05-22', by: 'authority', seed: 7, note: 'no agreement' });
  });
});
