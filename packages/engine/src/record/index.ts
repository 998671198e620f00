// The record: a hash-chained audit log, Merkle tree heads over it (RFC 9162 §2.1) and signed checkpoints, so
// that nobody can later alter, remove, reorder or truncate what a council did without it being noticed.
//
// A server appends inside the transaction of the change it records:
//   const prev = /* last entry, locked */;                 const frontier = MerkleFrontier.fromJSON(saved);
//   const entry = appendEntry(prev, { at: new Date().toISOString(), actor, action, subject, content });
//   frontier.append(entryLeafHash(entry));                  // save frontier.toJSON() with the entry
//   const cp = signCheckpoint({ origin, size: frontier.size, rootHash: frontier.rootHex(),
//                               headHash: entry.hash, timestamp }, privateKey);   // now and then
// and verifies with verifyLog(entries, checkpoints, publicKey). The hash covers `at` and `content` exactly as
// given, so store `at` as text (not re-rendered by a timestamp column) and content as JSON whose values survive
// a round trip (JSON numbers that are JS doubles, no BigInt — canonicalJson refuses those anyway).
export { base64ToBytes, bytesToBase64, bytesToHex, hexToBytes, isHashHex } from './bytes.ts';
export { canonicalJson } from './canonical.ts';
export {
  type AuditEntry,
  type AuditEntryBody,
  appendEntry,
  type ChainProblem,
  type ChainReport,
  entryHash,
  GENESIS_HASH,
  type ProblemKind,
  verifyChain,
} from './chain.ts';
export {
  type Checkpoint,
  checkpointBody,
  checkpointFault,
  checkpointNote,
  checkpointProblem,
  generateSigningKey,
  keyIdFor,
  parseCheckpointNote,
  parsePublicKey,
  publicKeyOf,
  type SigningKey,
  signCheckpoint,
  type UnsignedCheckpoint,
  verifyCheckpoint,
} from './checkpoint.ts';
export { RecordError } from './errors.ts';
export {
  AUDIT_EXPORT_FORMAT,
  AUDIT_EXPORT_LIMITS,
  type AuditExport,
  auditExportJsonSchema,
  auditExportSchema,
  checkpointJsonSchema,
  makeAuditExport,
  parseAuditExport,
  parseCheckpoints,
  readAuditExport,
  readCheckpoints,
} from './export.ts';
export { checkpointFor, type LogProblem, type LogProblemKind, type LogReport, verifyLog } from './log.ts';
export {
  consistencyProof,
  EMPTY_ROOT,
  entryLeafHash,
  inclusionProof,
  leafHash,
  MerkleFrontier,
  merkleRoot,
  nodeHash,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';
export {
  type ProofCheck,
  type ProofHashes,
  proofToHex,
  verifyCheckpointConsistency,
  verifyEntryInclusion,
} from './proofs.ts';
export { isUtcTime } from './time.ts';
