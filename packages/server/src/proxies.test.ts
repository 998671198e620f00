import type { Decision } from '@concert/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from './database/test-support.ts';
import { replaySession, sameJson, storedLog } from './domain/replay.ts';
import {
  type Client,
  councilSession,
  proceduralPoll,
  startTestPlatform,
  type TestPlatform,
} from './test-support.ts';

// Proxies on the continental council (one per holder, a modelling assumption of the charter): the holder
// casts the granter's vote while it is checked in and the granter is not; the proxy ends on the granter's
// check-in; overlapping, chained and self proxies are refused.
describeEachDatabase('proxies', (t) => {
  let tp: TestPlatform;
  let chair: Client;
  let secretariat: Client;
  const d: Record<string, Client> = {};
  const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  const grant = (c: Client, holder: string, extra: Record<string, unknown> = {}) =>
    c.post('/api/institutions/continental/proxies', {
      body: 'council',
      holder: `continental:${holder}`,
      until: inHours(2),
      ...extra,
    });

  beforeAll(async () => {
    tp = await startTestPlatform(t.db);
    chair = await tp.login('presidency');
    secretariat = await tp.login('secretariat');
    for (const m of ['deu', 'fra', 'ita', 'esp', 'pol', 'nld', 'bel', 'aut'])
      d[m] = await tp.login(`delegate-${m}`);
  });

  const sessionWith = (present: string[]) =>
    councilSession(
      chair,
      present.map((m) => d[m]!),
      'Proxies',
    );
  const pollIn = (s: number) => proceduralPoll(chair, s);
  const ballotOf = (decision: Decision, member: string) =>
    decision.ballots.find((b) => b.id === member)?.vote;

  it("lets the holder cast the absent granter's vote, recorded as cast by proxy, counted, and replayed", async () => {
    const s = await sessionWith(['fra', 'ita']);
    const granted = await grant(d.deu!, 'FRA');
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json()).toMatchObject({
      granter: 'continental:DEU',
      holder: 'continental:FRA',
      state: 'in force',
    });
    const poll = await pollIn(s);
    const motion = (await chair.get(`/api/polls/${poll}`)).json().motion;
    const before = (await chair.get(`/api/motions/${motion}/standing`)).json();
    expect(before.represented).toEqual([
      { member: 'DEU', delegation: 'continental:DEU', holder: 'continental:FRA' },
    ]);
    expect(before.absent).toContain('DEU');
    const cast = await d.fra!.post(`/api/polls/${poll}/votes`, {
      delegation: 'continental:DEU',
      choice: 'no',
    });
    expect(cast.statusCode, cast.body).toBe(204);
    await d.fra!.post(`/api/polls/${poll}/votes`, { choice: 'yes' });
    const shown = (await chair.get(`/api/polls/${poll}`)).json();
    expect(shown.byProxy).toEqual([{ delegation: 'continental:DEU', holder: 'continental:FRA' }]);
    const audit = (await chair.get('/api/audit?limit=1000')).json().entries;
    const entry = audit.findLast(
      (e: { action: string; content: { delegation: string } }) =>
        e.action === 'vote.cast' && e.content.delegation === 'continental:DEU',
    );
    expect(entry.actor).toBe('delegate:delegate-fra');
    expect(entry.content).toMatchObject({ choice: 'no', proxy: { holder: 'continental:FRA' } });
    const closed = (await chair.post(`/api/polls/${poll}/close`)).json();
    expect(ballotOf(closed.result, 'DEU')).toBe('no');
    expect(ballotOf(closed.result, 'FRA')).toBe('yes');
    expect(ballotOf(closed.result, 'ESP')).toBe('absent');
    const [stored] = await t.db.query<{ decision: Decision }>('SELECT decision FROM polls WHERE id = $1', [
      poll,
    ]);
    const replayed = replaySession(await storedLog(t.db, s, true));
    expect(sameJson(replayed[0]!.decision, stored!.decision)).toBe(true);
    const log = (await chair.get(`/api/sessions/${s}/log`)).json();
    expect(log.replay).toEqual([{ poll, reproduced: true }]);
    expect(log.events.some((e: { type: string }) => e.type === 'proxy.granted')).toBe(true);
  });

  it('an absent proxy-holder cannot cast the vote: the granter is simply absent', async () => {
    const s = await sessionWith(['pol']);
    expect((await grant(d.ita!, 'ESP')).statusCode).toBe(201);
    const poll = await pollIn(s);
    const cast = await d.esp!.post(`/api/polls/${poll}/votes`, {
      delegation: 'continental:ITA',
      choice: 'yes',
    });
    expect(cast.statusCode).toBe(409);
    expect(cast.json().message).toMatch(/proxy holder continental:ESP is not checked in/);
    await d.pol!.post(`/api/polls/${poll}/votes`, { choice: 'yes' });
    const closed = (await chair.post(`/api/polls/${poll}/close`)).json();
    expect(ballotOf(closed.result, 'ITA')).toBe('absent');
    const motion = closed.motion;
    expect((await chair.get(`/api/motions/${motion}/standing`)).json().represented).toEqual([]);
  });

  it('refuses a second overlapping proxy from the same granter, but takes a later one', async () => {
    const first = await grant(d.nld!, 'BEL', { until: inHours(3) });
    expect(first.statusCode, first.body).toBe(201);
    const overlap = await grant(d.nld!, 'AUT', { from: inHours(2), until: inHours(4) });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().message).toMatch(/already hands its vote to continental:BEL/);
    const later = await grant(d.nld!, 'AUT', { from: inHours(3), until: inHours(5) });
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json().state).toBe('scheduled');
  });

  it('refuses chains, a second proxy beyond max_per_holder, itself, strangers and bad periods', async () => {
    // DEU → FRA stands (first test). FRA holds a vote: it cannot hand its own on; DEU cannot hold another's.
    expect((await grant(d.fra!, 'POL')).json().message).toMatch(/holds the vote of continental:DEU/);
    expect((await grant(d.pol!, 'DEU')).json().message).toMatch(/has handed its own vote/);
    expect((await grant(d.pol!, 'FRA')).json().message).toMatch(/allows 1 per holder/);
    expect((await grant(d.pol!, 'POL')).statusCode).toBe(400);
    const stranger = await d.pol!.post('/api/institutions/continental/proxies', {
      body: 'council',
      holder: 'unsc:FRA',
      until: inHours(1),
    });
    expect(stranger.statusCode).toBe(400);
    expect((await grant(d.pol!, 'AUT', { until: inHours(-1) })).statusCode).toBe(400);
    expect((await grant(d.pol!, 'AUT', { until: 'tomorrow' })).statusCode).toBe(400);
    expect((await grant(d.pol!, 'AUT', { until: inHours(24 * 400) })).statusCode).toBe(400);
    const body = await d.pol!.post('/api/institutions/continental/proxies', {
      body: 'assembly',
      holder: 'continental:AUT',
      until: inHours(1),
    });
    expect(body.statusCode).toBe(400);
  });

  it('refuses proxies where the charter does not allow them', async () => {
    const fra = await tp.account(secretariat, 'unsc-fra', 'delegate', 'unsc:FRA');
    const res = await fra.post('/api/institutions/unsc/proxies', {
      body: 'security-council',
      holder: 'unsc:GBR',
      until: inHours(1),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/does not allow proxies.*Art\. 23\(3\)/);
  });

  it('ends the proxy when the granter checks in again; the holder can no longer vote for it', async () => {
    const s = await sessionWith(['fra']);
    const poll = await pollIn(s);
    await d.deu!.post(`/api/sessions/${s}/attendance`, { present: true });
    const proxies = (await chair.get('/api/institutions/continental/proxies')).json().proxies;
    const deu = proxies.find((x: { granter: string }) => x.granter === 'continental:DEU');
    expect(deu.state).toBe('ended');
    const cast = await d.fra!.post(`/api/polls/${poll}/votes`, {
      delegation: 'continental:DEU',
      choice: 'yes',
    });
    expect(cast.statusCode).toBe(403);
    const audit = (await chair.get('/api/audit?limit=1000')).json().entries;
    expect(
      audit.some(
        (e: { action: string; subject: string }) =>
          e.action === 'proxy.end' && e.subject === `proxy:${deu.proxy}`,
      ),
    ).toBe(true);
    const events = (await chair.get(`/api/sessions/${s}/log`)).json().events;
    expect(events.map((e: { type: string }) => e.type)).toContain('proxy.ended');
    // Ended, DEU may hand its vote again.
    expect((await grant(d.deu!, 'FRA')).statusCode).toBe(201);
  });

  describe('revocation', () => {
    it("only the granter's delegates revoke; a revoked proxy cannot be revoked again", async () => {
      const granted = await grant(d.aut!, 'POL');
      expect(granted.statusCode, granted.body).toBe(201);
      const id = granted.json().proxy;
      const observer = await tp.login('observer');
      for (const c of [d.pol!, observer, secretariat, chair]) {
        expect((await c.post(`/api/proxies/${id}/revoke`)).statusCode, c.username).toBe(403);
      }
      const revoked = await d.aut!.post(`/api/proxies/${id}/revoke`);
      expect(revoked.statusCode, revoked.body).toBe(200);
      expect(revoked.json().state).toBe('revoked');
      expect((await d.aut!.post(`/api/proxies/${id}/revoke`)).statusCode).toBe(409);
      expect((await d.aut!.post('/api/proxies/99999/revoke')).statusCode).toBe(404);
    });
  });
});
