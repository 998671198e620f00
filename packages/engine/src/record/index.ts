// The record: a hash-chained audit log, Merkle tree heads over it (RFC 9162 §2.1) and signed checkpoints, so
// that nobody can later alter, remove, reorder or truncate what a council did without it being noticed.
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
  auditExportSchema,
  makeAuditExport,
  parseAuditExport,
  parseCheckpoints,
  readAuditExport,
  readCheckpoints,
} from './export.ts';
export { type LogProblem, type LogProblemKind, type LogReport, verifyLog } from './log.ts';
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
