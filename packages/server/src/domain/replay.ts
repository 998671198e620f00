import type { Decision } from '@concert/engine';
import type { Queryable } from '../database/index.ts';
import { jsonPages } from '../database/pages.ts';
import type { InstitutionRow } from './institutions.ts';
import type { MotionRow } from './motions.ts';
import { gameOf } from './motions.ts';
import { ballotsFor, type Choice, decide } from './polls.ts';
import type { SessionRow } from './sessions.ts';

interface EventData {
  delegation: string;
  present: boolean;
  motion: number;
  category: string;
  parties: string[];
  poll: number;
  choice?: Choice;
}

/** One event of a session's log as replay reads it; `sealed` only when the server replays its own rows. */
export interface LoggedEvent {
  id: number;
  type: string;
  at: string;
  data: Record<string, unknown>;
  sealed?: Record<string, unknown> | null;
}

export interface ReplayedPoll {
  poll: number;
  /** The engine's decision recomputed from the log; null when the log withholds a secret vote's choice. */
  decision: Decision | null;
}

/**
 * Replays a session's event log through the engine: check-ins, motions, polls and votes rebuild the state,
 * and each `poll.closed` is decided again from it. The stored results must come out exactly (round-trip test).
 */
/** `source`: the charter's YAML when the institution's charter is not a built-in one. */
export function replaySession(events: LoggedEvent[], source?: string | null): ReplayedPoll[] {
  const opened = events.find((e) => e.type === 'session.opened');
  if (!opened) throw new Error('the log has no session.opened event');
  const d = opened.data as {
    session: number;
    institution: string;
    charter: string;
    adoptedOn: string;
    body: string;
  };
  const institution: InstitutionRow = {
    id: d.institution,
    charter_id: d.charter,
    charter_source: source ?? null,
    adopted_on: d.adoptedOn,
    name: '',
    created_at: '',
  };
  const session = { id: d.session, institution_id: d.institution, body_id: d.body } as SessionRow;
  const present = new Set<string>();
  const motions = new Map<number, Pick<MotionRow, 'id' | 'category_id' | 'parties'>>();
  const polls = new Map<number, { motion: number; votes: Map<string, Choice>; complete: boolean }>();
  const results: ReplayedPoll[] = [];
  for (const e of [...events].sort((a, b) => a.id - b.id)) {
    const x = e.data as unknown as EventData;
    switch (e.type) {
      case 'attendance.changed':
        if (x.present) present.add(x.delegation);
        else present.delete(x.delegation);
        break;
      case 'motion.tabled':
        motions.set(x.motion, { id: x.motion, category_id: x.category, parties: x.parties });
        break;
      case 'poll.opened':
        polls.set(x.poll, { motion: x.motion, votes: new Map(), complete: true });
        break;
      case 'vote.cast': {
        const poll = polls.get(x.poll)!;
        const choice = (x.choice ?? e.sealed?.choice) as Choice | undefined;
        if (choice) poll.votes.set(x.delegation, choice);
        else poll.complete = false;
        break;
      }
      case 'poll.closed': {
        const poll = polls.get(x.poll)!;
        if (!poll.complete) {
          results.push({ poll: x.poll, decision: null });
          break;
        }
        const motion = motions.get(poll.motion)! as MotionRow;
        const game = gameOf(institution, session, motion);
        const ballots = ballotsFor(
          institution,
          game.players.map((p) => p.id),
          poll.votes,
          present,
        );
        results.push({ poll: x.poll, decision: decide({ institution, session, motion }, ballots) });
        break;
      }
    }
  }
  return results;
}

/** The session's log as stored, `sealed` included (server-side only; never sent to a client). */
export async function storedLog(
  db: Queryable,
  sessionId: number,
  withSealed: boolean,
): Promise<LoggedEvent[]> {
  const rows = await db.query<{
    id: number;
    type: string;
    at: string;
    data: Record<string, unknown>;
    sealed: Record<string, unknown> | null;
  }>('SELECT id, type, at, data, sealed FROM session_events WHERE session_id = $1 ORDER BY id', [sessionId]);
  return rows.map((r) => ({
    id: Number(r.id),
    type: r.type,
    at: r.at,
    data: r.data,
    ...(withSealed ? { sealed: r.sealed } : {}),
  }));
}

/** The session's public log (no sealed data) as pages of JSON text, for the analysis thread. */
export function storedLogPages(db: Queryable, sessionId: number): Promise<string[]> {
  return jsonPages(
    db,
    'SELECT id, type, at, data FROM session_events WHERE session_id = $3 AND id > $1 ORDER BY id LIMIT $2',
    'id',
    [sessionId],
  );
}

/** Equal as JSON, whatever the order of keys (a replayed decision against the stored one). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}
