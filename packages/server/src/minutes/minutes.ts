import type { Checkpoint, Vote } from '@concert/engine';
import type { Queryable } from '../database/index.ts';
import { withheldGroups } from '../domain/disclosure.ts';
import { charterOf, delegationsOf, engineInstitution, getInstitution } from '../domain/institutions.ts';
import type { MotionRow } from '../domain/motions.ts';
import { type Choice, type PollRow, publicResult } from '../domain/polls.ts';
import { presidencyOn } from '../domain/presidency.ts';
import { agendaOf, getSession } from '../domain/sessions.ts';

// A session's minutes as plain data: what the PDF prints. Secrecy as everywhere else: a secret poll's result
// is its published aggregate (small caucuses withheld), with no roll call.

export interface ClauseLine {
  depth: number;
  text: string;
}

export interface PollMinutes {
  id: number;
  ballot: 'roll-call' | 'secret';
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  rule: string;
  adopted: boolean | null;
  tally: Record<Vote, number> | null;
  clauses: ClauseLine[];
  /** Named votes of a closed roll-call poll; null for a secret or open poll. */
  rollCall: { member: string; name: string; vote: Vote; byProxy: string | null }[] | null;
}

export interface Minutes {
  exportedAt: string;
  institution: { id: string; name: string; charter: string; adoptedOn: string };
  body: { id: string; name: string };
  session: { id: number; title: string; status: string; openedAt: string };
  presidency: string;
  attendance: { present: string[]; absent: string[] };
  agenda: string[];
  motions: {
    id: number;
    category: string;
    text: string;
    sponsor: string | null;
    parties: string[];
    polls: PollMinutes[];
  }[];
  checkpoint: { checkpoint: Checkpoint; note: string; publicKey: string };
}

export async function sessionMinutes(
  db: Queryable,
  sessionId: number,
  exportedAt: string,
): Promise<Omit<Minutes, 'checkpoint'>> {
  const session = await getSession(db, sessionId);
  const institution = await getInstitution(db, session.institution_id);
  const charter = charterOf(institution);
  const body = charter.bodies.find((b) => b.id === session.body_id)!;
  const delegations = await delegationsOf(db, institution.id);
  const nameOf = new Map(delegations.map((d) => [d.id, `${d.name} (${d.memberId})`]));
  const present = new Set(
    (
      await db.query<{ delegation_id: string }>(
        'SELECT delegation_id FROM attendance WHERE session_id = $1 AND present',
        [session.id],
      )
    ).map((r) => r.delegation_id),
  );
  const day = session.created_at.slice(0, 10);
  const term = presidencyOn(
    charter,
    body.id,
    engineInstitution(institution).members,
    institution.adopted_on,
    day,
  );
  const motions = await db.query<MotionRow>('SELECT * FROM motions WHERE session_id = $1 ORDER BY id', [
    session.id,
  ]);
  return {
    exportedAt,
    institution: {
      id: institution.id,
      name: institution.name,
      charter: institution.charter_id,
      adoptedOn: institution.adopted_on,
    },
    body: { id: body.id, name: body.name },
    session: { id: session.id, title: session.title, status: session.status, openedAt: session.created_at },
    presidency: term
      ? `${term.name ?? term.member} (${term.member}), term ${term.from} to ${term.to}; ${term.rule}`
      : (body.presidency?.description ?? 'no rotating presidency'),
    attendance: {
      present: delegations.filter((d) => present.has(d.id)).map((d) => nameOf.get(d.id)!),
      absent: delegations.filter((d) => !present.has(d.id)).map((d) => nameOf.get(d.id)!),
    },
    agenda: (await agendaOf(db, session.id)).map((a) => `${a.position}. ${a.title}`),
    motions: await Promise.all(
      motions.map(async (m) => ({
        id: m.id,
        category: body.categories.find((c) => c.id === m.category_id)?.name ?? m.category_id,
        text: m.text,
        sponsor: m.sponsor_delegation_id
          ? (nameOf.get(m.sponsor_delegation_id) ?? m.sponsor_delegation_id)
          : null,
        parties: m.parties,
        polls: await pollsOf(db, institution, m, body.categories),
      })),
    ),
  };
}

async function pollsOf(
  db: Queryable,
  institution: Parameters<typeof withheldGroups>[0],
  motion: MotionRow,
  categories: { id: string; name: string; cite: string; description?: string }[],
): Promise<PollMinutes[]> {
  const polls = await db.query<PollRow>('SELECT * FROM polls WHERE motion_id = $1 ORDER BY id', [motion.id]);
  const category = categories.find((c) => c.id === motion.category_id);
  const rule = category
    ? `${category.name} (${category.cite})${category.description ? `: ${category.description}` : ''}`
    : motion.category_id;
  return Promise.all(
    polls.map(async (poll) => {
      const votes = await db.query<{
        delegation_id: string;
        choice: Choice;
        proxy_holder_delegation_id: string | null;
      }>('SELECT delegation_id, choice, proxy_holder_delegation_id FROM votes WHERE poll_id = $1', [poll.id]);
      const decision = poll.decision;
      const published = decision
        ? publicResult(
            poll,
            decision,
            withheldGroups(institution, new Map(votes.map((v) => [v.delegation_id, v.choice]))),
          )
        : null;
      const proxyOf = new Map(
        votes.map((v) => [v.delegation_id.slice(institution.id.length + 1), v.proxy_holder_delegation_id]),
      );
      return {
        id: poll.id,
        ballot: poll.ballot,
        status: poll.status,
        openedAt: poll.opened_at,
        closedAt: poll.closed_at,
        rule,
        adopted: decision ? decision.adopted : null,
        tally: decision ? decision.tally : null,
        clauses: published ? published.clauses.map(clauseLine) : [],
        rollCall:
          decision && poll.ballot === 'roll-call'
            ? decision.ballots.map((b) => ({
                member: b.id,
                name: b.name ?? b.id,
                vote: b.vote,
                byProxy: proxyOf.get(b.id) ?? null,
              }))
            : null,
      };
    }),
  );
}

function clauseLine(c: {
  op: string;
  depth: number;
  label?: string;
  group?: string;
  met?: boolean;
  value?: number;
  baseTotal?: number;
  threshold?: number;
  thresholdText?: string;
  suppressed?: boolean;
}): ClauseLine {
  const name = [c.label ?? c.op, c.group ? `[${c.group}]` : ''].filter(Boolean).join(' ');
  if (c.suppressed)
    return { depth: c.depth, text: `${name}: withheld (too few votes to publish in a secret ballot)` };
  const numbers =
    c.value !== undefined
      ? ` ${round(c.value)} of ${round(c.baseTotal ?? 0)}, needs ${c.thresholdText ?? ''} (${round(c.threshold ?? 0)})`
      : '';
  return { depth: c.depth, text: `${name}:${numbers} - ${c.met ? 'met' : 'not met'}` };
}

const round = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
