// Merkle tree hashing as RFC 9162 (Certificate Transparency v2) §2.1 defines it, with SHA-256. The log's
// leaves are its entries' chain hashes (32 raw bytes each), so a tree head commits to the whole chain and a
// proof shows one entry, or an earlier tree head, is part of a later one without sending the log.
import { bytesToHex, concatBytes, equalBytes, hexToBytes, isHashHex, sha256 } from './bytes.ts';
import { RecordError } from './errors.ts';

const LEAF = Uint8Array.of(0x00);
const NODE = Uint8Array.of(0x01);

/** MTH of the empty tree: SHA-256 of the empty string (RFC 9162 §2.1.1). Functions here return copies. */
export const EMPTY_ROOT: Uint8Array = sha256(new Uint8Array(0));

/** H(0x00 || leaf). */
export function leafHash(leaf: Uint8Array): Uint8Array {
  return sha256(concatBytes(LEAF, leaf));
}

/** H(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256(concatBytes(NODE, left, right));
}

/**
 * An incremental tree: the roots of the perfect subtrees that make up the first `size` leaves (a compact
 * range from 0), largest first. Appending a leaf and computing the root are O(log n), so a server can sign a
 * tree head after each append without re-hashing the log, and persist the frontier (toJSON / fromJSON).
 */
export class MerkleFrontier {
  private readonly hashes: Uint8Array[] = [];
  private count = 0;

  /** A frontier over these leaf hashes (none by default). */
  static of(leafHashes: Iterable<Uint8Array>): MerkleFrontier {
    const frontier = new MerkleFrontier();
    for (const h of leafHashes) frontier.append(h);
    return frontier;
  }

  /** Restores a frontier saved with toJSON(). */
  static fromJSON(state: { size: number; hashes: string[] }): MerkleFrontier {
    const { size, hashes } = state;
    if (!Number.isSafeInteger(size) || size < 0)
      throw new RecordError('size must be an integer ≥ 0', ['size']);
    if (!Array.isArray(hashes) || popcount(size) !== hashes.length)
      throw new RecordError(
        `a frontier of size ${size} has ${popcount(size)} hashes, not ${hashes?.length}`,
        ['hashes'],
      );
    const frontier = new MerkleFrontier();
    hashes.forEach((h, i) => {
      if (!isHashHex(h)) throw new RecordError('not 64 lowercase hex digits', ['hashes', i]);
      frontier.hashes.push(hexToBytes(h));
    });
    frontier.count = size;
    return frontier;
  }

  get size(): number {
    return this.count;
  }

  /** Appends a leaf hash (already H(0x00 || leaf); for an entry, entryLeafHash(entry)). */
  append(leafHashValue: Uint8Array): void {
    let h = leafHashValue;
    // Each set low bit of the old size is a perfect subtree that the new leaf completes.
    for (let n = this.count; n % 2 === 1; n = Math.floor(n / 2)) h = nodeHash(this.hashes.pop()!, h);
    this.hashes.push(h);
    this.count++;
  }

  root(): Uint8Array {
    if (this.hashes.length === 0) return EMPTY_ROOT.slice();
    let h = this.hashes[this.hashes.length - 1]!;
    for (let i = this.hashes.length - 2; i >= 0; i--) h = nodeHash(this.hashes[i]!, h);
    return h;
  }

  /** The root as lowercase hex, as checkpoints carry it. */
  rootHex(): string {
    return bytesToHex(this.root());
  }

  /** The state to persist: the size and the perfect subtrees' roots (hex), largest first; at most 53 of them. */
  toJSON(): { size: number; hashes: string[] } {
    return { size: this.count, hashes: this.hashes.map(bytesToHex) };
  }
}

/** MTH of the first `size` leaf hashes (all of them by default). */
export function merkleRoot(leafHashes: Uint8Array[], size = leafHashes.length): Uint8Array {
  checkSize(size, leafHashes.length);
  return rangeRoot(leafHashes, 0, size);
}

/** The audit path of leaf `index` in the tree of the first `size` leaves: PATH(m, D[n]) of RFC 9162 §2.1.3.1. */
export function inclusionProof(index: number, size: number, leafHashes: Uint8Array[]): Uint8Array[] {
  checkSize(size, leafHashes.length);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size)
    throw new RecordError(`leaf ${index} is not in a tree of size ${size}`);
  const proof: Uint8Array[] = [];
  let lo = 0;
  let hi = size;
  // Walk from the root to the leaf; the sibling ranges, innermost last, are the path (innermost first).
  while (hi - lo > 1) {
    const k = largestPowerOfTwoBelow(hi - lo);
    if (index - lo < k) {
      proof.push(rangeRoot(leafHashes, lo + k, hi));
      hi = lo + k;
    } else {
      proof.push(rangeRoot(leafHashes, lo, lo + k));
      lo += k;
    }
  }
  return proof.reverse();
}

/** RFC 9162 §2.1.3.2: does `proof` show that `leafHashValue` is leaf `index` of the tree with this root? */
export function verifyInclusion(
  leafHashValue: Uint8Array,
  index: number,
  size: number,
  proof: Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHashValue;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(r, root);
}

/**
 * The proof that the tree of the first `oldSize` leaves is a prefix of the tree of the first `newSize`:
 * PROOF(m, D[n]) of RFC 9162 §2.1.4.1. Empty when the sizes are equal or the old tree is empty.
 */
export function consistencyProof(oldSize: number, newSize: number, leafHashes: Uint8Array[]): Uint8Array[] {
  checkSize(newSize, leafHashes.length);
  if (!Number.isSafeInteger(oldSize) || oldSize < 0 || oldSize > newSize)
    throw new RecordError(`a tree of size ${oldSize} cannot be a prefix of one of size ${newSize}`);
  if (oldSize === 0 || oldSize === newSize) return [];
  const proof: Uint8Array[] = [];
  // SUBPROOF(m, D[lo:hi], whole), unrolled: each step descends into one half and records the other.
  let m = oldSize;
  let lo = 0;
  let hi = newSize;
  let whole = true;
  while (m !== hi - lo) {
    const k = largestPowerOfTwoBelow(hi - lo);
    if (m <= k) {
      proof.push(rangeRoot(leafHashes, lo + k, hi));
      hi = lo + k;
    } else {
      proof.push(rangeRoot(leafHashes, lo, lo + k));
      m -= k;
      lo += k;
      whole = false;
    }
  }
  if (!whole) proof.push(rangeRoot(leafHashes, lo, hi));
  return proof.reverse();
}

/** RFC 9162 §2.1.4.2: does `proof` show that the tree with oldRoot is a prefix of the tree with newRoot? */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: Uint8Array[],
): boolean {
  if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize) || oldSize < 0 || oldSize > newSize)
    return false;
  if (oldSize === newSize) return proof.length === 0 && equalBytes(oldRoot, newRoot);
  if (oldSize === 0) return proof.length === 0 && equalBytes(oldRoot, EMPTY_ROOT);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(fr, oldRoot) && equalBytes(sr, newRoot);
}

/** MTH(D[lo:hi]) without recursion or copying: the frontier of the range, folded. */
function rangeRoot(leafHashes: Uint8Array[], lo: number, hi: number): Uint8Array {
  const frontier = new MerkleFrontier();
  for (let i = lo; i < hi; i++) frontier.append(leafHashes[i]!);
  return frontier.root();
}

function checkSize(size: number, available: number): void {
  if (!Number.isSafeInteger(size) || size < 0 || size > available)
    throw new RecordError(`a tree of size ${size} needs ${size} leaves; ${available} given`);
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) c += x % 2;
  return c;
}

/** The leaf hash of an audit entry: H(0x00 || the 32 bytes of its chain hash). */
export function entryLeafHash(entry: { hash: string }): Uint8Array {
  return leafHash(hexToBytes(entry.hash));
}
