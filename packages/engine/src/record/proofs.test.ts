import { describe, expect, it } from 'vitest';
import { bytesToHex } from './bytes.ts';
import { generateSigningKey, publicKeyOf } from './checkpoint.ts';
import { consistencyProof, entryLeafHash, inclusionProof } from './merkle.ts';
import { proofToHex, verifyCheckpointConsistency, verifyEntryInclusion } from './proofs.ts';
import { checkpointsOf, rewriteTail, sampleLog } from './testing.ts';

const privateKey = Uint8Array.from({ length: 32 }, (_, i) => 200 - i);
const publicKey = publicKeyOf(privateKey);
const entries = sampleLog(37);
const leaves = entries.map(entryLeafHash);
const [at20, at37] = checkpointsOf(entries, [20, 37], privateKey) as [never, never];

describe('verifyEntryInclusion', () => {
  it('confirms an entry is in a signed checkpoint, from a proof in hex or bytes', () => {
    const proof = inclusionProof(11, 37, leaves);
    expect(verifyEntryInclusion(entries[11]!, at37, proofToHex(proof), publicKey)).toEqual({ ok: true });
    expect(verifyEntryInclusion(entries[11]!, at37, proof, bytesToHex(publicKey))).toEqual({ ok: true });
  });

  it('rejects an altered entry, an entry past the checkpoint, a bad proof and a bad checkpoint', () => {
    const proof = proofToHex(inclusionProof(11, 37, leaves));
    const altered = { ...entries[11]!, hash: entries[12]!.hash };
    expect(verifyEntryInclusion(altered, at37, proof, publicKey)).toMatchObject({
      ok: false,
      message: /not in the signed log/,
    });
    expect(verifyEntryInclusion(entries[30]!, at20, proof, publicKey)).toMatchObject({
      message: /not covered/,
    });
    expect(verifyEntryInclusion(entries[11]!, at37, ['zz'], publicKey)).toMatchObject({ message: /32-byte/ });
    expect(verifyEntryInclusion(entries[11]!, at37, proof, generateSigningKey().publicKey)).toMatchObject({
      message: /another key/,
    });
  });
});

describe('verifyCheckpointConsistency', () => {
  it('confirms a newer checkpoint extends one the client kept', () => {
    const proof = proofToHex(consistencyProof(20, 37, leaves));
    expect(verifyCheckpointConsistency(at20, at37, proof, publicKey)).toEqual({ ok: true });
    expect(verifyCheckpointConsistency(at20, at20, [], publicKey)).toEqual({ ok: true });
  });

  it('catches a log rewritten below the kept checkpoint, and a smaller newer checkpoint', () => {
    const rewritten = rewriteTail(entries, 5, (e) => ({ actor: `${e.actor}?` }));
    const [forged] = checkpointsOf(rewritten, [37], privateKey);
    const proof = proofToHex(consistencyProof(20, 37, rewritten.map(entryLeafHash)));
    expect(verifyCheckpointConsistency(at20, forged!, proof, publicKey)).toMatchObject({
      ok: false,
      message: /does not extend the one of size 20 you kept — entries among 1–20 were rewritten/,
    });
    expect(verifyCheckpointConsistency(at37, at20, [], publicKey)).toMatchObject({ message: /truncated/ });
    const [other20] = checkpointsOf(rewritten, [20], privateKey);
    expect(verifyCheckpointConsistency(at20, other20!, [], publicKey)).toMatchObject({ message: /disagree/ });
  });
});
