import { bytesToHex, isHashHex, sha256, utf8ToBytes } from './bytes.ts';
import { canonicalJson } from './canonical.ts';
import { RecordError } from './errors.ts';
import { isUtcTime } from './time.ts';

/** The prevHash of entry 1: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hashed domain separator; a new hashing scheme gets a new tag, so old and new entries never collide. */
const ENTRY_TAG = 'concert-audit-v1\n';

/** What happened: entry `seq` of the log, at time `at` (ISO-8601 UTC), by `actor`, on `subject`. */
export interface AuditEntryBody {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  content: unknown;
}

/** An entry as stored: its body, the hash of the entry before it, and its own hash (lowercase hex SHA-256). */
export interface AuditEntry extends AuditEntryBody {
  prevHash: string;
  hash: string;
}

export type ProblemKind =
  | 'altered'
  | 'removed'
  | 'reordered'
  | 'duplicated'
  | 'truncated'
  | 'rewritten'
  | 'malformed';

/** The first thing wrong with a log: the entry it concerns (`seq`), where it was found (`index`), and why. */
export interface ChainProblem {
  seq: number;
  index: number;
  kind: ProblemKind;
  message: string;
}

/**
 * `count` entries verified in order (all of them when ok, those before the problem otherwise); `headHash` is
 * the hash of the last of them (the `from` entry's hash, or GENESIS_HASH, when none).
 */
export interface ChainReport {
  ok: boolean;
  count: number;
  headHash: string;
  problem?: ChainProblem;
}

/** SHA-256 (hex) of "concert-audit-v1\n" + the canonical JSON of the body with prevHash. */
export function entryHash(prevHash: string, body: AuditEntryBody): string {
  const { seq, at, actor, action, subject, content } = body;
  const text = ENTRY_TAG + canonicalJson({ seq, at, actor, action, subject, content, prevHash });
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The entry that follows `prev` (or the first entry, when prev is null). */
export function appendEntry(
  prev: AuditEntry | null,
  body: Omit<AuditEntryBody, 'seq'> & { seq?: number },
): AuditEntry {
  const seq = prev ? prev.seq + 1 : 1;
  if (body.seq !== undefined && body.seq !== seq)
    throw new RecordError(`entry ${body.seq} cannot follow entry ${prev?.seq ?? 0}; the next is ${seq}`, [
      'seq',
    ]);
  if (!isUtcTime(body.at))
    throw new RecordError(`"${body.at}" is not an ISO-8601 UTC time such as 2030-01-01T09:00:00.000Z`, [
      'at',
    ]);
  const prevHash = prev?.hash ?? GENESIS_HASH;
  const entry: AuditEntryBody = {
    seq,
    at: body.at,
    actor: body.actor,
    action: body.action,
    subject: body.subject,
    content: body.content,
  };
  return { ...entry, prevHash, hash: entryHash(prevHash, entry) };
}

/**
 * Recomputes every hash and link and reports the first problem. A chain checked only against itself cannot
 * see a truncation or a rewrite of the whole tail with recomputed hashes; verifyLog adds signed checkpoints
 * for that. `from` is a trusted entry just before `entries` (to verify a slice, or what was appended since).
 */
export function verifyChain(entries: AuditEntry[], opts: { from?: AuditEntry | null } = {}): ChainReport {
  const from = opts.from ?? null;
  const firstSeq = from ? from.seq + 1 : 1;
  let head = from?.hash ?? GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const problem = checkEntry(entries, i, firstSeq + i, head, from);
    if (problem) {
      // The problem may lie with the entry before this one (changed and rehashed): count up to it.
      const count = problem.index;
      const headHash = count > 0 ? entries[count - 1]!.hash : (from?.hash ?? GENESIS_HASH);
      return { ok: false, count, headHash, problem };
    }
    head = entries[i]!.hash;
  }
  return { ok: true, count: entries.length, headHash: head };
}

function checkEntry(
  entries: AuditEntry[],
  index: number,
  expected: number,
  prevHash: string,
  from: AuditEntry | null,
): ChainProblem | undefined {
  const entry = entries[index]!;
  const shape = shapeProblem(entry);
  if (shape) return { seq: expected, index, kind: 'malformed', message: `entry ${expected}: ${shape}` };
  let hash: string;
  try {
    hash = entryHash(entry.prevHash, entry);
  } catch (e) {
    if (!(e instanceof RecordError)) throw e;
    return { seq: expected, index, kind: 'malformed', message: `entry ${expected}: ${e.message}` };
  }
  if (hash !== entry.hash) {
    // Everything before is in order, so the position says which entry this is even if its seq was changed.
    const renumbered = entry.seq !== expected ? ` (its seq now reads ${entry.seq})` : '';
    return {
      seq: expected,
      index,
      kind: 'altered',
      message: `entry ${expected}${renumbered}: its content does not match its hash — altered after it was written`,
    };
  }
  if (entry.seq === expected && entry.prevHash === prevHash) return undefined;
  return linkProblem(entries, index, expected, from);
}

/** The entry is intact by itself but does not follow its predecessor: say how the order was broken. */
function linkProblem(
  entries: AuditEntry[],
  index: number,
  expected: number,
  from: AuditEntry | null,
): ChainProblem {
  const bySeq = indexBySeq(entries); // only once, when the chain breaks
  const entry = entries[index]!;
  const earlier = (bySeq.get(entry.seq) ?? []).find((j) => j < index);
  if (earlier !== undefined) {
    const same = entries[earlier]!.hash === entry.hash;
    return {
      seq: entry.seq,
      index,
      kind: 'duplicated',
      message: same
        ? `entry ${entry.seq} appears twice (positions ${earlier + 1} and ${index + 1}) — duplicated`
        : `entry ${entry.seq} appears twice with different contents (positions ${earlier + 1} and ${index + 1}) — a second version was inserted`,
    };
  }
  if (entry.seq !== expected) {
    const later = (bySeq.get(expected) ?? []).find((j) => j > index);
    if (later !== undefined || entry.seq < expected) {
      const where = later !== undefined ? `; it is at position ${later + 1}` : '';
      return {
        seq: expected,
        index,
        kind: 'reordered',
        message: `entry ${expected}: position ${index + 1} holds entry ${entry.seq} instead${where} — reordered`,
      };
    }
    const last = entry.seq - 1;
    const missing = last === expected ? `entry ${expected} is` : `entries ${expected}–${last} are`;
    const after =
      expected - 1 >= 1
        ? `entry ${entry.seq} follows entry ${expected - 1}`
        : `the log starts at entry ${entry.seq}`;
    return { seq: expected, index, kind: 'removed', message: `${missing} missing: ${after} — removed` };
  }
  if (index === 0 && from) {
    return {
      seq: expected,
      index,
      kind: 'rewritten',
      message: `entry ${expected} does not link to the trusted entry ${from.seq} — the log was rewritten up to here`,
    };
  }
  if (index === 0) {
    return {
      seq: expected,
      index,
      kind: 'malformed',
      message: `entry ${expected} does not link to the genesis hash (64 zeros), as the first entry must`,
    };
  }
  // Same seq, intact hash, wrong link: the entry before was changed and its hash recomputed, and this one
  // still points to the original.
  return {
    seq: expected - 1,
    index: index - 1,
    kind: 'altered',
    message: `entry ${expected - 1}: its hash was recomputed after a change — entry ${expected} still links to the original`,
  };
}

function indexBySeq(entries: AuditEntry[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  entries.forEach((e, i) => {
    const seq = typeof e?.seq === 'number' ? e.seq : Number.NaN;
    const list = map.get(seq);
    if (list) list.push(i);
    else map.set(seq, [i]);
  });
  return map;
}

function shapeProblem(entry: unknown): string | undefined {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return 'not an object';
  const e = entry as Record<string, unknown>;
  if (!Number.isSafeInteger(e.seq) || (e.seq as number) < 1) return 'seq is not a positive integer';
  for (const field of ['at', 'actor', 'action'] as const)
    if (typeof e[field] !== 'string') return `${field} is not a string`;
  if (e.subject !== null && typeof e.subject !== 'string') return 'subject is neither a string nor null';
  if (!('content' in e) || e.content === undefined) return 'content is missing';
  if (!isHashHex(e.prevHash)) return 'prevHash is not 64 lowercase hex digits';
  if (!isHashHex(e.hash)) return 'hash is not 64 lowercase hex digits';
  return undefined;
}
