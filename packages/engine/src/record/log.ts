// Verifying a log against its signed checkpoints. The chain alone shows each entry follows the one before;
// only a checkpoint kept outside the database shows that nothing was cut off the end, and that the whole
// tail was not rewritten with freshly recomputed hashes.
import { type AuditEntry, type ChainProblem, GENESIS_HASH, type ProblemKind, verifyChain } from './chain.ts';
import { type Checkpoint, checkpointFault, signCheckpoint } from './checkpoint.ts';
import { RecordError } from './errors.ts';
import { entryLeafHash, MerkleFrontier } from './merkle.ts';

export type LogProblemKind = ProblemKind | 'forged';

export interface LogProblem extends Omit<ChainProblem, 'kind'> {
  kind: LogProblemKind;
  /** The checkpoint the problem was found with: its position in the list given, and its size. */
  checkpoint?: { index: number; size: number };
  /** For 'rewritten': the entries among which the first rewritten one must lie, from the checkpoints' sizes. */
  range?: { from: number; to: number };
}

export interface LogReport {
  ok: boolean;
  /** Entries verified (all of them when ok). */
  count: number;
  /** Chain hash of the last verified entry. */
  headHash: string;
  /** Merkle root (hex) of the verified entries. */
  rootHash: string;
  /** Checkpoints whose signature verified and that match the entries. */
  checkpoints: number;
  /** The largest checkpoint that verified and matched, if any. */
  anchoredSize: number;
  problem?: LogProblem;
}

/**
 * Verifies the chain, every checkpoint's signature, and that every checkpoint's size, root and head match the
 * entries; reports the first problem. Checkpoints are matched against the same leaves, so two that both
 * match are consistent with each other (one is a prefix of the other) without a separate proof.
 * Entries after the largest checkpoint are verified by the chain only (count − anchoredSize of them).
 */
export function verifyLog(
  entries: AuditEntry[],
  checkpoints: Checkpoint[],
  publicKey: Uint8Array | string,
  opts: { origin?: string } = {},
): LogReport {
  const origin = opts.origin ?? checkpoints[0]?.origin;
  const order = checkpoints.map((cp, index) => ({ cp, index })).sort((a, b) => a.cp.size - b.cp.size);
  const forged = forgery(order, origin, publicKey);
  if (forged) return failed(entries, 0, 0, forged);

  const chain = verifyChain(entries);
  // Walk the entries the chain vouches for, comparing each checkpoint as its size is reached.
  const frontier = new MerkleFrontier();
  let lastMatched: Checkpoint | undefined;
  let next = 0;
  for (let size = 0; ; size++) {
    for (; next < order.length && order[next]!.cp.size === size; next++) {
      const { cp, index } = order[next]!;
      const problem = contradiction(
        cp,
        index,
        frontier,
        size === 0 ? GENESIS_HASH : entries[size - 1]!.hash,
        lastMatched,
      );
      if (problem) return failed(entries, problem.seq - 1, next, problem);
      lastMatched = cp;
    }
    if (size >= chain.count) break;
    frontier.append(entryLeafHash(entries[size]!));
  }
  const report = {
    count: chain.count,
    headHash: chain.headHash,
    rootHash: frontier.rootHex(),
    checkpoints: next,
    anchoredSize: lastMatched?.size ?? 0,
  };
  if (chain.problem) return { ok: false, ...report, problem: chain.problem };
  if (next < order.length)
    return { ok: false, ...report, problem: truncation(order[order.length - 1]!, chain.count) };
  return { ok: true, ...report };
}

type Numbered = { cp: Checkpoint; index: number };

/** The first checkpoint (smallest size first) that is unreadable, not this log's, or not signed by this key. */
function forgery(
  order: Numbered[],
  origin: string | undefined,
  publicKey: Uint8Array | string,
): LogProblem | undefined {
  for (const { cp, index } of order) {
    const fault =
      origin !== undefined && cp.origin !== origin
        ? { kind: 'forged' as const, message: `it is for another log ("${cp.origin}", not "${origin}")` }
        : checkpointFault(cp, publicKey);
    if (fault) {
      return {
        seq: cp.size,
        index: Math.max(0, cp.size - 1),
        kind: fault.kind,
        message: `${describe(cp)}: ${fault.message}`,
        checkpoint: { index, size: cp.size },
      };
    }
  }
  return undefined;
}

/** A checkpoint whose root or head differs from the entries': the range since the last one that matched was rewritten. */
function contradiction(
  cp: Checkpoint,
  index: number,
  frontier: MerkleFrontier,
  head: string,
  lastMatched: Checkpoint | undefined,
): LogProblem | undefined {
  const root = frontier.rootHex();
  if (cp.rootHash === root && cp.headHash === head) return undefined;
  const size = cp.size;
  const from = (lastMatched?.size ?? 0) + 1;
  const since = lastMatched ? `, while ${describe(lastMatched)} matches` : '';
  const span = from === size ? `entry ${size}` : `entries ${from}–${size}`;
  const what = cp.rootHash !== root ? 'root' : 'head';
  return {
    seq: from,
    index: from - 1,
    kind: 'rewritten',
    message: `${span}: ${describe(cp)} does not match the log — its ${what} differs${since}; the log was rewritten and the first rewritten entry is ${from === size ? 'this one' : 'among these'}`,
    checkpoint: { index, size },
    range: { from, to: size },
  };
}

/** The largest checkpoint vouches for more entries than the log has. */
function truncation({ cp, index }: Numbered, count: number): LogProblem {
  const from = count + 1;
  const span = from === cp.size ? `entry ${from} is` : `entries ${from}–${cp.size} are`;
  return {
    seq: from,
    index: count,
    kind: 'truncated',
    message: `${span} missing: ${describe(cp)} vouches for ${cp.size} entries, the log has ${count} — truncated`,
    checkpoint: { index, size: cp.size },
  };
}

function failed(entries: AuditEntry[], count: number, matched: number, problem: LogProblem): LogReport {
  const frontier = MerkleFrontier.of(entries.slice(0, count).map(entryLeafHash));
  return {
    ok: false,
    count,
    headHash: count === 0 ? GENESIS_HASH : entries[count - 1]!.hash,
    rootHash: frontier.rootHex(),
    checkpoints: matched,
    anchoredSize: count,
    problem,
  };
}

function describe(cp: Checkpoint): string {
  return `the checkpoint of ${cp.timestamp} (size ${cp.size})`;
}

/**
 * Signs the tree head of the first `size` entries (all by default): for exports, tests and a server rebuilding
 * its frontier. A server appending one entry at a time keeps a MerkleFrontier instead of calling this.
 */
export function checkpointFor(
  entries: AuditEntry[],
  head: { origin: string; timestamp: string; size?: number },
  privateKey: Uint8Array,
): Checkpoint {
  const size = head.size ?? entries.length;
  if (!Number.isSafeInteger(size) || size < 0 || size > entries.length)
    throw new RecordError(`a checkpoint of size ${size} needs ${size} entries; ${entries.length} given`, [
      'size',
    ]);
  const frontier = MerkleFrontier.of(entries.slice(0, size).map(entryLeafHash));
  return signCheckpoint(
    {
      origin: head.origin,
      size,
      rootHash: frontier.rootHex(),
      headHash: size === 0 ? GENESIS_HASH : entries[size - 1]!.hash,
      timestamp: head.timestamp,
    },
    privateKey,
  );
}
