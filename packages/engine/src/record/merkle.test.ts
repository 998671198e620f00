import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from './bytes.ts';
import {
  consistencyProof,
  EMPTY_ROOT,
  entryLeafHash,
  inclusionProof,
  leafHash,
  MerkleFrontier,
  merkleRoot,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';
import { sampleLog } from './testing.ts';

// The oracle: RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 transcribed literally (recursive, on copies of slices),
// hashing with node:crypto rather than the implementation's SHA-256.
const H = (...parts: Uint8Array[]) =>
  new Uint8Array(createHash('sha256').update(Buffer.concat(parts)).digest());
const k = (n: number) => {
  let p = 1;
  while (p * 2 < n) p *= 2;
  return p;
};
function MTH(D: Uint8Array[]): Uint8Array {
  if (D.length === 0) return H();
  if (D.length === 1) return H(Uint8Array.of(0), D[0]!);
  return remembered(D, () => H(Uint8Array.of(1), MTH(D.slice(0, k(D.length))), MTH(D.slice(k(D.length)))));
}
// A cache keyed by a run of leaves (its first leaf object and its length), so the literal recursion stays
// fast enough to run for every pair of sizes; it changes no result.
const ids = new Map<Uint8Array, number>();
const cache = new Map<string, Uint8Array>();
function remembered(D: Uint8Array[], compute: () => Uint8Array): Uint8Array {
  if (!ids.has(D[0]!)) ids.set(D[0]!, ids.size);
  const key = `${ids.get(D[0]!)}:${D.length}`;
  let h = cache.get(key);
  if (!h) {
    h = compute();
    cache.set(key, h);
  }
  return h;
}
function PATH(m: number, D: Uint8Array[]): Uint8Array[] {
  if (D.length === 1) return [];
  const s = k(D.length);
  return m < s
    ? [...PATH(m, D.slice(0, s)), MTH(D.slice(s))]
    : [...PATH(m - s, D.slice(s)), MTH(D.slice(0, s))];
}
function SUBPROOF(m: number, D: Uint8Array[], b: boolean): Uint8Array[] {
  if (m === D.length) return b ? [] : [MTH(D)];
  const s = k(D.length);
  return m <= s
    ? [...SUBPROOF(m, D.slice(0, s), b), MTH(D.slice(s))]
    : [...SUBPROOF(m - s, D.slice(s), false), MTH(D.slice(0, s))];
}
const PROOF = (m: number, D: Uint8Array[]) => SUBPROOF(m, D, true);

// Raw leaves (the D[i] of the RFC) and their leaf hashes (what the implementation takes).
const leaves = Array.from({ length: 64 }, (_, i) => Uint8Array.of(i, i * 7, 255 - i));
const hashes = leaves.map(leafHash);
const hex = (xs: Uint8Array[]) => xs.map(bytesToHex);

function flip(bytes: Uint8Array, bit = 0): Uint8Array {
  const copy = bytes.slice();
  copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
}

describe('Merkle tree hashes (RFC 9162 §2.1.1)', () => {
  it('hashes leaves and the empty tree as the RFC says', () => {
    expect(bytesToHex(leafHash(leaves[0]!))).toBe(bytesToHex(H(Uint8Array.of(0), leaves[0]!)));
    expect(bytesToHex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(merkleRoot([])).toEqual(EMPTY_ROOT);
  });

  it('agrees with the recursive MTH for every size 1..64, and the frontier agrees after each append', () => {
    const frontier = new MerkleFrontier();
    for (let n = 1; n <= 64; n++) {
      frontier.append(hashes[n - 1]!);
      const expected = bytesToHex(MTH(leaves.slice(0, n)));
      expect(bytesToHex(merkleRoot(hashes, n))).toBe(expected);
      expect(bytesToHex(frontier.root())).toBe(expected);
      expect(frontier.size).toBe(n);
    }
  });

  it('restores a frontier from its saved (JSON) state and refuses an inconsistent one', () => {
    const frontier = MerkleFrontier.of(hashes.slice(0, 13));
    const saved = JSON.parse(JSON.stringify(frontier));
    expect(saved.hashes).toHaveLength(3); // 13 = 8 + 4 + 1
    const restored = MerkleFrontier.fromJSON(saved);
    restored.append(hashes[13]!);
    expect(restored.rootHex()).toBe(bytesToHex(MTH(leaves.slice(0, 14))));
    expect(() => MerkleFrontier.fromJSON({ size: 13, hashes: [saved.hashes[0]] })).toThrow(
      /has 3 hashes, not 1/,
    );
    expect(() => MerkleFrontier.fromJSON({ size: 1, hashes: ['xy'] })).toThrow(/hex/);
  });

  it('takes an audit entry leaf as the 32 bytes of its chain hash', () => {
    const [entry] = sampleLog(1);
    expect(bytesToHex(entryLeafHash(entry!))).toBe(
      bytesToHex(H(Uint8Array.of(0), Buffer.from(entry!.hash, 'hex'))),
    );
  });
});

describe('inclusion proofs (RFC 9162 §2.1.3)', () => {
  it('equal PATH(m, D[n]) and verify, for every leaf of every size 1..64', () => {
    for (let n = 1; n <= 64; n++) {
      const root = merkleRoot(hashes, n);
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(m, n, hashes);
        expect(hex(proof)).toEqual(hex(PATH(m, leaves.slice(0, n))));
        expect(verifyInclusion(hashes[m]!, m, n, proof, root)).toBe(true);
      }
    }
  });

  it('reject a wrong leaf, index, size, root or any tampered proof hash', () => {
    for (const [m, n] of [
      [0, 1],
      [0, 2],
      [5, 13],
      [12, 13],
      [31, 64],
      [63, 64],
    ] as const) {
      const root = merkleRoot(hashes, n);
      const proof = inclusionProof(m, n, hashes);
      expect(verifyInclusion(hashes[(m + 1) % 64]!, m, n, proof, root)).toBe(false);
      expect(verifyInclusion(hashes[m]!, m, n, proof, flip(root))).toBe(false);
      if (n > 1) expect(verifyInclusion(hashes[m]!, (m + 1) % n, n, proof, root)).toBe(false);
      // (A wrong size alone may pass when the path has the same shape: the signed tree head binds size to root.)
      expect(verifyInclusion(hashes[m]!, m, m, proof, root)).toBe(false);
      expect(verifyInclusion(hashes[m]!, m, n, [...proof, hashes[0]!], root)).toBe(false);
      if (proof.length > 0) expect(verifyInclusion(hashes[m]!, m, n, proof.slice(1), root)).toBe(false);
      proof.forEach((_, i) => {
        const tampered = proof.map((p, j) => (j === i ? flip(p, 77) : p));
        expect(verifyInclusion(hashes[m]!, m, n, tampered, root)).toBe(false);
      });
    }
  });

  it('refuse to prove a leaf outside the tree', () => {
    expect(() => inclusionProof(3, 3, hashes)).toThrow(/not in a tree of size 3/);
    expect(() => inclusionProof(0, 65, hashes)).toThrow(/needs 65 leaves/);
  });
});

describe('consistency proofs (RFC 9162 §2.1.4)', () => {
  it('equal PROOF(m, D[n]) and verify, for every pair of sizes 1 ≤ m ≤ n ≤ 64', () => {
    for (let n = 1; n <= 64; n++) {
      const newRoot = merkleRoot(hashes, n);
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(m, n, hashes);
        expect(hex(proof)).toEqual(m === n ? [] : hex(PROOF(m, leaves.slice(0, n))));
        expect(verifyConsistency(m, n, merkleRoot(hashes, m), newRoot, proof)).toBe(true);
      }
    }
  });

  it('treat the empty tree as a prefix of every tree', () => {
    expect(consistencyProof(0, 9, hashes)).toEqual([]);
    expect(verifyConsistency(0, 9, EMPTY_ROOT, merkleRoot(hashes, 9), [])).toBe(true);
    expect(verifyConsistency(0, 9, flip(EMPTY_ROOT), merkleRoot(hashes, 9), [])).toBe(false);
  });

  it('reject a wrong root, size or any tampered proof hash', () => {
    for (const [m, n] of [
      [1, 2],
      [3, 7],
      [4, 8],
      [6, 8],
      [8, 13],
      [13, 63],
      [32, 33],
      [62, 63],
    ] as const) {
      const oldRoot = merkleRoot(hashes, m);
      const newRoot = merkleRoot(hashes, n);
      const proof = consistencyProof(m, n, hashes);
      expect(verifyConsistency(m, n, flip(oldRoot), newRoot, proof)).toBe(false);
      expect(verifyConsistency(m, n, oldRoot, flip(newRoot), proof)).toBe(false);
      expect(verifyConsistency(m, n + 1, oldRoot, merkleRoot(hashes, n + 1), proof)).toBe(false);
      expect(verifyConsistency(m, n, oldRoot, newRoot, [])).toBe(false);
      expect(verifyConsistency(m, n, oldRoot, newRoot, [...proof, hashes[0]!])).toBe(false);
      proof.forEach((_, i) => {
        const tampered = proof.map((p, j) => (j === i ? flip(p, 200) : p));
        expect(verifyConsistency(m, n, oldRoot, newRoot, tampered)).toBe(false);
      });
    }
    expect(verifyConsistency(5, 5, merkleRoot(hashes, 5), merkleRoot(hashes, 5), [])).toBe(true);
    expect(verifyConsistency(5, 4, merkleRoot(hashes, 5), merkleRoot(hashes, 4), [])).toBe(false);
  });

  it('reject the proof of a different history (a fork that rewrote one leaf)', () => {
    const forked = [...hashes];
    forked[2] = leafHash(Uint8Array.of(42));
    const proof = consistencyProof(10, 20, forked);
    expect(verifyConsistency(10, 20, merkleRoot(hashes, 10), merkleRoot(forked, 20), proof)).toBe(false);
    expect(verifyConsistency(10, 20, merkleRoot(forked, 10), merkleRoot(forked, 20), proof)).toBe(true);
  });
});

describe('properties at random sizes up to 1,024', () => {
  const big = Array.from({ length: 1024 }, (_, i) => leafHash(Uint8Array.of(i & 255, i >> 8)));
  const bigLeaves = Array.from({ length: 1024 }, (_, i) => Uint8Array.of(i & 255, i >> 8));

  it('roots and proofs agree with the RFC definitions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1024 }), fc.nat(), fc.nat(), (n, a, b) => {
        const m = (a % n) + 1;
        const index = b % n;
        const D = bigLeaves.slice(0, n);
        const root = merkleRoot(big, n);
        expect(bytesToHex(root)).toBe(bytesToHex(MTH(D)));
        const path = inclusionProof(index, n, big);
        expect(hex(path)).toEqual(hex(PATH(index, D)));
        expect(verifyInclusion(big[index]!, index, n, path, root)).toBe(true);
        const proof = consistencyProof(m, n, big);
        if (m < n) expect(hex(proof)).toEqual(hex(PROOF(m, D)));
        expect(verifyConsistency(m, n, merkleRoot(big, m), root, proof)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('a proof never verifies against another tree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1024 }), fc.nat(), (n, b) => {
        const index = b % n;
        const path = inclusionProof(index, n, big);
        expect(verifyInclusion(big[index]!, index, n, path, merkleRoot(big, n - 1))).toBe(false);
        expect(verifyInclusion(big[(index + 1) % n]!, index, n, path, merkleRoot(big, n))).toBe(false);
      }),
      { numRuns: 30 },
    );
  });
});
