// What a client that holds only signed checkpoints can check without the log: that an entry it cares about
// (its delegation's vote) is in the signed tree, and that a newer checkpoint extends an older one it kept.
import { bytesToHex, hexToBytes } from './bytes.ts';
import type { AuditEntry } from './chain.ts';
import { type Checkpoint, checkpointProblem } from './checkpoint.ts';
import { RecordError } from './errors.ts';
import { entryLeafHash, verifyConsistency, verifyInclusion } from './merkle.ts';

export type ProofCheck = { ok: true } | { ok: false; message: string };

/** Proof hashes as the API sends them (hex) or as bytes. */
export type ProofHashes = (string | Uint8Array)[];

/** Does `proof` show that `entry` (entry seq, leaf seq − 1) is in the tree `checkpoint` signed? */
export function verifyEntryInclusion(
  entry: AuditEntry,
  checkpoint: Checkpoint,
  proof: ProofHashes,
  publicKey: Uint8Array | string,
): ProofCheck {
  const bad = checkpointProblem(checkpoint, publicKey);
  if (bad) return { ok: false, message: `the checkpoint: ${bad}` };
  if (entry.seq > checkpoint.size)
    return {
      ok: false,
      message: `entry ${entry.seq} is not covered by a checkpoint of size ${checkpoint.size}`,
    };
  const hashes = decode(proof);
  if (!hashes) return { ok: false, message: 'the proof is not a list of 32-byte hashes' };
  const ok = verifyInclusion(
    entryLeafHash(entry),
    entry.seq - 1,
    checkpoint.size,
    hashes,
    hexToBytes(checkpoint.rootHash),
  );
  return ok
    ? { ok: true }
    : {
        ok: false,
        message: `entry ${entry.seq} is not in the signed log of size ${checkpoint.size} — altered or never recorded`,
      };
}

/** Does `proof` show that the log `newer` signed extends the log `older` signed (nothing rewritten or cut)? */
export function verifyCheckpointConsistency(
  older: Checkpoint,
  newer: Checkpoint,
  proof: ProofHashes,
  publicKey: Uint8Array | string,
): ProofCheck {
  for (const [name, cp] of [
    ['older', older],
    ['newer', newer],
  ] as const) {
    const bad = checkpointProblem(cp, publicKey);
    if (bad) return { ok: false, message: `the ${name} checkpoint: ${bad}` };
  }
  if (older.origin !== newer.origin)
    return {
      ok: false,
      message: `the checkpoints are of different logs ("${older.origin}", "${newer.origin}")`,
    };
  if (older.size > newer.size)
    return {
      ok: false,
      message: `the newer checkpoint (size ${newer.size}) is smaller than the older (size ${older.size}) — truncated`,
    };
  const hashes = decode(proof);
  if (!hashes) return { ok: false, message: 'the proof is not a list of 32-byte hashes' };
  if (older.size === newer.size && older.headHash !== newer.headHash)
    return { ok: false, message: `two checkpoints of size ${older.size} disagree — the log was rewritten` };
  const ok = verifyConsistency(
    older.size,
    newer.size,
    hexToBytes(older.rootHash),
    hexToBytes(newer.rootHash),
    hashes,
  );
  return ok
    ? { ok: true }
    : {
        ok: false,
        message: `the log of size ${newer.size} does not extend the one of size ${older.size} you kept — entries among 1–${older.size} were rewritten`,
      };
}

/** Proof hashes as hex, for JSON. */
export function proofToHex(proof: Uint8Array[]): string[] {
  return proof.map(bytesToHex);
}

function decode(proof: ProofHashes): Uint8Array[] | undefined {
  if (!Array.isArray(proof)) return undefined;
  const out: Uint8Array[] = [];
  for (const p of proof) {
    let bytes: Uint8Array;
    try {
      bytes = typeof p === 'string' ? hexToBytes(p) : p;
    } catch (e) {
      if (e instanceof RecordError) return undefined;
      throw e;
    }
    if (!(bytes instanceof Uint8Array) || bytes.length !== 32) return undefined;
    out.push(bytes);
  }
  return out;
}
