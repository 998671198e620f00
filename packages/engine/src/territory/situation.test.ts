import { describe, expect, it } from 'vitest';
import { builtinCharter } from '../builtin/index.ts';
import { caseState, tryEvent } from '../disputes/case.ts';
import { neutralCandidates, partialityReasons } from '../disputes/neutrality.ts';
import type { DisputeEvent } from '../disputes/types.ts';
import { TEST_VALLEY } from '../fixtures/test-valley.ts';
import { UnknownIdError } from '../world/index.ts';
import { borderRegistry } from './borders.ts';
import { assessBorderChange, type BorderChangeRequest, borderChangeSchema } from './change.ts';
import { checkMission } from './dmz.ts';
import { areaCoverageOn, holdingOn, landNeighbours, registryWith } from './situation.ts';

const continental = builtinCharter('continental');

// The constructed Austrian valley that passes to Switzerland from 2027-01-01 (fixtures/test-valley.ts).
const transfer = (extra: Partial<BorderChangeRequest> = {}): BorderChangeRequest =>
  borderChangeSchema.parse({ ...TEST_VALLEY, charter: 'continental', id: 'test-transfer', ...extra });

const assessed = (request: BorderChangeRequest) => ({
  request,
  assessment: assessBorderChange(continental, request),
});

describe('area holder and coverage follow an accepted change from its effect date', () => {
  const change = assessed(transfer());
  const registry = registryWith(continental, [change]);

  it('the change with its referendum is accepted', () => {
    expect(change.assessment).toMatchObject({ accepted: true, reasons: [] });
  });

  it('the area is the old holder’s up to the day before the effect date and the new holder’s from it', () => {
    expect(holdingOn(registry, 'Test valley', '2026-12-31').holder).toBe('AUT');
    expect(holdingOn(registry, 'Test valley', '2027-01-01')).toMatchObject({
      holder: 'CHE',
      transfer: { request: 'test-transfer', effective: '2027-01-01' },
    });
  });

  it("the area is covered by the old holder's guarantees before, the new holder's after", () => {
    const before = areaCoverageOn(continental, registry, 'Test valley', '2026-12-31');
    const after = areaCoverageOn(continental, registry, 'Test valley', '2027-01-01');
    expect(before.defenceClauses.map((g) => g.clause)).toEqual(['eu-art42-7']);
    expect(after.defenceClauses).toEqual([]);
    // The continental guarantee covers every member's territory, so it covers the area on both days.
    expect(before.charterGuarantees.map((g) => g.id)).toEqual(after.charterGuarantees.map((g) => g.id));
    expect(after.charterGuarantees.length).toBeGreaterThan(0);
    expect(before.explanation).toMatch(
      /held by AUT on 2026-12-31, until 2026-12-31, then CHE from 2027-01-01/,
    );
    expect(after.explanation).toMatch(
      /held by CHE on 2027-01-01, since 2027-01-01 \(border change test-transfer\)/,
    );
  });

  it('a refused change moves nothing', () => {
    const refused = assessed(transfer({ referendum: undefined }));
    expect(refused.assessment.accepted).toBe(false);
    expect(() => holdingOn(registryWith(continental, [refused]), 'Test valley', '2027-06-01')).toThrow(
      UnknownIdError,
    );
  });

  it('an area no change concerns is an unknown id with a suggestion', () => {
    expect(() => holdingOn(registry, 'Test vally', '2027-01-01')).toThrow(/Did you mean "Test valley"/);
  });

  it('changes apply in the order of their effect dates, whatever order they are given in', () => {
    const back = assessed(
      transfer({
        id: 'test-return',
        area: { name: 'Test valley', from: 'CHE', to: 'AUT' },
        requested: '2027-02-01',
        effective: '2028-01-01',
        agreements: ['AUT', 'CHE', 'SVN'].map((state) => ({
          state,
          date: '2027-10-01',
          instrument: 'treaty',
        })),
        referendum: { ...transfer().referendum!, date: '2027-09-12' },
        borders: { add: [], remove: [['CHE', 'SVN']] },
      }),
    );
    expect(back.assessment.accepted).toBe(true);
    for (const order of [
      [change, back],
      [back, change],
    ]) {
      const r = registryWith(continental, order);
      expect(
        ['2026-12-31', '2027-06-01', '2028-01-01'].map((d) => holdingOn(r, 'Test valley', d).holder),
      ).toEqual(['AUT', 'CHE', 'AUT']);
      expect(landNeighbours(r)('SVN', '2027-12-31')).toContain('CHE');
      expect(landNeighbours(r)('SVN', '2028-01-01')).not.toContain('CHE');
    }
  });
});

describe('neutrality respects accepted border changes', () => {
  const registry = registryWith(continental, [assessed(transfer())]);
  const neighboursOf = landNeighbours(registry);

  it('land neighbours before recognition are the world data’s; after, the registry’s', () => {
    const plain = landNeighbours(borderRegistry(continental));
    expect(plain('SVN', '2020-01-01')).toEqual(plain('SVN', '2026-06-01'));
    expect(neighboursOf('SVN', '2026-12-31')).not.toContain('CHE');
    expect(neighboursOf('SVN', '2027-01-01')).toContain('CHE');
  });

  it('a mediator who becomes a land neighbour of a party through the change is excluded from its effect date', () => {
    expect(partialityReasons(continental, 'CHE', ['SVN', 'HRV'], '2026-12-31', { neighboursOf })).toEqual([]);
    expect(partialityReasons(continental, 'CHE', ['SVN', 'HRV'], '2027-01-01', { neighboursOf })).toEqual([
      'land neighbour of SVN',
    ]);
    const after = neutralCandidates(continental, ['SVN', 'HRV'], '2027-01-01', { neighboursOf });
    expect(after.eligible.map((e) => e.id)).not.toContain('CHE');
    expect(after.excluded.find((x) => x.id === 'CHE')?.reasons).toEqual(['land neighbour of SVN']);
    // Without the change, the world data alone still finds Switzerland neutral on the same date.
    expect(neutralCandidates(continental, ['SVN', 'HRV'], '2027-01-01').eligible.map((e) => e.id)).toContain(
      'CHE',
    );
  });

  it('a case filed after the effect date refuses that mediator; one filed before accepts it', () => {
    const events = (filed: string): DisputeEvent[] => [
      { date: filed, type: 'file', by: 'SVN', parties: ['SVN', 'HRV'], subject: 'territorial' },
      { date: '2027-06-01', type: 'open-step', step: 'mediation', by: 'SVN' },
    ];
    const propose: DisputeEvent = {
      date: '2027-06-02',
      type: 'propose-mediator',
      by: 'SVN',
      mediator: 'CHE',
    };
    const early = tryEvent(continental, events('2026-12-01'), propose, { neighboursOf });
    expect(early.ok).toBe(true);
    const late = tryEvent(continental, events('2027-01-15'), propose, { neighboursOf });
    expect(late).toMatchObject({ ok: false, reason: 'Switzerland is not neutral: land neighbour of SVN' });
    // The same case replayed without the registry does not see the change.
    expect(caseState(continental, [...events('2027-01-15'), propose]).step?.proposals).toHaveLength(1);
  });

  it('referendum observers and DMZ monitors are judged with the changes too', () => {
    const laterChange = transfer({
      id: 'later',
      area: { name: 'Other valley', from: 'SVN', to: 'HRV' },
      states_concerned: ['SVN', 'HRV'],
      requested: '2027-02-01',
      effective: '2027-12-01',
      agreements: ['SVN', 'HRV'].map((state) => ({ state, date: '2027-11-01', instrument: 'treaty' })),
      referendum: {
        ...transfer().referendum!,
        date: '2027-10-03',
        observers: ['CHE', 'GEO', 'MDA', 'ARM', 'AZE'],
      },
      borders: { add: [], remove: [] },
    });
    expect(assessBorderChange(continental, laterChange).accepted).toBe(true);
    const judged = assessBorderChange(continental, laterChange, { neighboursOf });
    expect(judged.reasons).toEqual(['CHE land neighbour of SVN']);
    const zone = {
      id: 'z',
      name: 'Zone',
      area: 'along the river',
      states: ['SVN', 'HRV'],
      established: '2027-02-01',
      limits: { troops: 0 },
      mission: { name: 'M', states: ['CHE', 'GEO', 'LIE'] },
    };
    expect(checkMission(continental, zone).ok).toBe(true);
    expect(checkMission(continental, zone, { neighboursOf }).partial).toEqual([
      { state: 'CHE', reasons: ['land neighbour of SVN'] },
    ]);
  });
});
