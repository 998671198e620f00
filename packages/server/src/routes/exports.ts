import { bytesToHex, checkpointNote, type Decision } from '@concert/engine';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Platform } from '../app.ts';
import { getInstitution } from '../domain/institutions.ts';
import type { PollRow } from '../domain/polls.ts';
import { pollContext } from '../domain/polls.ts';
import { storedLogPages } from '../domain/replay.ts';
import { getSession } from '../domain/sessions.ts';
import { conflict, forbidden } from '../errors.ts';
import { sessionMinutes } from '../minutes/minutes.ts';
import { minutesPdf } from '../minutes/pdf.ts';
import { issueCheckpoint } from '../record/checkpoints.ts';
import { errors, idParam } from './schemas.ts';

const VOTE_ORDER = ['yes', 'no', 'abstain', 'absent'] as const;
type View = 'named' | 'anonymised' | 'aggregate';
const format = { type: 'string', enum: ['json', 'csv'], default: 'json' } as const;

export async function exportRoutes(app: FastifyInstance, p: Platform) {
  app.get<{ Params: { id: number }; Querystring: { format?: 'json' | 'csv'; view?: View } }>(
    '/api/polls/:id/roll-call',
    {
      schema: {
        tags: ['exports'],
        summary:
          'Roll call of a closed poll: named (roll-call polls only), anonymised or aggregate; JSON or CSV',
        params: idParam,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { format, view: { type: 'string', enum: ['named', 'anonymised', 'aggregate'] } },
        },
        response: errors,
      },
    },
    async (request, reply) => {
      p.actor(request);
      const ctx = await pollContext(p.db, request.params.id);
      const decision = closedDecision(ctx.poll);
      const secret = ctx.poll.ballot === 'secret';
      const view: View = request.query.view ?? (secret ? 'aggregate' : 'named');
      if (secret && view !== 'aggregate') {
        throw forbidden(`poll ${ctx.poll.id} was a secret ballot: only the aggregate result is available`);
      }
      const meta = {
        poll: ctx.poll.id,
        motion: ctx.motion.id,
        category: ctx.motion.category_id,
        ballot: ctx.poll.ballot,
        adopted: decision.adopted,
      };
      if (view === 'aggregate') {
        return send(
          reply,
          request.query.format,
          `poll-${ctx.poll.id}-aggregate`,
          { ...meta, tally: decision.tally },
          [['vote', 'count'], ...VOTE_ORDER.map((v) => [v, String(decision.tally[v])])],
        );
      }
      if (view === 'anonymised') {
        const votes = decision.ballots
          .map((b) => b.vote)
          .sort((a, b) => VOTE_ORDER.indexOf(a) - VOTE_ORDER.indexOf(b));
        return send(reply, request.query.format, `poll-${ctx.poll.id}-anonymised`, { ...meta, votes }, [
          ['vote'],
          ...votes.map((v) => [v]),
        ]);
      }
      const rows = decision.ballots.map((b) => ({ member: b.id, name: b.name ?? b.id, vote: b.vote }));
      return send(reply, request.query.format, `poll-${ctx.poll.id}-roll-call`, { ...meta, rollCall: rows }, [
        ['member', 'name', 'vote'],
        ...rows.map((r) => [r.member, r.name, r.vote]),
      ]);
    },
  );

  app.get<{ Params: { id: number }; Querystring: { format?: 'json' | 'csv' } }>(
    '/api/sessions/:id/results',
    {
      schema: {
        tags: ['exports'],
        summary: "Results of the session's closed polls (aggregate), JSON or CSV",
        params: idParam,
        querystring: { type: 'object', additionalProperties: false, properties: { format } },
        response: errors,
      },
    },
    async (request, reply) => {
      p.actor(request);
      const session = await getSession(p.db, request.params.id);
      const polls = await p.db.query<PollRow & { category_id: string; text: string }>(
        `SELECT p.*, m.category_id, m.text FROM polls p JOIN motions m ON m.id = p.motion_id
          WHERE m.session_id = $1 AND p.status = 'closed' ORDER BY p.id`,
        [session.id],
      );
      const results = polls.map((x) => ({
        poll: x.id,
        motion: x.motion_id,
        category: x.category_id,
        text: x.text,
        ballot: x.ballot,
        adopted: x.adopted!,
        closedAt: x.closed_at!,
        ...x.decision!.tally,
      }));
      return send(
        reply,
        request.query.format,
        `session-${session.id}-results`,
        { session: session.id, results },
        [
          [
            'poll',
            'motion',
            'category',
            'ballot',
            'adopted',
            'yes',
            'no',
            'abstain',
            'absent',
            'closed_at',
            'text',
          ],
          ...results.map((r) =>
            [
              r.poll,
              r.motion,
              r.category,
              r.ballot,
              r.adopted,
              r.yes,
              r.no,
              r.abstain,
              r.absent,
              r.closedAt,
              r.text,
            ].map(String),
          ),
        ],
      );
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/sessions/:id/minutes.pdf',
    {
      schema: {
        tags: ['exports'],
        summary:
          "The session's minutes as a PDF: attendance, agenda, motions, each poll's rule, result and explanation, the roll call as secrecy allows, and a signed audit checkpoint",
        params: idParam,
        response: errors,
      },
    },
    async (request, reply) => {
      p.actor(request);
      const exportedAt = p.now();
      const minutes = await sessionMinutes(p.db, request.params.id, exportedAt.toISOString());
      // Signed after the minutes are read, so the checkpoint covers every entry they report.
      const checkpoint = await issueCheckpoint(p.db, p.record, exportedAt, p.analyses);
      const pdf = await minutesPdf({
        ...minutes,
        checkpoint: {
          checkpoint,
          note: checkpointNote(checkpoint),
          publicKey: bytesToHex(p.record.key.publicKey),
        },
      });
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `attachment; filename="session-${request.params.id}-minutes.pdf"`);
      return reply.send(pdf);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/sessions/:id/log',
    {
      schema: {
        tags: ['exports'],
        summary:
          "The session's event log (secret votes without their choice) and a replay check of every result",
        params: idParam,
        response: errors,
      },
    },
    async (request, reply) => {
      p.actor(request);
      const session = await getSession(p.db, request.params.id);
      const institution = await getInstitution(p.db, session.institution_id);
      const [stored] = await p.db.query<{ decisions: string }>(
        `SELECT coalesce(json_agg(json_build_object('id', p.id, 'decision', p.decision)), '[]')::text AS decisions
           FROM polls p JOIN motions m ON m.id = p.motion_id WHERE m.session_id = $1 AND p.status = 'closed'`,
        [session.id],
      );
      // Read in pages, replayed (and the answer written as JSON) on the analysis thread, not on this loop.
      const pages = await storedLogPages(p.db, session.id);
      const body = await p.analyses.run({
        kind: 'replay',
        input: {
          session: session.id,
          pages,
          decisions: stored!.decisions,
          source: institution.charter_source,
        },
      });
      return reply
        .type('application/json; charset=utf-8')
        .send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    },
  );
}

function closedDecision(poll: PollRow): Decision {
  if (poll.status !== 'closed' || !poll.decision)
    throw conflict(`poll ${poll.id} is still open; the roll call is available once it closes`);
  return poll.decision;
}

function send(
  reply: FastifyReply,
  fmt: 'json' | 'csv' | undefined,
  name: string,
  json: unknown,
  table: string[][],
) {
  if (fmt !== 'csv') return json;
  reply.header('content-type', 'text/csv; charset=utf-8');
  reply.header('content-disposition', `attachment; filename="${name}.csv"`);
  return `${table.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function csvCell(s: string): string {
  const cell = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s; // no formula injection when opened in a spreadsheet
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
