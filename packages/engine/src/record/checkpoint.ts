// Signed checkpoints (tree heads): the log's size, Merkle root and chain head, signed with Ed25519 by the
// log's key. A client or an export that keeps one can later prove the log was truncated or rewritten below it.
// The signed text is a C2SP tlog-checkpoint body (origin, size, base64 root, then extension lines), and
// checkpointNote() writes it as a C2SP signed note, so standard transparency-log tooling can read it.
import { ed25519 } from '@noble/curves/ed25519.js';
import {
  base64ToBytes,
  bytesToBase64,
  bytesToHex,
  concatBytes,
  hexToBytes,
  isHashHex,
  sha256,
  utf8ToBytes,
} from './bytes.ts';
import { RecordError } from './errors.ts';
import { isUtcTime } from './time.ts';

export interface Checkpoint {
  /** The log's name, e.g. "concert.example.org/continental"; also the signing key's name. */
  origin: string;
  /** Number of entries the checkpoint covers (entries 1..size). */
  size: number;
  /** Merkle root (RFC 9162 MTH) of the first `size` entries' leaves, hex. */
  rootHash: string;
  /** Chain hash of entry `size` (GENESIS_HASH when size is 0), hex. */
  headHash: string;
  /** When it was signed, ISO-8601 UTC. */
  timestamp: string;
  /** C2SP key ID of the signing key for this origin: 8 hex digits. */
  keyId: string;
  /** Ed25519 signature of checkpointBody(), base64. */
  signature: string;
}

export type UnsignedCheckpoint = Omit<Checkpoint, 'keyId' | 'signature'>;

export interface SigningKey {
  /** Ed25519 secret key (32-byte seed). Keep it on the server. */
  privateKey: Uint8Array;
  publicKey: Uint8Array;
}

/** C2SP signed-note signature type of Ed25519. */
const ED25519_TYPE = 0x01;

/**
 * The exact text that is signed, one field per line, each ending in a newline:
 *   <origin>\n<size>\n<base64 root>\nhead <hex chain head>\ntime <timestamp>\n
 */
export function checkpointBody(cp: UnsignedCheckpoint): string {
  checkFields(cp);
  const root = bytesToBase64(hexToBytes(cp.rootHash));
  return `${cp.origin}\n${cp.size}\n${root}\nhead ${cp.headHash}\ntime ${cp.timestamp}\n`;
}

export function generateSigningKey(): SigningKey {
  const privateKey = ed25519.utils.randomSecretKey();
  return { privateKey, publicKey: ed25519.getPublicKey(privateKey) };
}

export function publicKeyOf(privateKey: Uint8Array): Uint8Array {
  if (privateKey.length !== 32) throw new RecordError('an Ed25519 private key is 32 bytes');
  return ed25519.getPublicKey(privateKey);
}

/** The C2SP key ID: the first 4 bytes of SHA-256(name || "\n" || 0x01 || public key), as 8 hex digits. */
export function keyIdFor(origin: string, publicKey: Uint8Array): string {
  const bytes = sha256(concatBytes(utf8ToBytes(`${origin}\n`), Uint8Array.of(ED25519_TYPE), publicKey));
  return bytesToHex(bytes.subarray(0, 4));
}

export function signCheckpoint(unsigned: UnsignedCheckpoint, privateKey: Uint8Array): Checkpoint {
  const { origin, size, rootHash, headHash, timestamp } = unsigned;
  const body = checkpointBody({ origin, size, rootHash, headHash, timestamp });
  const signature = ed25519.sign(utf8ToBytes(body), privateKey);
  const keyId = keyIdFor(origin, publicKeyOf(privateKey));
  return { origin, size, rootHash, headHash, timestamp, keyId, signature: bytesToBase64(signature) };
}

/** True if the checkpoint is well formed and signed by this key (32 bytes, or its hex or base64 text). */
export function verifyCheckpoint(cp: Checkpoint, publicKey: Uint8Array | string): boolean {
  return checkpointProblem(cp, publicKey) === undefined;
}

/** Why a checkpoint does not verify under this key, in plain words; undefined if it does. */
export function checkpointProblem(cp: Checkpoint, publicKey: Uint8Array | string): string | undefined {
  return checkpointFault(cp, publicKey)?.message;
}

/** The same, with whether the checkpoint is unreadable ('malformed') or not signed by this key ('forged'). */
export function checkpointFault(
  cp: Checkpoint,
  publicKey: Uint8Array | string,
): { kind: 'malformed' | 'forged'; message: string } | undefined {
  const key = typeof publicKey === 'string' ? parsePublicKey(publicKey) : publicKey;
  let body: string;
  let signature: Uint8Array;
  try {
    body = checkpointBody(cp);
    signature = base64ToBytes(cp.signature);
  } catch (e) {
    if (e instanceof RecordError) return { kind: 'malformed', message: `it is malformed: ${e.message}` };
    throw e;
  }
  const expected = keyIdFor(cp.origin, key);
  if (cp.keyId !== expected)
    return {
      kind: 'forged',
      message: `it was signed by another key (key ID ${cp.keyId}, expected ${expected})`,
    };
  let valid = false;
  try {
    valid = signature.length === 64 && ed25519.verify(signature, utf8ToBytes(body), key, { zip215: false });
  } catch {
    valid = false;
  }
  return valid
    ? undefined
    : { kind: 'forged', message: 'its signature does not verify — forged, or altered after it was signed' };
}

/** An Ed25519 public key written as 64 hex digits or 44 characters of base64. */
export function parsePublicKey(text: string): Uint8Array {
  const trimmed = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? hexToBytes(trimmed)
    : /^[A-Za-z0-9+/]{43}=$/.test(trimmed)
      ? base64ToBytes(trimmed)
      : undefined;
  if (!bytes)
    throw new RecordError(
      'not an Ed25519 public key',
      [],
      'write it as 64 hex digits or 44 characters of base64 (32 bytes)',
    );
  return bytes;
}

/** The checkpoint as a C2SP signed note: the body, a blank line, and "— <origin> <base64(key ID || signature)>". */
export function checkpointNote(cp: Checkpoint): string {
  const sig = concatBytes(hexToBytes(cp.keyId), base64ToBytes(cp.signature));
  return `${checkpointBody(cp)}\n\u2014 ${cp.origin} ${bytesToBase64(sig)}\n`;
}

/** Reads a signed note written by checkpointNote (the first signature line naming the origin). */
export function parseCheckpointNote(text: string): Checkpoint {
  const split = text.indexOf('\n\n');
  if (split < 0) throw new RecordError('not a signed note: no blank line before the signatures');
  const lines = text
    .slice(0, split + 1)
    .split('\n')
    .slice(0, -1);
  const [origin, sizeText, root, head, time] = lines;
  if (lines.length !== 5 || !head?.startsWith('head ') || !time?.startsWith('time '))
    throw new RecordError(
      'not a Concert checkpoint: expected origin, size, root, "head …" and "time …" lines',
    );
  if (!/^(?:0|[1-9]\d*)$/.test(sizeText ?? ''))
    throw new RecordError(`"${sizeText}" is not a tree size`, ['size']);
  const signatureLine = text
    .slice(split + 2)
    .split('\n')
    .find((l) => l.startsWith(`\u2014 ${origin} `));
  if (!signatureLine) throw new RecordError(`no signature by "${origin}"`);
  const sig = base64ToBytes(signatureLine.slice(`\u2014 ${origin} `.length));
  if (sig.length !== 68) throw new RecordError('an Ed25519 note signature is 4 + 64 bytes');
  return {
    origin: origin!,
    size: Number(sizeText),
    rootHash: bytesToHex(base64ToBytes(root!)),
    headHash: head.slice(5),
    timestamp: time.slice(5),
    keyId: bytesToHex(sig.subarray(0, 4)),
    signature: bytesToBase64(sig.subarray(4)),
  };
}

function checkFields(cp: UnsignedCheckpoint): void {
  if (typeof cp.origin !== 'string' || !isKeyName(cp.origin))
    throw new RecordError('the origin must be non-empty, without spaces, "+" or control characters', [
      'origin',
    ]);
  if (!Number.isSafeInteger(cp.size) || cp.size < 0)
    throw new RecordError('size must be an integer ≥ 0', ['size']);
  if (!isHashHex(cp.rootHash))
    throw new RecordError('rootHash must be 64 lowercase hex digits', ['rootHash']);
  if (!isHashHex(cp.headHash))
    throw new RecordError('headHash must be 64 lowercase hex digits', ['headHash']);
  if (!isUtcTime(cp.timestamp))
    throw new RecordError('timestamp must be ISO-8601 UTC, e.g. 2030-01-01T09:00:00Z', ['timestamp']);
}

/** C2SP signed notes: a key name is non-empty and has no Unicode spaces or plus signs (nor control characters). */
function isKeyName(name: string): boolean {
  if (name === '') return false;
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f || ch === '+' || /\s/u.test(ch)) return false;
  }
  return true;
}
