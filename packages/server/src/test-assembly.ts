// A large body for reliability tests and the load benchmark: no built-in charter has 200 members, so a test
// charter is built in code, seeded straight into the database (low password cost, bearer logins created
// directly: 200 argon2 logins at production cost would dominate the run), and a real server process is
// spawned on it (`bin/server.js`, the production path).
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createLogin } from './auth/logins.ts';
import { generatePassword, hashPassword, TEST_COST } from './auth/passwords.ts';
import type { Database } from './database/index.ts';
import { createInstitution } from './domain/institutions.ts';
import { appendAudit } from './record/audit.ts';
import { seedOnFirstStart } from './seed.ts';

export const ASSEMBLY = 'assembly';

export const memberIds = (n: number) =>
  Array.from({ length: n }, (_, i) => `M${String(i + 1).padStart(3, '0')}`);

/**
 * A charter of `n` members (M001 …) with a `weight` attribute (some members weigh 0). `ordinary`: a quorum of
 * half the members and a majority of those voting (roll call); `weighted`: 60% of the weight (secret ballot).
 */
export function assemblyCharter(n: number): string {
  const ids = memberIds(n);
  const weights = ids.map((id, i) => `${id}: ${(i * 7) % 11}`).join(', ');
  return `
id: assembly
name: Assembly of ${n} (test charter)
summary: A large body for load and durability tests.
status: { kind: draft }
reference_date: 2026-01-01
legal_nature: { kind: political, cite: test }
scope: { dimensions: [politico-military], cite: test }
members:
  states: [${ids.map((id) => `{ id: ${id}, name: Member ${id.slice(1)} }`).join(', ')}]
  cite: test
attributes:
  - name: weight
    description: A test weight, zero for some members.
    default: 0
    values: { ${weights} }
    cite: test
bodies:
  - id: plenary
    name: Plenary
    cite: test
    presidency: { description: Six-month terms in alphabetical order of member ids., cite: test }
    categories:
      - id: ordinary
        name: Ordinary decisions
        cite: test
        ballot: roll-call
        rule:
          all:
            - quorum: { weight: count, at_least: "1/2" }
              label: Quorum
            - quota: { weight: count, more_than: "1/2", of: voting }
              label: Majority of those voting
      - id: weighted
        name: Weighted decisions
        cite: test
        ballot: secret
        rule:
          quota: { weight: weight, at_least: "60%" }
          label: Weight
accession: { open_to: nobody, objectors: none, ratification: none, cite: test }
withdrawal: { allowed: true, conditions: none, cite: test }
`;
}

export interface SeededAssembly {
  members: string[];
  /** Bearer tokens: one per member (delegate), and the chair, secretariat and observer. */
  delegates: Map<string, string>;
  chair: string;
  secretariat: string;
  observer: string;
}

/**
 * Seeds a fresh database as a first start would (built-in charters, demo accounts, at a low password cost),
 * then the assembly of `n` with its accounts and a bearer login for each.
 */
export async function seedAssembly(db: Database, n: number, credentialsDir: string): Promise<SeededAssembly> {
  await seedOnFirstStart(db, { credentialsDir, passwordCost: TEST_COST });
  const members = memberIds(n);
  const now = new Date();
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    await createInstitution(
      tx,
      { id: ASSEMBLY, charterSource: assemblyCharter(n), adoptedOn: '2026-01-01' },
      at,
    );
    await appendAudit(tx, {
      at,
      actor: 'system:test',
      action: 'institution.create',
      subject: `institution:${ASSEMBLY}`,
      content: { charter: ASSEMBLY, adoptedOn: '2026-01-01', delegations: n },
    });
    const hash = await hashPassword(generatePassword(), TEST_COST); // nobody logs in with a password
    const accounts = [
      { username: 'assembly-chair', role: 'presidency', delegation: null as string | null },
      { username: 'assembly-secretariat', role: 'secretariat', delegation: null },
      { username: 'assembly-observer', role: 'observer', delegation: null },
      ...members.map((m) => ({
        username: `assembly-${m.toLowerCase()}`,
        role: 'delegate',
        delegation: `${ASSEMBLY}:${m}`,
      })),
    ];
    const values = accounts.map(
      (_, i) => `($${4 * i + 1}, $${4 * i + 2}, $${4 * i + 3}, $${4 * i + 4}, '${at}')`,
    );
    const ids = await tx.query<{ id: number }>(
      `INSERT INTO users (username, password_hash, role, delegation_id, created_at) VALUES ${values.join(', ')} RETURNING id`,
      accounts.flatMap((a) => [a.username, hash, a.role, a.delegation]),
    );
    const tokens: string[] = [];
    for (const row of ids) tokens.push((await createLogin(tx, row.id, 'bearer', now)).token);
    return {
      members,
      chair: tokens[0]!,
      secretariat: tokens[1]!,
      observer: tokens[2]!,
      delegates: new Map(members.map((m, i) => [m, tokens[i + 3]!])),
    };
  });
}

const SERVER = join(import.meta.dirname, '../bin/server.js');

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  /** Everything the process wrote so far (JSON log lines). */
  output(): string;
}

/** Spawns `bin/server.js` on a random port and resolves once it listens. */
/** `nodeArgs`: options for node itself (the benchmark's `--cpu-prof`). */
export function spawnServer(env: Record<string, string>, nodeArgs: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, SERVER], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The address comes in an info line; the per-request log lines after it are kept only as a short tail, as
  // the chunks they came in (under load the server logs thousands of lines a second, and the benchmark's
  // client shares the machine: it must not spend its time copying or scanning them).
  const tail: Buffer[] = [];
  let size = 0;
  const keep = (chunk: Buffer) => {
    tail.push(chunk);
    size += chunk.length;
    while (tail.length > 1 && size - tail[0]!.length >= 65_536) size -= tail.shift()!.length;
  };
  const out = () => Buffer.concat(tail).toString('utf8').slice(-65_536);
  let started = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // never leave a server behind
      reject(new Error(`server did not start: ${out()}`));
    }, 90_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out()}`));
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      keep(chunk);
      if (started) return;
      const m = /"address":"(http:\/\/[^"]+)"/.exec(out());
      if (m) {
        started = true;
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve({ child, base: m[1]!, output: out });
      }
    });
    child.stderr!.on('data', keep);
    child.on('exit', onExit);
  });
}

export function exited(child: ChildProcess): Promise<unknown> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', r));
}

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: replies are read loosely by tests and the benchmark
  json: any;
}

export async function call(
  base: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<Reply> {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: res.status,
    json: res.headers.get('content-type')?.includes('json') ? await res.json() : null,
  };
}

/** Opens a session of the assembly's plenary, checks every member in and opens a poll on a motion. */
export async function openAssemblyPoll(
  base: string,
  a: SeededAssembly,
  category: 'ordinary' | 'weighted' = 'ordinary',
): Promise<{ session: number; motion: number; poll: number }> {
  const must = (r: Reply, what: string) => {
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json;
  };
  const session = must(
    await call(base, '/api/sessions', a.chair, { institution: ASSEMBLY, body: 'plenary', title: 'Load' }),
    'open session',
  ).id as number;
  for (const m of a.members) {
    must(
      await call(base, `/api/sessions/${session}/attendance`, a.secretariat, {
        delegation: `${ASSEMBLY}:${m}`,
        present: true,
      }),
      `check in ${m}`,
    );
  }
  const motion = must(
    await call(base, `/api/sessions/${session}/motions`, a.chair, { category, text: 'Under load' }),
    'table motion',
  ).id as number;
  const poll = must(await call(base, `/api/motions/${motion}/polls`, a.chair, {}), 'open poll').id as number;
  return { session, motion, poll };
}
