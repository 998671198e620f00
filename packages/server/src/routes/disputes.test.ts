import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../database/test-support.ts';
import { type Client, SLOVENIA_CROATIA, startTestPlatform, type TestPlatform } from '../test-support.ts';

// A territorial dispute between two continental members through every stage of the charter's procedure, via the
// API, each action by the role the procedure gives it (dates as in packages/cli/examples/piran-bay.yaml).
describeEachDatabase('dispute cases', (t) => {
  let tp: TestPlatform;
  let svn: Client;
  let hrv: Client;
  let deu: Client;
  let secretariat: Client;
  let presidency: Client;
  let observer: Client;
  let caseId: number;
  const auditSize = async () => (await observer.get('/api/audit/checkpoint')).json().checkpoint.size;

  beforeAll(async () => {
    tp = await startTestPlatform(t.db);
    svn = await tp.login('delegate-svn');
    hrv = await tp.login('delegate-hrv');
    deu = await tp.login('delegate-deu');
    secretariat = await tp.login('secretariat');
    presidency = await tp.login('presidency');
    observer = await tp.login('observer');
  });

  const act = async (client: Client, event: Record<string, unknown>) => {
    const res = await client.post(`/api/disputes/${caseId}/events`, event);
    expect(res.statusCode, `${event.type} ${event.date}: ${res.body}`).toBe(201);
    return res.json().state;
  };

  it('files a case through a party delegation and opens the mandated negotiation with its deadline', async () => {
    const res = await svn.post('/api/disputes', {
      ...SLOVENIA_CROATIA,
      title: 'Land and maritime boundary in the Bay of Piran',
    });
    expect(res.statusCode).toBe(201);
    caseId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'in-step', step: 'negotiation', parties: ['SVN', 'HRV'] });
    expect(res.json().state.deadlines).toEqual([
      expect.objectContaining({ due: '2026-04-15', passed: false }),
    ]);
  });

  it('lists the case with its stage and next deadline in one request (no fetch per case)', async () => {
    const list = (await observer.get('/api/disputes?institution=continental')).json();
    expect(list).toEqual([
      expect.objectContaining({
        id: caseId,
        status: 'in-step',
        step: 'negotiation',
        stepTitle: 'Mandated negotiation',
        nextDeadline: {
          id: 'step-period',
          what: expect.any(String),
          due: '2026-04-15',
          cite: expect.any(String),
        },
      }),
    ]);
  });

  it('explains the neutral mediators: parties, allies, same-region states and neighbours excluded, a seeded lot', async () => {
    const res = (await observer.get(`/api/disputes/${caseId}/mediators?seed=4`)).json();
    const excluded = new Map(res.excluded.map((e: { id: string; reasons: string[] }) => [e.id, e.reasons]));
    expect(excluded.get('HRV')).toContain('is a party');
    expect((excluded.get('AUT') as string[]).join(' ')).toMatch(/land neighbour of SVN/);
    expect((excluded.get('FRA') as string[]).join(' ')).toMatch(/shares (NATO|EU) membership/);
    expect(res.eligible.map((e: { id: string }) => e.id)).toContain('CHE');
    expect(res.lot).toEqual({ seed: 4, drawn: res.eligible[0].id });
    const again = (await observer.get(`/api/disputes/${caseId}/mediators?seed=4`)).json();
    expect(again.eligible).toEqual(res.eligible);
  });

  it('runs negotiation, mediation, arbitration, award and compliance with the roles the procedure gives', async () => {
    let s = await act(hrv, { date: '2026-04-20', type: 'deadline', deadline: 'step-period' });
    expect(s).toMatchObject({ status: 'awaiting-step', nextStep: 'mediation' });
    s = await act(svn, { date: '2026-04-21', type: 'open-step', step: 'mediation', by: 'SVN' });
    await act(svn, { date: '2026-04-28', type: 'propose-mediator', by: 'SVN', mediator: 'CHE' });
    s = await act(hrv, { date: '2026-05-05', type: 'propose-mediator', by: 'HRV', mediator: 'CHE' });
    expect(s.step.mediator).toBe('CHE');
    s = await act(secretariat, { date: '2026-07-30', type: 'report', by: 'mediator' });
    expect(s.step.report.acceptBy).toBe('2026-08-29');
    s = await act(svn, { date: '2026-09-01', type: 'open-step', step: 'arbitration', by: 'SVN' });
    expect(s.step).toMatchObject({ kind: 'arbitration', binding: true });
    await act(svn, {
      date: '2026-09-10',
      type: 'appoint-arbitrator',
      by: 'SVN',
      arbitrator: 'FRA',
      role: 'party',
    });
    s = await act(presidency, {
      date: '2026-10-15',
      type: 'appoint-arbitrator',
      by: 'authority',
      for: 'HRV',
      arbitrator: 'GEO',
      role: 'party',
      note: 'HRV did not appoint within 30 days',
    });
    s = await act(secretariat, {
      date: '2026-10-30',
      type: 'appoint-arbitrator',
      by: 'party-arbitrators',
      arbitrator: 'LIE',
      role: 'presiding',
    });
    expect(s.step.arbitrators.map((a: { arbitrator: string }) => a.arbitrator)).toEqual([
      'FRA',
      'GEO',
      'LIE',
    ]);
    expect(s.step.constituted).toBe('2026-10-30');
    s = await act(secretariat, { date: '2027-03-31', type: 'award', by: 'tribunal', in_favour_of: 'SVN' });
    expect(s).toMatchObject({
      status: 'awaiting-compliance',
      award: { binding: true, complyBy: '2027-06-29' },
    });
    s = await act(svn, { date: '2027-07-15', type: 'report-non-compliance', by: 'SVN', against: 'HRV' });
    expect(s.status).toBe('referred');
  });

  it('shows the case with its timeline, stored events and who recorded each', async () => {
    const res = (await deu.get(`/api/disputes/${caseId}`)).json();
    expect(res).toMatchObject({ status: 'referred', institution: 'continental', charter: 'continental' });
    expect(res.events).toHaveLength(12);
    expect(res.events[8]).toMatchObject({ actor: 'presidency:presidency', event: { by: 'authority' } });
    const dates = res.state.timeline.map((e: { date: string }) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(res.state.timeline.every((e: { cite: string }) => e.cite.length > 0)).toBe(true);
    expect(res.state.steps.map((x: { step: string; outcome: string }) => `${x.step}:${x.outcome}`)).toEqual([
      'negotiation:failed',
      'mediation:failed',
      'arbitration:awarded',
    ]);
    const earlier = (await deu.get(`/api/disputes/${caseId}?asOf=2026-05-01`)).json();
    expect(earlier.state).toMatchObject({ status: 'in-step', step: { id: 'mediation' } });
    const list = (await observer.get('/api/disputes?institution=continental')).json();
    expect(list).toEqual([expect.objectContaining({ id: caseId, status: 'referred', nextDeadline: null })]);
  });

  it('records every action in the audit chain, which verifies', async () => {
    const entries = (await observer.get('/api/audit?limit=1000')).json();
    const mine = (Array.isArray(entries) ? entries : entries.entries).filter(
      (e: { subject: string }) => e.subject === `dispute:${caseId}`,
    );
    expect(mine.map((e: { action: string }) => e.action)).toEqual([
      'dispute.file',
      'dispute.deadline',
      'dispute.open-step',
      'dispute.propose-mediator',
      'dispute.propose-mediator',
      'dispute.report',
      'dispute.open-step',
      'dispute.appoint-arbitrator',
      'dispute.appoint-arbitrator',
      'dispute.appoint-arbitrator',
      'dispute.award',
      'dispute.report-non-compliance',
    ]);
    expect((await observer.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('refuses bad input on every endpoint with one clear 4xx and writes nothing', async () => {
    const filed = await secretariat.post('/api/disputes', {
      institution: 'continental',
      date: '2026-02-01',
      by: 'SVN',
      parties: ['SVN', 'ITA'],
      subject: 'resource',
    });
    expect(filed.statusCode).toBe(201);
    const id = filed.json().id;
    const size = await auditSize();
    const file = { ...SLOVENIA_CROATIA, date: '2026-02-01' };
    const bad: [Client, string, unknown, number, RegExp, string?][] = [
      [svn, '/api/disputes', { ...file, institution: undefined }, 400, /institution/, 'institution'],
      [svn, '/api/disputes', { ...file, institution: 'atlantis' }, 404, /institution "atlantis" not found/],
      [svn, '/api/disputes', { ...file, parties: ['SVN'] }, 400, /parties/, 'parties'],
      [svn, '/api/disputes', { ...file, subject: 'fish' }, 400, /subject/, 'subject'],
      [svn, '/api/disputes', { ...file, date: '2026-13-45' }, 400, /not a calendar date/, 'date'],
      [svn, '/api/disputes', { ...file, extra: 1 }, 400, /extra/],
      [
        secretariat,
        '/api/disputes',
        { ...file, parties: ['SVN', 'USA'] },
        422,
        /USA is not a member of continental/,
      ],
      [secretariat, '/api/disputes', { ...file, by: 'DEU' }, 422, /filed by a party, not DEU/],
      [svn, '/api/disputes', { ...file, by: 'HRV' }, 403, /own delegation/],
      [observer, '/api/disputes', file, 403, /observers read/],
      [
        svn,
        `/api/disputes/${id}/events`,
        { date: '2026-02-02', type: 'haggle', by: 'SVN' },
        400,
        /type.*event types/,
        'type',
      ],
      [
        svn,
        `/api/disputes/${id}/events`,
        { date: '2026-02-02', type: 'propose-mediator', by: 'SVN' },
        400,
        /mediator/,
        'mediator',
      ],
      [
        svn,
        `/api/disputes/${id}/events`,
        { date: '2026-02-02', type: 'propose-mediator', by: 'SVN', mediator: 'CHE' },
        422,
        /not allowed|mediator/,
      ],
      [
        svn,
        `/api/disputes/${id}/events`,
        { date: '2026-01-01', type: 'withdraw', by: 'SVN' },
        422,
        /before the case's last event \(2026-02-01\)/,
      ],
      [svn, `/api/disputes/${id}/events`, { date: '2026-02-03', type: 'escalate', by: 'SVN' }, 422, /.+/],
      [
        svn,
        `/api/disputes/${id}/events`,
        { date: '2026-02-03', type: 'file', by: 'SVN', parties: ['SVN', 'ITA'], subject: 'resource' },
        400,
        /filed once/,
        'type',
      ],
      [hrv, `/api/disputes/${id}/events`, { date: '2026-02-03', type: 'withdraw', by: 'HRV' }, 403, /.+/],
      [
        deu,
        `/api/disputes/${id}/events`,
        { date: '2026-02-03', type: 'withdraw', by: 'SVN' },
        403,
        /own delegation/,
      ],
      [
        observer,
        `/api/disputes/${id}/events`,
        { date: '2026-02-03', type: 'withdraw', by: 'SVN' },
        403,
        /observers read/,
      ],
      [
        presidency,
        `/api/disputes/${id}/events`,
        { date: '2026-02-03', type: 'withdraw', by: 'SVN' },
        403,
        /.+/,
      ],
      [
        svn,
        '/api/disputes/999/events',
        { date: '2026-02-03', type: 'withdraw', by: 'SVN' },
        404,
        /dispute case 999 not found/,
      ],
      [
        tp.anonymous,
        `/api/disputes/${id}/events`,
        { date: '2026-02-03', type: 'withdraw', by: 'SVN' },
        401,
        /log in/,
      ],
    ];
    for (const [client, url, body, status, message, field] of bad) {
      const res = await client.post(url, body);
      const what = `${url} ${JSON.stringify(body)}: ${res.body}`;
      expect.soft(res.statusCode, what).toBe(status);
      expect.soft(res.json().message, what).toMatch(message);
      if (field) expect.soft(res.json().field, what).toBe(field);
      expect.soft(res.body).not.toMatch(/\.ts:\d+/);
    }
    for (const [url, status] of [
      [`/api/disputes/${id}?asOf=tomorrow`, 400],
      [`/api/disputes/${id}?asOf=2026-02-30`, 400],
      ['/api/disputes/999', 404],
      ['/api/disputes/abc', 400],
      [`/api/disputes/${id}/mediators?seed=-3`, 400],
    ] as const) {
      expect((await svn.get(url)).statusCode, url).toBe(status);
    }
    expect(await auditSize()).toBe(size);
    expect((await svn.get(`/api/disputes/${id}`)).json().events).toHaveLength(1);
    expect((await svn.get('/api/disputes')).json()).toHaveLength(2);
  });
});
