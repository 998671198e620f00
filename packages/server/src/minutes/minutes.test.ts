import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../database/test-support.ts';
import { SECRET_CHARTER } from '../test-charters.ts';
import { type Client, startTestPlatform, type TestPlatform } from '../test-support.ts';
import { printable } from './pdf.ts';

async function pdfText(body: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

// The minutes are a real PDF: its text, extracted by PDF.js (unpdf), carries the session, the result and
// its explanation, the roll call (roll-call polls only) and the audit checkpoint signed at export.
describeEachDatabase('minutes as a PDF', (t) => {
  let tp: TestPlatform;
  let chair: Client;
  let observer: Client;
  beforeAll(async () => {
    tp = await startTestPlatform(t.db);
    chair = await tp.login('presidency');
    observer = await tp.login('observer');
  });

  it('prints a continental session: attendance, agenda, motion, result, explanation, roll call, checkpoint', async () => {
    const s = (
      await chair.post('/api/sessions', {
        institution: 'continental',
        body: 'council',
        title: 'Session on the monitoring mission',
        agenda: ['Adoption of the agenda'],
      })
    ).json().id;
    const deu = await tp.login('delegate-deu');
    const fra = await tp.login('delegate-fra');
    for (const c of [deu, fra]) await c.post(`/api/sessions/${s}/attendance`, { present: true });
    const motion = (
      await deu.post(`/api/sessions/${s}/motions`, {
        category: 'procedural',
        text: 'Adopt the agenda, Ünïcode ok',
      })
    ).json();
    const poll = (await chair.post(`/api/motions/${motion.id}/polls`)).json().id;
    await deu.post(`/api/polls/${poll}/votes`, { choice: 'yes' });
    await fra.post(`/api/polls/${poll}/votes`, { choice: 'no' });
    const adopted = (await chair.post(`/api/polls/${poll}/close`)).json().result.adopted as boolean;

    const res = await observer.get(`/api/sessions/${s}/minutes.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const body = (res as unknown as { rawPayload: Buffer }).rawPayload;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(body);
    expect(text).toContain('Minutes: Session on the monitoring mission');
    expect(text).toContain('Continental Security Council');
    expect(text).toMatch(/Presidency: [A-Za-z ]+ \([A-Z]{3}\), term \d{4}-\d{2}-\d{2} to /);
    expect(text).toMatch(
      /Explanation, clause by clause: .*(Quorum|quorum).*: \d+ of \d+, needs .* - (met|not met)/,
    );
    expect(text).toContain('1. Adoption of the agenda');
    expect(text).toContain('Adopt the agenda, Ünïcode ok');
    expect(text).toContain(`Poll ${poll}: roll-call ballot`);
    expect(text).toContain(adopted ? 'ADOPTED' : 'NOT ADOPTED');
    expect(text).toMatch(/yes 1, no 1, abstain 0, absent 4\d/);
    expect(text).toContain('DEU yes');
    expect(text).toContain('FRA no');
    expect(text).toMatch(/Present: .*Germany \(DEU\)/);
    // The checkpoint printed is the one the server stored at export.
    const [stored] = await t.db.query<{ checkpoint: { rootHash: string; size: number } }>(
      'SELECT checkpoint FROM audit_checkpoints ORDER BY size DESC LIMIT 1',
    );
    expect(text).toContain(stored!.checkpoint.rootHash);
    expect(text).toContain(`${stored!.checkpoint.size} entries`);
  });

  it('prints a secret poll as its aggregate only, without a roll call', async () => {
    const secretariat = await tp.login('secretariat');
    await secretariat.post('/api/institutions', {
      id: 'quintet',
      charterSource: SECRET_CHARTER,
      adoptedOn: '2026-01-01',
    });
    const deu = await tp.account(secretariat, 'q-deu', 'delegate', 'quintet:DEU');
    const s = (
      await chair.post('/api/sessions', { institution: 'quintet', body: 'council', title: 'Ballot' })
    ).json().id;
    await deu.post(`/api/sessions/${s}/attendance`, { present: true });
    const motion = (
      await chair.post(`/api/sessions/${s}/motions`, { category: 'election', text: 'Elect' })
    ).json();
    const poll = (await chair.post(`/api/motions/${motion.id}/polls`)).json().id;
    await deu.post(`/api/polls/${poll}/votes`, { choice: 'no' });
    await chair.post(`/api/polls/${poll}/close`);
    const res = await observer.get(`/api/sessions/${s}/minutes.pdf`);
    const text = await pdfText((res as unknown as { rawPayload: Buffer }).rawPayload);
    expect(text).toContain('secret ballot');
    expect(text).toContain('Secret ballot: no roll call');
    expect(text).not.toContain('DEU no');
    expect(text).toContain('yes 0, no 1, abstain 0, absent 4');
  });

  it('answers 404 for a session that does not exist and 401 without a login', async () => {
    expect((await observer.get('/api/sessions/9999/minutes.pdf')).statusCode).toBe(404);
    expect((await tp.anonymous.get('/api/sessions/1/minutes.pdf')).statusCode).toBe(401);
  });

  it('prints characters outside the standard fonts as "?"', () => {
    expect(printable('Россия – Türkiye €')).toBe('?????? – Türkiye €');
  });
});
