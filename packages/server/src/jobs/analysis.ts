import {
  type AuditEntry,
  bytesToHex,
  type Checkpoint,
  checkpointFor,
  consistencyProof,
  type Decision,
  entryLeafHash,
  inclusionProof,
  type LogReport,
  makeAuditExport,
  merkleRoot,
  verifyLog,
} from '@concert/engine';
import { type LoggedEvent, replaySession, sameJson } from '../domain/replay.ts';
import { type AuditRow, fromRow } from '../record/audit.ts';

// The heavy reads' computations: the audit chain's verification (and the signing of a checkpoint after it),
// its proofs and its export, and a session log's replay. They run on the analysis worker thread (jobs/analyses.ts), never on the
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

/** An RFC 9162 proof over the log's pages: inclusion of entry `seq`, or consistency of `from` with `to`. */
export type ProofInput = { pages: string[] } & (
  | { proof: 'inclusion'; seq: number; size?: number | undefined }
  | { proof: 'consistency'; from: number; to?: number | undefined }
);

/** The proof, or what is wrong with the request (a 400 naming the field). */
export type ProofOutput = { proof: Record<string, unknown> } | { bad: { message: string; field: string } };

export interface ExportInput {
  pages: string[];
  checkpoints: Checkpoint[];
  publicKey: Uint8Array;
  origin: string;
}

export type Analysis =
  | { kind: 'verify'; input: VerifyInput }
  | { kind: 'replay'; input: ReplayInput }
  | { kind: 'proof'; input: ProofInput }
  | { kind: 'export'; input: ExportInput };

/** A replay's and an export's result is the response body, UTF-8. */
export type AnalysisResult<A extends Analysis['kind']> = A extends 'verify'
  ? VerifyOutput
  : A extends 'proof'
    ? ProofOutput
    : Uint8Array;

/** The entries as stored (a reordering shows as swapped contents under the seq numbers, a deletion as a gap). */
function entriesOf(pages: string[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const page of pages) for (const r of JSON.parse(page) as AuditRow[]) entries.push(fromRow(r));
  return entries;
}

export function verifyPages(input: VerifyInput): VerifyOutput {
  const entries = entriesOf(input.pages);
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

export function proofOn(input: ProofInput): ProofOutput {
  const leaves = entriesOf(input.pages).map(entryLeafHash);
  const bad = (message: string, field: string): ProofOutput => ({ bad: { message, field } });
  if (input.proof === 'inclusion') {
    const size = input.size ?? leaves.length;
    const { seq } = input;
    if (size > leaves.length) return bad(`the log has ${leaves.length} entries, not ${size}`, 'size');
    if (seq > size) return bad(`entry ${seq} is not in a tree of ${size} entries`, 'seq');
    return {
      proof: {
        seq,
        leafIndex: seq - 1,
        treeSize: size,
        leafHash: bytesToHex(leaves[seq - 1]!),
        rootHash: bytesToHex(merkleRoot(leaves, size)),
        proof: inclusionProof(seq - 1, size, leaves).map(bytesToHex),
      },
    };
  }
  const to = input.to ?? leaves.length;
  const { from } = input;
  if (to > leaves.length) return bad(`the log has ${leaves.length} entries, not ${to}`, 'to');
  if (from > to) return bad(`from (${from}) must not exceed to (${to})`, 'from');
  return {
    proof: {
      from,
      to,
      oldRoot: bytesToHex(merkleRoot(leaves, from)),
      newRoot: bytesToHex(merkleRoot(leaves, to)),
      proof: consistencyProof(from, to, leaves).map(bytesToHex),
    },
  };
}

/** The concert-audit-export/1 document, as JSON text. */
export function exportPages(input: ExportInput): string {
  return JSON.stringify(
    makeAuditExport(input.origin, input.publicKey, entriesOf(input.pages), input.checkpoints),
  );
}

export function runAnalysis(a: Analysis): VerifyOutput | ProofOutput | string {
  switch (a.kind) {
    case 'verify':
      return verifyPages(a.input);
    case 'replay':
      return replayPages(a.input);
    case 'proof':
      return proofOn(a.input);
    case 'export':
      return exportPages(a.input);
  }
}
