import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToBase64, bytesToHex } from './bytes.ts';
import {
  type Checkpoint,
  checkpointBody,
  checkpointNote,
  checkpointProblem,
  generateSigningKey,
  keyIdFor,
  parseCheckpointNote,
  parsePublicKey,
  publicKeyOf,
  signCheckpoint,
  verifyCheckpoint,
} from './checkpoint.ts';

// A fixed key so that signatures in these tests are reproducible (Ed25519 signing is deterministic).
const privateKey = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const publicKey = publicKeyOf(privateKey);
const unsigned = {
  origin: 'concert.test/continental',
  size: 3,
  rootHash: 'ab'.repeat(32),
  headHash: 'cd'.repeat(32),
  timestamp: '2030-01-01T09:00:00Z',
};

describe('checkpointBody', () => {
  it('is a C2SP checkpoint: origin, size, base64 root, then head and time extension lines', () => {
    expect(checkpointBody(unsigned)).toBe(
      `concert.test/continental\n3\n${bytesToBase64(new Uint8Array(32).fill(0xab))}\nhead ${'cd'.repeat(32)}\ntime 2030-01-01T09:00:00Z\n`,
    );
  });

  it('refuses fields that would make the text ambiguous', () => {
    expect(() => checkpointBody({ ...unsigned, origin: 'a\nb' })).toThrow(/origin/);
    expect(() => checkpointBody({ ...unsigned, size: -1 })).toThrow(/size/);
    expect(() => checkpointBody({ ...unsigned, rootHash: 'AB'.repeat(32) })).toThrow(/rootHash/);
    expect(() => checkpointBody({ ...unsigned, timestamp: '1 Jan 2030' })).toThrow(/ISO-8601/);
  });
});

describe('signCheckpoint and verifyCheckpoint', () => {
  const cp = signCheckpoint(unsigned, privateKey);

  it('sign the body with Ed25519, verifiable by any RFC 8032 implementation (here node:crypto)', () => {
    expect(cp.keyId).toBe(keyIdFor(unsigned.origin, publicKey));
    expect(cp.keyId).toMatch(/^[0-9a-f]{8}$/);
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), publicKey]);
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    expect(verify(null, Buffer.from(checkpointBody(cp)), key, Buffer.from(cp.signature, 'base64'))).toBe(
      true,
    );
    expect(verifyCheckpoint(cp, publicKey)).toBe(true);
  });

  it('accept the key as bytes, hex or base64', () => {
    expect(verifyCheckpoint(cp, bytesToHex(publicKey))).toBe(true);
    expect(verifyCheckpoint(cp, bytesToBase64(publicKey))).toBe(true);
    expect(() => parsePublicKey('not a key')).toThrow(/not an Ed25519 public key/);
  });

  it('reject any changed field, a forged signature and another key', () => {
    for (const change of [
      { size: 4 },
      { rootHash: 'ac'.repeat(32) },
      { headHash: 'ce'.repeat(32) },
      { timestamp: '2030-01-01T09:00:01Z' },
    ]) {
      const altered = { ...cp, ...change } as Checkpoint;
      expect(verifyCheckpoint(altered, publicKey)).toBe(false);
      expect(checkpointProblem(altered, publicKey)).toMatch(/signature does not verify/);
    }
    const sig = Buffer.from(cp.signature, 'base64');
    sig[10]! ^= 1;
    expect(verifyCheckpoint({ ...cp, signature: sig.toString('base64') }, publicKey)).toBe(false);
    expect(verifyCheckpoint({ ...cp, signature: 'AAAA' }, publicKey)).toBe(false);
    expect(checkpointProblem({ ...cp, signature: '!!' }, publicKey)).toMatch(/malformed/);
    const other = generateSigningKey();
    const theirs = signCheckpoint(unsigned, other.privateKey);
    expect(verifyCheckpoint(theirs, other.publicKey)).toBe(true);
    expect(checkpointProblem(theirs, publicKey)).toMatch(/signed by another key/);
    // Same key ID claimed, other key's signature: still rejected.
    expect(checkpointProblem({ ...theirs, keyId: cp.keyId }, publicKey)).toMatch(/does not verify/);
  });

  it('bind the key to the origin: a checkpoint renamed to another log fails', () => {
    const renamed = signCheckpoint({ ...unsigned, origin: 'concert.test/other' }, privateKey);
    expect(verifyCheckpoint({ ...renamed, origin: unsigned.origin }, publicKey)).toBe(false);
  });

  it('generate distinct keys', () => {
    const a = generateSigningKey();
    const b = generateSigningKey();
    expect(a.privateKey).toHaveLength(32);
    expect(a.publicKey).toHaveLength(32);
    expect(bytesToHex(a.publicKey)).not.toBe(bytesToHex(b.publicKey));
  });
});

describe('checkpoint notes', () => {
  it('write and read a C2SP signed note', () => {
    const cp = signCheckpoint(unsigned, privateKey);
    const note = checkpointNote(cp);
    expect(note.startsWith(checkpointBody(cp))).toBe(true);
    expect(note).toMatch(/\n\n— concert\.test\/continental [A-Za-z0-9+/]{91}=\n$/);
    expect(parseCheckpointNote(note)).toEqual(cp);
    expect(() => parseCheckpointNote('hello')).toThrow(/not a signed note/);
    expect(() => parseCheckpointNote(note.replace('— concert.test/continental', '— someone'))).toThrow(
      /no signature/,
    );
  });
});
