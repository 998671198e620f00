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
export { RecordError } from './errors.ts';
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
