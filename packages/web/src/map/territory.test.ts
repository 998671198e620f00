import { describe, expect, it } from 'vitest';
import { areasOn, marksOn, type ServerRegistry, territoryColouring } from './territory.ts';

const server: ServerRegistry = {
  zones: [
    {
      id: 'dragonja',
      name: 'Dragonja valley zone',
      area: 'either side of the Dragonja',
      states: ['SVN', 'HRV'],
      established: '2026-06-01',
      limits: { troops: 0 },
      mission: { name: 'Mission', states: ['CHE', 'GEO', 'LIE'] },
    },
  ],
  changes: [
    {
      id: 'baarle',
      effective: '2026-10-01',
      request: {
        area: { name: 'Baarle-Hertog enclaves', from: 'BEL', to: 'NLD' },
        states_concerned: ['BEL', 'NLD'],
      },
    },
  ],
  violations: [],
};

describe('the territory layer', () => {
  it('lists an active dispute from the day its present situation began, a changed one before and after', () => {
    const on2009 = areasOn('2009-06-24').map((a) => a.area.id);
    expect(on2009).toContain('transnistria');
    expect(on2009).not.toContain('crimea');
    expect(on2009).toContain('nagorno-karabakh');
    expect(areasOn('2009-06-24').find((a) => a.area.id === 'nagorno-karabakh')?.phase).toBe(
      'before the change of 2023-09-20',
    );
    expect(areasOn('2026-06-15').map((a) => a.area.id)).toContain('crimea');
    expect(marksOn('2026-06-15').every((m) => m.label.startsWith('Contested area: '))).toBe(true);
  });

  it('colours a state by the first registry fact of the date and keeps every fact in its sentence', () => {
    const before = territoryColouring('2026-05-31', 'continental', server);
    expect(before.byState.get('SVN')?.category).toBe('none');
    expect(before.byState.get('BEL')?.category).toBe('none');
    const after = territoryColouring('2026-11-15', 'continental', server);
    expect(after.byState.get('SVN')?.category).toBe('zone');
    expect(after.byState.get('BEL')?.category).toBe('changed');
    expect(after.byState.get('BEL')?.detail).toMatch(/Baarle-Hertog enclaves: from Belgium to Netherlands/);
    // Ukraine: Crimea within its recognised borders comes first; its being concerned by Transnistria is kept.
    expect(after.byState.get('UKR')?.category).toBe('contested');
    expect(after.byState.get('UKR')?.detail).toMatch(/Concerned by Transnistria/);
  });

  it('says when the server part is missing', () => {
    expect(territoryColouring('2026-11-15', 'continental', undefined).note).toMatch(/log in/);
  });
});
