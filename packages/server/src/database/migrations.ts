import type { Database } from './types.ts';

// One ordered list of migrations for both databases. Never edit an applied migration: append a new one.
// Times are ISO 8601 text written by the server (one format in both databases, exact in the audit hashes).
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'platform',
    sql: `
CREATE TABLE institutions (
  id text PRIMARY KEY,
  charter_id text NOT NULL,
  charter_source text,
  name text NOT NULL,
  adopted_on text NOT NULL,
  created_at text NOT NULL
);
CREATE TABLE delegations (
  id text PRIMARY KEY,
  institution_id text NOT NULL REFERENCES institutions(id),
  member_id text NOT NULL,
  name text NOT NULL,
  UNIQUE (institution_id, member_id)
);
CREATE TABLE users (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('delegate', 'presidency', 'secretariat', 'observer')),
  delegation_id text REFERENCES delegations(id),
  created_at text NOT NULL,
  CHECK ((role = 'delegate') = (delegation_id IS NOT NULL))
);
CREATE TABLE logins (
  token_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id),
  kind text NOT NULL CHECK (kind IN ('cookie', 'bearer')),
  csrf_token text,
  created_at text NOT NULL,
  expires_at text NOT NULL
);
CREATE TABLE council_sessions (
  id serial PRIMARY KEY,
  institution_id text NOT NULL REFERENCES institutions(id),
  body_id text NOT NULL,
  title text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  created_at text NOT NULL
);
CREATE TABLE agenda_items (
  id serial PRIMARY KEY,
  session_id integer NOT NULL REFERENCES council_sessions(id),
  position integer NOT NULL,
  title text NOT NULL,
  UNIQUE (session_id, position)
);
CREATE TABLE attendance (
  session_id integer NOT NULL REFERENCES council_sessions(id),
  delegation_id text NOT NULL REFERENCES delegations(id),
  present boolean NOT NULL,
  updated_at text NOT NULL,
  PRIMARY KEY (session_id, delegation_id)
);
CREATE TABLE motions (
  id serial PRIMARY KEY,
  session_id integer NOT NULL REFERENCES council_sessions(id),
  agenda_item_id integer REFERENCES agenda_items(id),
  category_id text NOT NULL,
  text text NOT NULL,
  sponsor_delegation_id text REFERENCES delegations(id),
  parties jsonb NOT NULL DEFAULT '[]',
  created_at text NOT NULL
);
CREATE TABLE polls (
  id serial PRIMARY KEY,
  motion_id integer NOT NULL REFERENCES motions(id),
  ballot text NOT NULL CHECK (ballot IN ('roll-call', 'secret')),
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  opened_at text NOT NULL,
  closed_at text,
  decision jsonb,
  adopted boolean
);
CREATE UNIQUE INDEX one_open_poll_per_motion ON polls (motion_id) WHERE status = 'open';
CREATE TABLE votes (
  poll_id integer NOT NULL REFERENCES polls(id),
  delegation_id text NOT NULL REFERENCES delegations(id),
  choice text NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
  salt text NOT NULL,
  cast_by integer NOT NULL REFERENCES users(id),
  updated_at text NOT NULL,
  PRIMARY KEY (poll_id, delegation_id)
);
-- What happened in a session, in order: the SSE stream (by id) and the replayable event log. 'data' is what
-- every reader of the session may see; 'sealed' holds what only the server may read (a secret vote's choice).
CREATE TABLE session_events (
  id bigserial PRIMARY KEY,
  session_id integer NOT NULL REFERENCES council_sessions(id),
  type text NOT NULL,
  at text NOT NULL,
  data jsonb NOT NULL,
  sealed jsonb
);
CREATE INDEX session_events_by_session ON session_events (session_id, id);
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at text NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  subject text,
  content jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
-- One row: the chain's head. Appends lock it (SELECT … FOR UPDATE) so concurrent requests cannot fork the chain.
CREATE TABLE audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
-- Signed checkpoints (tree heads) the server has issued; clients keep copies outside the database.
CREATE TABLE audit_checkpoints (
  size bigint PRIMARY KEY,
  checkpoint jsonb NOT NULL
);
CREATE TABLE server_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'proxies and login audit',
    sql: `
-- A delegation hands its vote in one body to another delegation for a period (docs/server.md, Proxies).
CREATE TABLE proxies (
  id serial PRIMARY KEY,
  institution_id text NOT NULL REFERENCES institutions(id),
  body_id text NOT NULL,
  granter_delegation_id text NOT NULL REFERENCES delegations(id),
  holder_delegation_id text NOT NULL REFERENCES delegations(id),
  valid_from text NOT NULL,
  valid_until text NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'revoked', 'ended')),
  created_by integer NOT NULL REFERENCES users(id),
  created_at text NOT NULL,
  ended_at text,
  CHECK (granter_delegation_id <> holder_delegation_id),
  CHECK (valid_from < valid_until)
);
CREATE INDEX proxies_by_granter ON proxies (granter_delegation_id, status);
CREATE INDEX proxies_by_holder ON proxies (holder_delegation_id, status);
-- The delegation that cast a vote on another's behalf (null: the delegation itself).
ALTER TABLE votes ADD COLUMN proxy_holder_delegation_id text REFERENCES delegations(id);
-- Failed logins counted per account (or one bucket for unknown names) per hour; the audit chain gets an entry
-- only at the 1st, 2nd, 4th, 8th … failure of a bucket, so guessing cannot grow the chain without bound.
CREATE TABLE login_failures (
  subject text NOT NULL,
  window_start text NOT NULL,
  failures integer NOT NULL,
  PRIMARY KEY (subject, window_start)
);
`,
  },
  {
    version: 3,
    name: 'disputes-and-territory',
    sql: `
-- A dispute case is its events, append-only, replayed by the engine (caseState); the row holds what is fixed at
-- filing: the institution, and the hash of the charter the case runs under.
CREATE TABLE dispute_cases (
  id serial PRIMARY KEY,
  institution_id text NOT NULL REFERENCES institutions(id),
  charter_hash text NOT NULL,
  title text,
  parties jsonb NOT NULL,
  subject text NOT NULL,
  filed_on text NOT NULL,
  created_at text NOT NULL
);
CREATE TABLE dispute_events (
  case_id integer NOT NULL REFERENCES dispute_cases(id),
  position integer NOT NULL,
  event jsonb NOT NULL,
  actor text NOT NULL,
  recorded_at text NOT NULL,
  PRIMARY KEY (case_id, position)
);
-- Accepted border changes (the engine refuses the others; nothing is stored for them).
CREATE TABLE border_changes (
  id serial PRIMARY KEY,
  institution_id text NOT NULL REFERENCES institutions(id),
  request_id text NOT NULL,
  request jsonb NOT NULL,
  assessment jsonb NOT NULL,
  effective text NOT NULL,
  actor text NOT NULL,
  recorded_at text NOT NULL,
  UNIQUE (institution_id, request_id)
);
CREATE TABLE dmz_zones (
  institution_id text NOT NULL REFERENCES institutions(id),
  id text NOT NULL,
  zone jsonb NOT NULL,
  mission_check jsonb NOT NULL,
  actor text NOT NULL,
  recorded_at text NOT NULL,
  PRIMARY KEY (institution_id, id)
);
CREATE TABLE dmz_violations (
  id serial PRIMARY KEY,
  institution_id text NOT NULL,
  zone_id text NOT NULL,
  violation jsonb NOT NULL,
  actor text NOT NULL,
  recorded_at text NOT NULL,
  FOREIGN KEY (institution_id, zone_id) REFERENCES dmz_zones(institution_id, id)
);
`,
  },
  {
    version: 4,
    name: 'jobs',
    // The jobs' record: what was asked, what the worker needs to run it again (dropped once it has finished),
    // its progress and outcome, and which server process runs it and when that process last said so. Result
    // and payload are json, not jsonb: kept as written (key order, numbers' text), as the API returned them.
    sql: `
CREATE TABLE jobs (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('simulate', 'power', 'design')),
  owner_id integer NOT NULL REFERENCES users(id),
  status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
  input json NOT NULL,
  payload json,
  progress json NOT NULL,
  created_at text NOT NULL,
  finished_at text,
  result json,
  error text,
  runner text,
  heartbeat_at text,
  attempts integer NOT NULL DEFAULT 1
);
CREATE INDEX jobs_by_owner ON jobs (owner_id, created_at);
CREATE INDEX jobs_running ON jobs (created_at) WHERE status = 'running';
`,
  },
];

/** Applies the migrations not yet applied, each in its own transaction, under an advisory lock. */
export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    // Two servers starting at once on one PostgreSQL must not both migrate.
    await tx.query('SELECT pg_advisory_xact_lock(4242001)');
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)',
    );
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await execScript(tx, m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
      applied.push(m.version);
    }
    return applied;
  });
}

async function execScript(tx: { query: Database['query'] }, sql: string): Promise<void> {
  // Both drivers take one statement per parameterised query; the scripts contain no semicolons in literals.
  for (const statement of sql.replace(/^\s*--.*$/gm, '').split(';')) {
    const s = statement.trim();
    if (s) await tx.query(s);
  }
}
