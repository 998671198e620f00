import { describe, expect, it } from 'vitest';
import { builtinCharter } from '../builtin/index.ts';
import { testZoneFile } from '../fixtures/test-zone.ts';
import { stateById } from '../world/index.ts';
import { borderRegistry, bordersOn, holderOn, neighboursOn } from './borders.ts';
import {
  applyBorderChange,
  assessBorderChange,
  atLeast,
  type BorderChangeRequest,
  borderChangeSchema,
} from './change.ts';
import { CONTESTED_AREAS } from './contested.ts';
import { checkMission, type DmzFile, violationIncidents } from './dmz.ts';
import { parseBorderChange } from './files.ts';

const continental = builtinCharter('continental');

const request = (extra: Partial<BorderChangeRequest> = {}): BorderChangeRequest =>
  borderChangeSchema.parse({
    charter: 'continental',
    id: 'test',
    area: { name: 'Test area', from: 'BEL', to: 'NLD' },
    states_concerned: ['BEL', 'NLD'],
    requested: '2026-03-01',
    effective: '2027-01-01',
    agreements: [
      { state: 'BEL', date: '2026-10-01', instrument: 'treaty' },
      { state: 'NLD', date: '2026-10-01', instrument: 'treaty' },
    ],
    ...extra,
  });

const referendum = {
  date: '2026-09-13',
  supervised_by: 'mission',
  observers: ['SRB', 'GEO', 'MDA', 'BIH', 'AND'],
  registered: 2100,
  votes_cast: 1500,
  valid: 1480,
  yes: 1004,
};

describe('border registry', () => {
  it('holds the world data land borders from the charter adoption date', () => {
    const r = borderRegistry(continental);
    expect(r.recognisedFrom).toBe('2026-01-01');
    expect(neighboursOn(r, 'SVN', '2026-01-01')).toEqual([...stateById('SVN').neighbours.value].sort());
    expect(bordersOn(r, '2025-12-31')).toEqual([]);
  });

  it('accepted changes take effect on their date, and queries respect them', () => {
    const req = request({ referendum, borders: { add: [['NLD', 'LUX']], remove: [['BEL', 'LUX']] } });
    const assessment = assessBorderChange(continental, req);
    expect(assessment.accepted).toBe(true);
    const r = applyBorderChange(borderRegistry(continental), req, assessment);
    expect(neighboursOn(r, 'LUX', '2026-12-31')).toContain('BEL');
    expect(neighboursOn(r, 'LUX', '2027-01-01')).not.toContain('BEL');
    expect(neighboursOn(r, 'LUX', '2027-01-01')).toContain('NLD');
    expect(holderOn(r, 'Test area', '2026-12-31')).toBe('BEL');
    expect(holderOn(r, 'Test area', '2027-01-01')).toBe('NLD');
  });
});

describe('border-change requests', () => {
  it('refused without a referendum, even with both states agreeing', () => {
    const a = assessBorderChange(continental, request());
    expect(a.accepted).toBe(false);
    expect(a.reasons).toEqual(['no referendum under international supervision']);
  });

  it('accepted with a supervised referendum meeting turnout and majority', () => {
    expect(assessBorderChange(continental, request({ referendum })).accepted).toBe(true);
  });

  it('refused without the agreement of every state concerned', () => {
    const a = assessBorderChange(
      continental,
      request({ referendum, agreements: [{ state: 'NLD', date: '2026-10-01', instrument: 'treaty' }] }),
    );
    expect(a.reasons).toEqual([expect.stringMatching(/no agreement from BEL/)]);
  });

  it('refused when an observer is not neutral, when turnout or majority fall short', () => {
    const partial = assessBorderChange(
      continental,
      request({ referendum: { ...referendum, observers: ['SRB', 'GEO', 'MDA', 'BIH', 'DEU'] } }),
    );
    expect(partial.reasons.join()).toMatch(/DEU shares NATO membership with BEL/);
    const low = assessBorderChange(
      continental,
      request({ referendum: { ...referendum, votes_cast: 1000, valid: 1000, yes: 549 } }),
    );
    expect(low.reasons).toEqual([
      expect.stringMatching(/turnout 47.6%/),
      expect.stringMatching(/54.9% of valid votes/),
    ]);
  });

  it('a charter without a border-change rule refuses every change', () => {
    expect(assessBorderChange(builtinCharter('nato'), request({ referendum })).reasons[0]).toMatch(
      /no border-change rule/,
    );
  });

  it('shares are compared exactly', () => {
    expect(atLeast(55, 100, '55%')).toBe(true);
    expect(atLeast(549, 1000, '55%')).toBe(false);
    expect(atLeast(2, 3, '2/3')).toBe(true);
    expect(atLeast(1, 0, '50%')).toBe(false);
  });

  it('bad files name the line and column', () => {
    expect(() => parseBorderChange('charter: continental\nid: x\nareaa: {}\n', 'bad.yaml')).toThrow(
      /unknown field "areaa"|missing required field/,
    );
    try {
      parseBorderChange('charter: continental\nid: x\nrequested: 2026-02-30\n', 'bad.yaml');
    } catch (e) {
      expect((e as { line?: number }).line).toBeGreaterThan(0);
    }
  });
});

describe('demilitarized zones', () => {
  const base = testZoneFile();
  // A third report, within the limits: no incident.
  const file: DmzFile = {
    ...base,
    violations: [
      ...base.violations,
      {
        zone: 'z',
        date: '2026-09-11',
        by: 'SVN',
        reported_by: 'M',
        place: 'bridge',
        observed: { troops: 0 },
      },
    ],
  };

  it('a monitoring mission of neutral states is valid; one with a neighbour is not', () => {
    expect(checkMission(continental, file.zones[0]!).ok).toBe(true);
    const bad = checkMission(continental, {
      ...file.zones[0]!,
      mission: { name: 'M', states: ['CHE', 'ITA', 'GEO'] },
    });
    expect(bad.ok).toBe(false);
    expect(bad.partial.map((p) => p.state)).toEqual(['ITA']);
    expect(checkMission(continental, { ...file.zones[0]!, mission: { name: 'M', states: ['CHE'] } }).ok).toBe(
      false,
    );
  });

  it('violations over the limits become incidents with day, type, severity and place', () => {
    expect(violationIncidents(file)).toEqual([
      expect.objectContaining({
        day: 9,
        type: 'border-violation',
        severity: 3,
        by: 'SVN',
        place: 'HRV',
        battle_tanks: 12,
      }),
      expect.objectContaining({
        day: 19,
        type: 'unnotified-military-activity',
        severity: 1,
        by: 'HRV',
        place: 'SVN',
        troops: 30,
      }),
    ]);
  });
});

describe('contested areas', () => {
  it('every area states each side with a source, and names only known states', () => {
    for (const a of CONTESTED_AREAS) {
      expect(a.positions.length).toBeGreaterThanOrEqual(2);
      for (const p of a.positions) expect(p.source.length).toBeGreaterThan(5);
      expect(a.states).toContain(a.recognisedAs);
    }
    expect(CONTESTED_AREAS.map((a) => a.id)).toEqual(
      expect.arrayContaining([
        'transnistria',
        'abkhazia',
        'south-ossetia',
        'crimea',
        'nagorno-karabakh',
        'kosovo',
      ]),
    );
  });
});
