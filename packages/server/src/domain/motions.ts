import { type Charter, CharterError, type DecisionGame, decisionGame } from '@concert/engine';
import type { Actor } from '../auth/logins.ts';
import type { Queryable } from '../database/index.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { recordSessionChange } from './events.ts';
import { charterOf, delegationId, engineInstitution, type InstitutionRow } from './institutions.ts';
import { actorName, type SessionRow, sessionWithInstitution } from './sessions.ts';

export interface MotionRow {
  id: number;
  session_id: number;
  agenda_item_id: number | null;
  category_id: string;
  text: string;
  sponsor_delegation_id: string | null;
  parties: string[];
  created_at: string;
}

export async function getMotion(db: Queryable, id: number): Promise<MotionRow> {
  const [row] = await db.query<MotionRow>('SELECT * FROM motions WHERE id = $1', [id]);
  if (!row) throw notFound(`motion ${id}`);
  return row;
}

/**
 * The engine's decision game for a motion: its category's rule bound to the members, parties recused.
 * Memoised per charter (the parsed charters are cached objects) and date, body, category and parties: every
 * vote needs the game, and building it instantiates the charter's members and compiles the rule — O(members)
 * work and more that would otherwise be repeated for each vote.
 */
export function gameOf(
  institution: InstitutionRow,
  session: SessionRow,
  motion: Pick<MotionRow, 'category_id' | 'parties'>,
): DecisionGame {
  const charter = charterOf(institution);
  let games = gamesByCharter.get(charter);
  if (!games) {
    games = new Map();
    gamesByCharter.set(charter, games);
  }
  const key = JSON.stringify([institution.adopted_on, session.body_id, motion.category_id, motion.parties]);
  let game = games.get(key);
  if (!game) {
    game = decisionGame(engineInstitution(institution), session.body_id, motion.category_id, {
      parties: motion.parties,
    });
    if (games.size >= MAX_GAMES_PER_CHARTER) games.clear(); // motions' parties vary; keep the cache bounded
    games.set(key, game);
  }
  return game;
}

const gamesByCharter = new WeakMap<Charter, Map<string, DecisionGame>>();
const MAX_GAMES_PER_CHARTER = 256;

export async function tableMotion(
  tx: Queryable,
  actor: Actor,
  input: {
    sessionId: number;
    categoryId: string;
    text: string;
    sponsor?: string;
    agendaItem?: number;
    parties?: string[];
  },
  now: string,
): Promise<MotionRow> {
  const { session, institution } = await sessionWithInstitution(tx, input.sessionId);
  if (session.status !== 'open') throw conflict(`session ${session.id} is closed`);
  const body = charterOf(institution).bodies.find((b) => b.id === session.body_id)!;
  if (!body.categories.some((c) => c.id === input.categoryId)) {
    throw badRequest(
      `body "${body.id}" has no decision category "${input.categoryId}" (categories: ${body.categories.map((c) => c.id).join(', ')})`,
      'category',
    );
  }
  const members = new Set(engineInstitution(institution).members.map((m) => m.id));
  const parties = [...new Set(input.parties ?? [])];
  for (const p of parties) {
    if (!members.has(p)) throw badRequest(`party "${p}" is not a member of ${institution.id}`, 'parties');
  }
  if (input.sponsor !== undefined) {
    const [s] = await tx.query('SELECT id FROM delegations WHERE id = $1 AND institution_id = $2', [
      input.sponsor,
      institution.id,
    ]);
    if (!s)
      throw badRequest(`sponsor "${input.sponsor}" is not a delegation of ${institution.id}`, 'sponsor');
  }
  if (input.agendaItem !== undefined) {
    const [a] = await tx.query('SELECT id FROM agenda_items WHERE id = $1 AND session_id = $2', [
      input.agendaItem,
      session.id,
    ]);
    if (!a)
      throw badRequest(
        `agenda item ${input.agendaItem} is not on session ${session.id}'s agenda`,
        'agendaItem',
      );
  }
  try {
    gameOf(institution, session, { category_id: input.categoryId, parties });
  } catch (e) {
    if (e instanceof CharterError) throw badRequest(e.message, 'category');
    throw e;
  }
  const [row] = await tx.query<MotionRow>(
    `INSERT INTO motions (session_id, agenda_item_id, category_id, text, sponsor_delegation_id, parties, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [
      session.id,
      input.agendaItem ?? null,
      input.categoryId,
      input.text,
      input.sponsor ?? null,
      JSON.stringify(parties),
      now,
    ],
  );
  const motion = row!;
  const content = {
    motion: motion.id,
    category: motion.category_id,
    text: motion.text,
    sponsor: motion.sponsor_delegation_id,
    parties,
    agendaItem: motion.agenda_item_id,
  };
  await recordSessionChange(tx, {
    at: now,
    actor: actorName(actor),
    action: 'motion.table',
    sessionId: session.id,
    audit: content,
    event: 'motion.tabled',
  });
  return motion;
}

export function describeMotion(m: MotionRow) {
  return {
    id: m.id,
    session: m.session_id,
    agendaItem: m.agenda_item_id,
    category: m.category_id,
    text: m.text,
    sponsor: m.sponsor_delegation_id,
    parties: m.parties,
    createdAt: m.created_at,
  };
}

export { delegationId };
