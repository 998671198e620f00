import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builtinCharter, builtinCharterIds } from '@concert/engine';
import { generatePassword, hashPassword, type PasswordCost } from './auth/passwords.ts';
import type { Database } from './database/index.ts';
import { createInstitution } from './domain/institutions.ts';
import { appendAudit, ensureAuditHead } from './record/audit.ts';

export const DEMO_INSTITUTION = 'continental';

export interface SeedResult {
  /** False when the database was already seeded (a restart). */
  seeded: boolean;
  credentialsFile?: string;
  accounts?: { username: string; role: string; delegation: string | null; password: string }[];
}

/**
 * First start: every built-in charter becomes an institution on its reference date (id = charter id), with one
 * delegation per member; the continental institution is the demo exercise, with a secretariat, a presidency,
 * an observer and one delegate per delegation, all with random passwords written to
 * `<credentialsDir>/credentials.txt` (mode 600). Runs once: a flag in server_settings, under an advisory lock.
 */
export async function seedOnFirstStart(
  db: Database,
  options: { credentialsDir: string; passwordCost: PasswordCost },
): Promise<SeedResult> {
  await ensureAuditHead(db);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(4242002)');
    const [done] = await tx.query("SELECT value FROM server_settings WHERE key = 'seeded'");
    if (done) return { seeded: false };
    const at = new Date().toISOString();
    for (const id of builtinCharterIds()) {
      const charter = builtinCharter(id);
      const { delegations } = await createInstitution(
        tx,
        { id, charterId: id, adoptedOn: charter.reference_date },
        at,
      );
      await appendAudit(tx, {
        at,
        actor: 'system:first-start',
        action: 'institution.create',
        subject: `institution:${id}`,
        content: { charter: id, adoptedOn: charter.reference_date, delegations: delegations.length },
      });
    }
    const delegations = await tx.query<{ id: string; member_id: string }>(
      'SELECT id, member_id FROM delegations WHERE institution_id = $1 ORDER BY member_id',
      [DEMO_INSTITUTION],
    );
    const wanted = [
      { username: 'secretariat', role: 'secretariat', delegation: null },
      { username: 'presidency', role: 'presidency', delegation: null },
      { username: 'observer', role: 'observer', delegation: null },
      ...delegations.map((d) => ({
        username: `delegate-${d.member_id.toLowerCase()}`,
        role: 'delegate',
        delegation: d.id,
      })),
    ];
    const accounts = wanted.map((a) => ({ ...a, password: generatePassword() }));
    const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password, options.passwordCost)));
    const values = accounts.map(
      (_, i) => `($${5 * i + 1}, $${5 * i + 2}, $${5 * i + 3}, $${5 * i + 4}, $${5 * i + 5})`,
    );
    await tx.query(
      `INSERT INTO users (username, password_hash, role, delegation_id, created_at) VALUES ${values.join(', ')}`,
      accounts.flatMap((a, i) => [a.username, hashes[i], a.role, a.delegation, at]),
    );
    // One entry for the demo accounts: who they are and their roles (never a password or its hash).
    await appendAudit(tx, {
      at,
      actor: 'system:first-start',
      action: 'users.create',
      subject: `institution:${DEMO_INSTITUTION}`,
      content: {
        accounts: accounts.map((a) => ({ username: a.username, role: a.role, delegation: a.delegation })),
      },
    });
    await tx.query("INSERT INTO server_settings (key, value) VALUES ('seeded', $1)", [JSON.stringify(at)]);
    // Written before the commit: if the commit fails, the next start seeds again and rewrites the file.
    const credentialsFile = writeCredentials(options.credentialsDir, accounts, at);
    return { seeded: true, credentialsFile, accounts };
  });
}

function writeCredentials(
  dir: string,
  accounts: { username: string; role: string; delegation: string | null; password: string }[],
  at: string,
): string {
  mkdirSync(dir, { recursive: true });
  const file = join(resolve(dir), 'credentials.txt');
  const lines = [
    `# Concert demo exercise "${DEMO_INSTITUTION}" — accounts created on first start, ${at}.`,
    '# Keep this file private (mode 600). Log in with POST /api/login {"username", "password"}.',
    '# username\trole\tdelegation\tpassword',
    ...accounts.map((a) => [a.username, a.role, a.delegation ?? '-', a.password].join('\t')),
    '',
  ];
  writeFileSync(file, lines.join('\n'), { mode: 0o600 });
  return file;
}
