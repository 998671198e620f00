import type { Queryable } from '../database/index.ts';
import { appendAudit } from '../record/audit.ts';

// Logins and logouts go into the audit chain (never a password, a token or its hash). Failed logins cannot
// each get an entry — anyone can send them, and the chain only grows — so they are counted per bucket and
// hour in `login_failures` (outside the chain), and the chain gets an entry at a bucket's 1st, 2nd, 4th, 8th …
// failure: at most (accounts + 1) × (log2(attempts) + 1) entries an hour, on top of the per-address rate limit.
// A bucket is the account for a known username, and one shared bucket for unknown names, which are never
// recorded: a "username" is sometimes a password typed into the wrong field.

export const UNKNOWN_USER = 'unknown-user';

const hourOf = (at: string) => `${at.slice(0, 13)}:00:00.000Z`;

export async function auditLogin(
  tx: Queryable,
  user: { role: string; username: string },
  mode: 'cookie' | 'bearer',
  at: string,
): Promise<void> {
  const subject = `user:${user.username}`;
  const [failed] = await tx.query<{ failures: number }>(
    'SELECT failures FROM login_failures WHERE subject = $1 AND window_start = $2',
    [subject, hourOf(at)],
  );
  await appendAudit(tx, {
    at,
    actor: `${user.role}:${user.username}`,
    action: 'login',
    subject,
    // The exact count of this hour's failures, which the doubling entries only bound.
    content: { mode, failedThisHour: Number(failed?.failures ?? 0) },
  });
}

export async function auditLogout(
  tx: Queryable,
  user: { role: string; username: string },
  via: 'cookie' | 'bearer',
  at: string,
): Promise<void> {
  await appendAudit(tx, {
    at,
    actor: `${user.role}:${user.username}`,
    action: 'logout',
    subject: `user:${user.username}`,
    content: { via },
  });
}

/** Counts a failed login; appends an audit entry when the bucket's count this hour reaches a power of two. */
export async function recordFailedLogin(
  tx: Queryable,
  knownUsername: string | null,
  at: string,
): Promise<void> {
  const subject = knownUsername === null ? UNKNOWN_USER : `user:${knownUsername}`;
  const window = hourOf(at);
  const [row] = await tx.query<{ failures: number }>(
    `INSERT INTO login_failures (subject, window_start, failures) VALUES ($1, $2, 1)
     ON CONFLICT (subject, window_start) DO UPDATE SET failures = login_failures.failures + 1
     RETURNING failures`,
    [subject, window],
  );
  const failures = Number(row!.failures);
  if ((failures & (failures - 1)) !== 0) return;
  await appendAudit(tx, {
    at,
    actor: 'anonymous',
    action: 'login.failed',
    subject,
    content: { window, failures, next: failures * 2 },
  });
}
