// Logs for tests: deterministic entries that look like a council's actions.
import { bytesToHex } from './bytes.ts';
import { type AuditEntry, appendEntry, entryHash, GENESIS_HASH } from './chain.ts';
import { type Checkpoint, signCheckpoint } from './checkpoint.ts';
import { entryLeafHash, MerkleFrontier } from './merkle.ts';

const ACTIONS = [
  'session.open',
  'delegation.check-in',
  'motion.table',
  'poll.open',
  'vote.cast',
  'poll.close',
];

export function sampleLog(size: number, start: AuditEntry | null = null): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prev = start;
  for (let i = 0; i < size; i++) {
    const seq = (prev?.seq ?? 0) + 1;
    const at = new Date(Date.UTC(2030, 0, 1, 9) + seq * 1000).toISOString();
    prev = appendEntry(prev, {
      at,
      actor: `delegate:${['DEU', 'FRA', 'POL', 'ITA'][seq % 4]}`,
      action: ACTIONS[seq % ACTIONS.length]!,
      subject: seq % 5 === 0 ? null : `poll:${Math.ceil(seq / 10)}`,
      content: {
        n: seq,
        choice: ['yes', 'no', 'abstain'][seq % 3],
        note: seq % 7 === 0 ? 'proxy for ITA' : undefined,
      },
    });
    entries.push(prev);
  }
  return entries;
}

/** Checkpoints of `entries` at the given sizes, signed with `privateKey`, as a server would make them. */
export function checkpointsOf(
  entries: AuditEntry[],
  sizes: number[],
  privateKey: Uint8Array,
  origin = 'concert.test/continental',
): Checkpoint[] {
  const frontier = new MerkleFrontier();
  const out: Checkpoint[] = [];
  const wanted = new Set(sizes);
  for (let size = 0; size <= entries.length; size++) {
    if (wanted.has(size)) {
      const headHash = size === 0 ? GENESIS_HASH : entries[size - 1]!.hash;
      const timestamp = new Date(Date.UTC(2030, 0, 1, 12) + size * 1000).toISOString();
      out.push(
        signCheckpoint(
          { origin, size, rootHash: bytesToHex(frontier.root()), headHash, timestamp },
          privateKey,
        ),
      );
    }
    if (size < entries.length) frontier.append(entryLeafHash(entries[size]!));
  }
  return out;
}

/** The log with entries from `index` on replaced by changed ones, hashes recomputed: what a forger with database access can do. */
export function rewriteTail(
  entries: AuditEntry[],
  index: number,
  change: (e: AuditEntry) => Partial<AuditEntry>,
): AuditEntry[] {
  const out = entries.slice(0, index);
  for (const e of entries.slice(index)) {
    const prev = out[out.length - 1];
    const { seq: _seq, prevHash: _p, hash: _h, ...body } = { ...e, ...change(e) };
    const seq = (prev?.seq ?? 0) + 1;
    const prevHash = prev?.hash ?? GENESIS_HASH;
    out.push({ ...body, seq, prevHash, hash: entryHash(prevHash, { ...body, seq }) });
  }
  return out;
}
