import { borderChangeSchema, dmzFileSchema } from '@concert/engine';
import { describe, expect, it } from 'vitest';
import type { User } from '../api.ts';
import {
  type BorderChangeForm,
  borderChangeBody,
  stateList,
  territoryRights,
  violationBody,
  zoneBody,
} from './territory-forms.ts';

const form: BorderChangeForm = {
  id: 'baarle',
  title: '',
  area: ' Baarle-Hertog enclaves ',
  from: 'bel',
  to: 'NLD',
  areaKm2: '2.3',
  concerned: 'BEL, nld',
  requested: '2026-03-01',
  effective: '2027-01-01',
  agreements: {
    BEL: { date: '2026-10-01', instrument: 'boundary treaty' },
    NLD: { date: '', instrument: '' },
  },
  referendum: null,
  note: '',
};

const user = (role: User['role'], delegation: string | null = null): User => ({
  id: 1,
  username: 'u',
  role,
  delegation,
  institution: delegation ? 'continental' : null,
});

describe('territory forms', () => {
  it('reads state lists in any case and separator', () => {
    expect(stateList(' srb, GEO;mda  bih\nAND ')).toEqual(['SRB', 'GEO', 'MDA', 'BIH', 'AND']);
    expect(stateList('  ')).toEqual([]);
  });

  it('sends only the agreements that have a date: a state with none has not agreed', () => {
    const body = borderChangeBody(form);
    expect(body.agreements).toEqual([{ state: 'BEL', date: '2026-10-01', instrument: 'boundary treaty' }]);
    expect(body).toMatchObject({ area: { name: 'Baarle-Hertog enclaves', from: 'BEL', area_km2: 2.3 } });
    expect(body).not.toHaveProperty('referendum');
    // What the form sends is what the engine's schema reads (the server adds the charter).
    expect(borderChangeSchema.safeParse({ ...body, charter: 'continental' }).success).toBe(true);
  });

  it('sends the referendum figures as numbers, and a mistyped one as typed so the server can name it', () => {
    const referendum = {
      date: '2026-09-13',
      supervisedBy: 'Continental observer mission',
      observers: 'SRB GEO MDA BIH AND',
      registered: '2100',
      votesCast: '1500',
      valid: '1480',
      yes: '1004',
    };
    const body = borderChangeBody({ ...form, referendum });
    expect(body.referendum).toEqual({
      date: '2026-09-13',
      supervised_by: 'Continental observer mission',
      observers: ['SRB', 'GEO', 'MDA', 'BIH', 'AND'],
      registered: 2100,
      votes_cast: 1500,
      valid: 1480,
      yes: 1004,
    });
    expect(borderChangeSchema.safeParse({ ...body, charter: 'continental' }).success).toBe(true);
    const typo = borderChangeBody({ ...form, referendum: { ...referendum, yes: '1,004' } });
    expect((typo.referendum as { yes: unknown }).yes).toBe('1,004');
    expect(borderChangeSchema.safeParse({ ...typo, charter: 'continental' }).success).toBe(false);
  });

  it('builds a zone and a violation the engine’s DMZ schema accepts, blank limits left out', () => {
    const zone = zoneBody({
      id: 'dragonja',
      name: 'Dragonja valley zone',
      area: '5 km either side of the river',
      states: 'svn hrv',
      established: '2026-06-01',
      limits: { troops: '0', artillery: '0', 'battle-tanks': '' },
      missionName: 'Mission',
      missionStates: 'CHE, GEO, LIE',
      cite: '',
    });
    expect(zone.limits).toEqual({ troops: 0, artillery: 0 });
    const violation = violationBody({
      date: '2026-10-02',
      by: 'hrv',
      on: '',
      area: '',
      reportedBy: 'SVN',
      place: 'Sečovlje',
      observed: { troops: '60', 'armoured-combat-vehicles': '4' },
      note: '',
    });
    expect(violation).toEqual({
      date: '2026-10-02',
      by: 'HRV',
      reported_by: 'SVN',
      place: 'Sečovlje',
      observed: { troops: 60, 'armoured-combat-vehicles': 4 },
    });
    const file = dmzFileSchema.safeParse({
      charter: 'continental',
      zones: [zone],
      violations: [{ ...violation, zone: 'dragonja' }],
    });
    expect(file.success).toBe(true);
  });

  it('gives forms by the server’s rules: the observer and the presidency none, zones to the secretariat only', () => {
    expect(territoryRights(user('observer'), 'continental')).toEqual({
      change: false,
      zone: false,
      violation: false,
    });
    expect(territoryRights(user('presidency'), 'continental')).toEqual({
      change: false,
      zone: false,
      violation: false,
    });
    expect(territoryRights(user('secretariat'), 'continental')).toEqual({
      change: true,
      zone: true,
      violation: true,
    });
    expect(territoryRights(user('delegate', 'continental:SVN'), 'continental')).toEqual({
      change: true,
      zone: false,
      violation: true,
    });
    // A delegation of another institution reads only.
    expect(territoryRights(user('delegate', 'continental:SVN'), 'osce').violation).toBe(false);
  });
});
