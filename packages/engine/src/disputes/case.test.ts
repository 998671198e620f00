import { describe, expect, it } from 'vitest';
import { builtinCharter } from '../builtin/index.ts';
import { caseState, tryEvent } from './case.ts';
import { DisputeError, type DisputeEvent } from './types.ts';

const continental = builtinCharter('continental');
const osce = builtinCharter('osce');
const est = builtinCharter('est-2009');

const filed: DisputeEvent = {
  date: '2026-01-15',
  type: 'file',
  by: 'SVN',
  parties: ['SVN', 'HRV'],
  subject: 'territorial',
};

/** A territorial dispute between two members through every stage of the continental procedure. */
const everyStage: DisputeEvent[] = [
  filed,
  { date: '2026-04-21', type: 'open-step', step: 'mediation', by: 'SVN' },
  { date: '2026-04-28', type: 'propose-mediator', by: 'SVN', mediator: 'CHE' },
  { date: '2026-05-05', type: 'propose-mediator', by: 'HRV', mediator: 'CHE' },
  { date: '2026-07-30', type: 'report' },
  { date: '2026-09-01', type: 'open-step', step: 'arbitration', by: 'SVN' },
  { date: '2026-09-10', type: 'appoint-arbitrator', by: 'SVN', arbitrator: 'FRA', role: 'party' },
  { date: '2026-10-15', type: 'appoint-arbitrator', by: 'authority', arbitrator: 'GEO', role: 'party' },
  {
    date: '2026-10-30',
    type: 'appoint-arbitrator',
    by: 'party-arbitrators',
    arbitrator: 'LIE',
    role: 'presiding',
  },
  { date: '2027-03-31', type: 'award', in_favour_of: 'SVN' },
  { date: '2027-07-15', type: 'report-non-compliance', by: 'SVN', against: 'HRV' },
];

function rejects(events: DisputeEvent[], pattern: RegExp, charter = continental) {
  let error: unknown;
  try {
    caseState(charter, events);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(DisputeError);
  expect((error as DisputeError).message).toMatch(pattern);
  expect((error as DisputeError).index).toBe(events.length - 1);
}

describe('a continental territorial dispute through every stage', () => {
  it('negotiation runs its mandated 90 days, then fails on its own', () => {
    const s = caseState(continental, [filed], '2026-04-15');
    expect(s.status).toBe('in-step');
    expect(s.step?.due).toBe('2026-04-15');
    expect(s.deadlines).toEqual([
      expect.objectContaining({ id: 'step-period', due: '2026-04-15', passed: false }),
    ]);
    const after = caseState(continental, [filed], '2026-04-16');
    expect(after.status).toBe('awaiting-step');
    expect(after.nextStep).toBe('mediation');
    expect(after.steps[0]).toMatchObject({ step: 'negotiation', outcome: 'failed', closed: '2026-04-16' });
  });

  it('no party may escalate before the mandated period ends', () => {
    rejects([filed, { date: '2026-03-01', type: 'escalate', by: 'HRV' }], /mandated until 2026-04-15/);
  });

  it('mediation: a mediator both parties propose is appointed; the report opens 30 days to accept', () => {
    const s = caseState(continental, everyStage.slice(0, 5), '2026-08-01');
    expect(s.step).toMatchObject({ id: 'mediation', mediator: 'CHE', report: { acceptBy: '2026-08-29' } });
    const failed = caseState(continental, everyStage.slice(0, 5), '2026-08-30');
    expect(failed.status).toBe('awaiting-step');
    expect(failed.nextStep).toBe('arbitration');
  });

  it('arbitration: the fallback authority fills a missing seat, the tribunal is constituted, the award binds', () => {
    const constituted = caseState(continental, everyStage.slice(0, 9));
    expect(constituted.step?.constituted).toBe('2026-10-30');
    expect(constituted.step?.due).toBe('2027-04-28');
    expect(constituted.step?.arbitrators.map((a) => [a.arbitrator, a.role, a.onBehalfOf])).toEqual([
      ['FRA', 'party', undefined],
      ['GEO', 'party', 'HRV'],
      ['LIE', 'presiding', undefined],
    ]);
    const awarded = caseState(continental, everyStage.slice(0, 10), '2027-05-01');
    expect(awarded.status).toBe('awaiting-compliance');
    expect(awarded.award).toMatchObject({ binding: true, complyBy: '2027-06-29', inFavourOf: 'SVN' });
    expect(awarded.allowed.map((a) => [a.type, a.by])).toContainEqual(['comply', 'HRV']);
  });

  it('non-compliance after the deadline goes to the Council as a major security action', () => {
    const s = caseState(continental, everyStage);
    expect(s.status).toBe('referred');
    expect(s.outcome?.effect).toBe('referred to council (major-security-action)');
    expect(s.steps.map((x) => x.outcome)).toEqual(['failed', 'failed', 'awarded']);
    expect(s.timeline.every((t) => t.cite.length > 0)).toBe(true);
  });

  it('compliance closes the case instead', () => {
    const s = caseState(continental, [
      ...everyStage.slice(0, 10),
      { date: '2027-05-01', type: 'comply', by: 'HRV' },
    ]);
    expect(s.status).toBe('complied');
    expect(s.allowed).toEqual([]);
  });

  it('non-compliance cannot be reported while the compliance period runs', () => {
    rejects(
      [
        ...everyStage.slice(0, 10),
        { date: '2027-05-01', type: 'report-non-compliance', by: 'SVN', against: 'HRV' },
      ],
      /runs until 2027-06-29/,
    );
  });
});

describe('invalid events are rejected with a reason', () => {
  it('a party that is not a member on the filing date', () => {
    rejects([{ ...filed, parties: ['SVN', 'USA'] }], /USA is not a member of continental/);
  });

  it('events out of date order', () => {
    rejects(
      [filed, { date: '2026-01-01', type: 'withdraw', by: 'SVN' }],
      /dated before the case's last event/,
    );
  });

  it('a mediator allied to a party, with every reason', () => {
    rejects(
      [
        filed,
        { date: '2026-04-21', type: 'open-step', step: 'mediation', by: 'SVN' },
        { date: '2026-04-22', type: 'propose-mediator', by: 'HRV', mediator: 'AUT' },
      ],
      /Austria is not neutral: shares EU membership with SVN.*land neighbour of SVN/,
    );
  });

  it('a lot before the parties have had their 30 days to agree on a mediator', () => {
    rejects(
      [
        filed,
        { date: '2026-04-21', type: 'open-step', step: 'mediation', by: 'SVN' },
        { date: '2026-05-01', type: 'draw-mediator', by: 'authority', seed: 1 },
      ],
      /until 2026-05-21/,
    );
  });

  it('skipping mediation', () => {
    rejects(
      [filed, { date: '2026-04-21', type: 'open-step', step: 'arbitration', by: 'SVN' }],
      /the next step is "mediation"/,
    );
  });

  it('a party appointment after its deadline points to the fallback authority', () => {
    rejects(
      [
        ...everyStage.slice(0, 7),
        { date: '2026-10-05', type: 'appoint-arbitrator', by: 'HRV', arbitrator: 'DEU', role: 'party' },
      ],
      /ended on 2026-10-01/,
    );
  });

  it('withdrawal by the respondent', () => {
    rejects([filed, { date: '2026-02-01', type: 'withdraw', by: 'HRV' }], /only the claimant \(SVN\)/);
  });

  it('tryEvent says why without throwing, for a server that appends events', () => {
    const r = tryEvent(continental, [filed], { date: '2026-02-01', type: 'award' });
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/gives no award/) });
    expect(tryEvent(continental, [filed], { date: '2026-02-01', type: 'withdraw', by: 'SVN' }).ok).toBe(true);
  });

  it('tryEvent refuses an event dated before the last one, naming it, its date and the last date', () => {
    const record = everyStage.slice(0, 4);
    const r = tryEvent(continental, record, { date: '2026-05-01', type: 'withdraw', by: 'SVN' });
    expect(r).toEqual({
      ok: false,
      reason:
        'event 5 ("withdraw", dated 2026-05-01) is dated before the case\'s last event (event 4, dated 2026-05-05)',
      hint: 'a case is an append-only record: events are dated on or after the last one',
    });
    // The same day as the last event is fine.
    expect(tryEvent(continental, record, { date: '2026-05-05', type: 'withdraw', by: 'SVN' }).ok).toBe(true);
  });

  it('a record out of order is refused on every date, not only once the later event is replayed', () => {
    const events: DisputeEvent[] = [
      filed,
      { date: '2026-04-21', type: 'open-step', step: 'mediation', by: 'SVN' },
      { date: '2026-03-01', type: 'withdraw', by: 'SVN' },
    ];
    for (const asOf of ['2026-03-15', '2026-05-01', undefined])
      expect(() => caseState(continental, events, asOf)).toThrow(/event 3 \("withdraw", dated 2026-03-01\)/);
  });
});

describe('subjects: binding arbitration is for territorial and resource disputes only', () => {
  it('a treaty-interpretation dispute ends when mediation fails', () => {
    const events: DisputeEvent[] = [
      { ...filed, subject: 'treaty-interpretation' },
      { date: '2026-04-21', type: 'open-step', step: 'mediation', by: 'SVN' },
    ];
    const s = caseState(continental, events, '2026-09-01');
    expect(s.status).toBe('exhausted');
  });
});

describe('OSCE: conciliation and arbitration by compromis', () => {
  const events: DisputeEvent[] = [
    { date: '2026-01-10', type: 'file', by: 'ARM', parties: ['ARM', 'AZE'], subject: 'other' },
    { date: '2026-02-01', type: 'escalate', by: 'ARM' },
    { date: '2026-02-02', type: 'escalate', by: 'ARM' },
  ];

  it('negotiation has no mandated period, so a party may move to Valletta at once', () => {
    const s = caseState(osce, events.slice(0, 2));
    expect(s.nextStep).toBe('valletta');
  });

  it('a conciliation report gives 30 days to accept', () => {
    const s = caseState(osce, [
      ...events.slice(0, 2),
      { date: '2026-02-03', type: 'open-step', step: 'valletta', by: 'ARM' },
      { date: '2026-03-01', type: 'escalate', by: 'AZE' },
      { date: '2026-03-05', type: 'open-step', step: 'conciliation', by: 'AZE' },
      { date: '2026-06-01', type: 'report' },
    ]);
    expect(s.step?.report?.acceptBy).toBe('2026-07-01');
  });

  it('arbitration needs both parties (compromis); one alone is refused', () => {
    const base: DisputeEvent[] = [
      ...events.slice(0, 2),
      { date: '2026-02-03', type: 'open-step', step: 'valletta', by: 'ARM' },
      { date: '2026-03-01', type: 'escalate', by: 'AZE' },
      { date: '2026-03-05', type: 'open-step', step: 'conciliation', by: 'AZE' },
      { date: '2026-06-01', type: 'report' },
    ];
    rejects(
      [...base, { date: '2026-07-10', type: 'open-step', step: 'arbitration', by: 'ARM' }],
      /all parties together/,
      osce,
    );
    const s = caseState(osce, [
      ...base,
      { date: '2026-07-10', type: 'open-step', step: 'arbitration', by: ['ARM', 'AZE'] },
    ]);
    expect(s.step?.id).toBe('arbitration');
  });

  it('directed conciliation is opened by the Ministerial Council, not by a party', () => {
    const open = (by: string): DisputeEvent => ({
      date: '2026-02-03',
      type: 'open-step',
      step: 'directed-conciliation',
      by,
    });
    rejects([...events.slice(0, 2), open('ARM')], /opened by the ministerial-council/, osce);
    expect(caseState(osce, [...events.slice(0, 2), open('ministerial-council')]).step?.id).toBe(
      'directed-conciliation',
    );
  });
});

describe('draft EST: consultations, conference', () => {
  it('consultations must begin within 30 days and run 60; then the Conference of the Parties', () => {
    const s = caseState(est, [
      { date: '2010-01-04', type: 'file', by: 'GEO', parties: ['GEO', 'RUS'], subject: 'territorial' },
    ]);
    expect(s.deadlines.map((d) => [d.id, d.due])).toEqual([
      ['step-period', '2010-03-05'],
      ['first-meeting', '2010-02-03'],
    ]);
    const later = caseState(
      est,
      [{ date: '2010-01-04', type: 'file', by: 'GEO', parties: ['GEO', 'RUS'], subject: 'territorial' }],
      '2010-03-06',
    );
    expect(later.nextStep).toBe('conference');
  });
});
