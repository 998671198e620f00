import {
  type AuditEntry,
  type Checkpoint,
  checkpointFor,
  type Decision,
  type LogReport,
  verifyLog,
} from '@concert/engine';
import { type LoggedEvent, replaySession, sameJson } from '../domain/replay.ts';

// The heavy reads' computations: the audit chain's verification (and the signing of a checkpoint after it)
// and a session log's replay. They run on the analysis worker thread (jobs/analyses.ts), never on the
// server's loop; their input is pages of rows as JSON text (the database aggregates each page into one
// string), so the loop neither parses the rows nor copies objects across the thread boundary.

export interface VerifyInput {
  /** Pages of audit_log rows, each a JSON array in seq order. */
  pages: string[];
  checkpoints: Checkpoint[];
  publicKey: Uint8Array;
  origin: string;
  /** Sign a checkpoint of the log as it stands when it verifies. */
  sign?: { timestamp: string; privateKey: Uint8Array };
}

export interface VerifyOutput {
  report: LogReport;
  checkpoint?: Checkpoint;
}

export interface ReplayInput {
  session: number;
  /** Pages of session_events rows (id, type, at, data), each a JSON array in id order. */
  pages: string[];
  /** The stored decisions of the session's closed polls, as JSON text: [{ id, decision }]. */
  decisions: string;
  /** The charter's YAML when it is not a built-in one. */
  source: string | null;
}

export type Analysis = { kind: 'verify'; input: VerifyInput } | { kind: 'replay'; input: ReplayInput };

/** A replay's result is its response body, UTF-8. */
export type AnalysisResult<A extends Analysis['kind']> = A extends 'verify' ? VerifyOutput : Uint8Array;

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  content: unknown;
  prev_hash: string;
  hash: string;
}

export function verifyPages(input: VerifyInput): VerifyOutput {
  const entries: AuditEntry[] = [];
  for (const page of input.pages)
    for (const r of JSON.parse(page) as AuditRow[])
      entries.push({
        seq: Number(r.seq),
        at: r.at,
        actor: r.actor,
        action: r.action,
        subject: r.subject,
        content: r.content,
        prevHash: r.prev_hash,
        hash: r.hash,
      });
  const report = verifyLog(entries, input.checkpoints, input.publicKey, { origin: input.origin });
  if (!report.ok || !input.sign) return { report };
  const checkpoint = checkpointFor(
    entries,
    { origin: input.origin, timestamp: input.sign.timestamp },
    input.sign.privateKey,
  );
  return { report, checkpoint };
}

/** The body of GET /api/sessions/:id/log, as JSON text: the events and the replay check of every result. */
export function replayPages(input: ReplayInput): string {
  const events: LoggedEvent[] = [];
  for (const page of input.pages) for (const e of JSON.parse(page) as LoggedEvent[]) events.push(e);
  const stored = new Map(
    (JSON.parse(input.decisions) as { id: number; decision: Decision }[]).map((s) => [s.id, s.decision]),
  );
  const replay = replaySession(events, input.source).map((r) => ({
    poll: r.poll,
    reproduced: r.decision === null ? null : sameJson(r.decision, stored.get(r.poll)),
    ...(r.decision === null
      ? { note: 'secret ballot: the public log withholds the choices, so it cannot be replayed from it' }
      : {}),
  }));
  return JSON.stringify({ session: input.session, events, replay });
}

export function runAnalysis(a: Analysis): VerifyOutput | string {
  return a.kind === 'verify' ? verifyPages(a.input) : replayPages(a.input);
}
