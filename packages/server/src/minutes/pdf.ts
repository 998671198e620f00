import PDFDocument from 'pdfkit';
import type { Minutes, PollMinutes } from './minutes.ts';

// Renders the minutes with pdfkit's standard fonts (no font files to ship). Those fonts cover Windows-1252
// (Latin-1 and a few more), so any other character prints as "?" — the JSON exports keep the exact text.

const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function printable(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    const ok = (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch);
    out += ok ? ch : ch === '\n' ? '\n' : '?';
  }
  return out;
}

export function minutesPdf(m: Minutes): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: printable(`Minutes: ${m.session.title}`),
      Author: 'Concert council platform',
      Subject: printable(`${m.institution.name}, ${m.body.name}, session ${m.session.id}`),
      CreationDate: new Date(m.exportedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const heading = (s: string, size = 13) => {
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).text(printable(s)).font('Helvetica').fontSize(10);
  };
  const line = (s: string, indent = 0) => doc.text(printable(s), { indent });
  const field = (name: string, value: string) => {
    doc.font('Helvetica-Bold').text(printable(`${name}: `), { continued: true });
    doc.font('Helvetica').text(printable(value));
  };

  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(printable(`Minutes: ${m.session.title}`));
  doc.font('Helvetica').fontSize(10).moveDown(0.3);
  field(
    'Institution',
    `${m.institution.name} (${m.institution.id}; charter ${m.institution.charter}, adopted ${m.institution.adoptedOn})`,
  );
  field('Body', `${m.body.name} (${m.body.id})`);
  field('Session', `${m.session.id}, opened ${m.session.openedAt}, ${m.session.status}`);
  field('Presidency', m.presidency);
  field('Exported', m.exportedAt);

  heading(
    `Attendance (${m.attendance.present.length} present, ${m.attendance.absent.length} not checked in)`,
  );
  field('Present', m.attendance.present.join(', ') || 'none');
  field('Not checked in', m.attendance.absent.join(', ') || 'none');

  heading('Agenda');
  if (m.agenda.length === 0) line('No agenda items.');
  for (const item of m.agenda) line(item);

  heading('Motions and results');
  if (m.motions.length === 0) line('No motions were tabled.');
  for (const motion of m.motions) {
    doc
      .moveDown(0.4)
      .font('Helvetica-Bold')
      .text(printable(`Motion ${motion.id} (${motion.category})`));
    doc.font('Helvetica');
    line(motion.text, 10);
    if (motion.sponsor) field('Sponsor', motion.sponsor);
    if (motion.parties.length > 0) field('Parties to the matter', motion.parties.join(', '));
    if (motion.polls.length === 0) line('Not put to the vote.', 10);
    for (const poll of motion.polls) printPoll(doc, poll, line, field);
  }

  heading('Audit checkpoint at export');
  line(
    'The signed tree head of the audit log when these minutes were made. Keep it: POST /api/audit/verify ' +
      'with it, or `concert audit verify --checkpoint`, shows whether the log was altered since.',
  );
  const cp = m.checkpoint.checkpoint;
  field('Log', `${cp.origin}, ${cp.size} entries, signed ${cp.timestamp}, key ${cp.keyId}`);
  field('Merkle root (RFC 9162)', cp.rootHash);
  field('Chain head', cp.headHash);
  field('Public key (Ed25519)', m.checkpoint.publicKey);
  doc.moveDown(0.3).font('Courier').fontSize(8).text(printable(m.checkpoint.note));
  doc.end();
  return done;
}

function printPoll(
  doc: PDFKit.PDFDocument,
  poll: PollMinutes,
  line: (s: string, indent?: number) => unknown,
  field: (name: string, value: string) => void,
) {
  doc.moveDown(0.3);
  field(
    `Poll ${poll.id}`,
    `${poll.ballot} ballot, opened ${poll.openedAt}${poll.closedAt ? `, closed ${poll.closedAt}` : ', still open'}`,
  );
  field('Rule', poll.rule);
  if (poll.adopted === null || !poll.tally) {
    line('No result yet.', 10);
    return;
  }
  const t = poll.tally;
  field(
    'Result',
    `${poll.adopted ? 'ADOPTED' : 'NOT ADOPTED'} (yes ${t.yes}, no ${t.no}, abstain ${t.abstain}, absent ${t.absent})`,
  );
  line('Explanation, clause by clause:', 10);
  for (const c of poll.clauses) line(c.text, 20 + 10 * c.depth);
  if (poll.rollCall) {
    line('Roll call:', 10);
    line(
      poll.rollCall
        .map((r) => `${r.member} ${r.vote}${r.byProxy ? ` (by proxy: ${r.byProxy})` : ''}`)
        .join('; '),
      20,
    );
  } else {
    line('Secret ballot: no roll call; only the aggregate above is published.', 10);
  }
}
