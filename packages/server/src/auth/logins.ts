import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../database/index.ts';

export type Role = 'delegate' | 'presidency' | 'secretariat' | 'observer';
export const ROLES: readonly Role[] = ['delegate', 'presidency', 'secretariat', 'observer'];

/** Who is acting: the authenticated user behind a request. */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  /** The delegation a delegate belongs to (null for the other roles). */
  delegationId: string | null;
  /** The institution of that delegation. */
  institutionId: string | null;
  via: 'cookie' | 'bearer';
  csrfToken: string | null;
  tokenHash: string;
  /** Set for a chair action: the delegation holding the presidency the actor chairs for (auth/chair.ts). */
  chairFor?: string | null;
}

const LOGIN_HOURS = 12;

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a login; only the token's hash is stored, so a database reader cannot impersonate anyone. */
export async function createLogin(
  db: Queryable,
  userId: number,
  kind: 'cookie' | 'bearer',
  now: Date,
): Promise<{ token: string; csrfToken: string | null; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = kind === 'cookie' ? randomBytes(24).toString('base64url') : null;
  const expiresAt = new Date(now.getTime() + LOGIN_HOURS * 3_600_000).toISOString();
  await db.query(
    'INSERT INTO logins (token_hash, user_id, kind, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [tokenHash(token), userId, kind, csrfToken, now.toISOString(), expiresAt],
  );
  return { token, csrfToken, expiresAt };
}

/** The login stored under a token's hash, expired or not. */
export async function loginFor(
  db: Queryable,
  hash: string,
  kind: 'cookie' | 'bearer',
): Promise<{ actor: Actor; expiresAt: string } | undefined> {
  const [row] = await db.query<{
    user_id: number;
    username: string;
    role: Role;
    delegation_id: string | null;
    institution_id: string | null;
    csrf_token: string | null;
    expires_at: string;
  }>(
    `SELECT l.user_id, u.username, u.role, u.delegation_id, d.institution_id, l.csrf_token, l.expires_at
       FROM logins l JOIN users u ON u.id = l.user_id LEFT JOIN delegations d ON d.id = u.delegation_id
      WHERE l.token_hash = $1 AND l.kind = $2`,
    [hash, kind],
  );
  if (!row) return undefined;
  return {
    expiresAt: row.expires_at,
    actor: {
      userId: row.user_id,
      username: row.username,
      role: row.role,
      delegationId: row.delegation_id,
      institutionId: row.institution_id,
      via: kind,
      csrfToken: row.csrf_token,
      tokenHash: hash,
    },
  };
}

export async function endLogin(db: Queryable, hash: string): Promise<void> {
  await db.query('DELETE FROM logins WHERE token_hash = $1', [hash]);
}
