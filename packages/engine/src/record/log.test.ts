import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from './bytes.ts';
import type { AuditEntry } from './chain.ts';
import { generateSigningKey, publicKeyOf, signCheckpoint } from './checkpoint.ts';
import { checkpointFor, verifyLog } from './log.ts';
import { entryLeafHash, merkleRoot } from './merkle.ts';
import { checkpointsOf, rewriteTail, sampleLog } from './testing.ts';

const privateKey = Uint8Array.from({ length: 32 }, (_, i) => 100 + i);
const publicKey = publicKeyOf(privateKey);
const entries = sampleLog(50);
const checkpoints = checkpointsOf(entries, [10, 20, 30, 40, 50], privateKey);

function problemOf(log: AuditEntry[], cps = checkpoints, key: Uint8Array | string = publicKey) {
  const report = verifyLog(log, cps, key);
  expect(report.ok).toBe(false);
  return report.problem!;
}

describe('verifyLog', () => {
  it('accepts an untouched log and says how much of it the checkpoints anchor', () => {
    const report = verifyLog(entries, checkpoints, publicKey);
    expect(report).toEqual({
      ok: true,
      count: 50,
      headHash: entries[49]!.hash,
      rootHash: bytesToHex(merkleRoot(entries.map(entryLeafHash))),
      checkpoints: 5,
      anchoredSize: 50,
    });
    const later = [...entries, ...sampleLog(5, entries[49])];
    expect(verifyLog(later, checkpoints, publicKey)).toMatchObject({ ok: true, count: 55, anchoredSize: 50 });
    expect(verifyLog(entries, [], publicKey)).toMatchObject({ ok: true, checkpoints: 0, anchoredSize: 0 });
  });

  it('accepts checkpoints in any order, and a checkpoint of the empty log', () => {
    const cps = [...checkpointsOf(entries, [0], privateKey), ...checkpoints].reverse();
    expect(verifyLog(entries, cps, publicKey)).toMatchObject({ ok: true, checkpoints: 6 });
  });

  it('signs a checkpoint of a log (or its first entries) equal to one built incrementally', () => {
    const head = { origin: 'concert.test/continental', timestamp: '2030-01-01T12:00:50.000Z' };
    expect(checkpointFor(entries, head, privateKey)).toEqual(checkpoints[4]);
    const at20 = checkpointFor(
      entries,
      { ...head, size: 20, timestamp: '2030-01-01T12:00:20.000Z' },
      privateKey,
    );
    expect(at20).toEqual(checkpoints[1]);
    expect(() => checkpointFor(entries, { ...head, size: 51 }, privateKey)).toThrow(/needs 51 entries/);
  });

  it('catches altered content, actor and time', () => {
    const content = entries.map((e, i) => (i === 16 ? { ...e, content: { forged: true } } : e));
    expect(problemOf(content)).toMatchObject({ kind: 'altered', seq: 17, index: 16 });
    const actor = entries.map((e, i) => (i === 3 ? { ...e, actor: 'delegate:RUS' } : e));
    expect(problemOf(actor)).toMatchObject({ kind: 'altered', seq: 4 });
    const time = entries.map((e, i) => (i === 44 ? { ...e, at: '2031-01-01T00:00:00.000Z' } : e));
    expect(problemOf(time)).toMatchObject({ kind: 'altered', seq: 45 });
  });

  it('catches a deleted middle row, swapped rows and a duplicated row', () => {
    expect(problemOf(entries.filter((e) => e.seq !== 25))).toMatchObject({
      kind: 'removed',
      seq: 25,
      index: 24,
    });
    const swapped = [...entries];
    [swapped[30], swapped[31]] = [swapped[31]!, swapped[30]!];
    expect(problemOf(swapped)).toMatchObject({ kind: 'reordered', seq: 31, index: 30 });
    expect(problemOf([...entries.slice(0, 13), entries[12]!, ...entries.slice(13)])).toMatchObject({
      kind: 'duplicated',
      seq: 13,
    });
  });

  it('catches deleting the last rows (truncation) below a checkpoint', () => {
    const p = problemOf(entries.slice(0, 46));
    expect(p).toMatchObject({ kind: 'truncated', seq: 47, index: 46, checkpoint: { index: 4, size: 50 } });
    expect(p.message).toBe(
      'entries 47–50 are missing: the checkpoint of 2030-01-01T12:00:50.000Z (size 50) vouches for 50 entries, the log has 46 — truncated',
    );
    expect(problemOf([])).toMatchObject({ kind: 'truncated', seq: 1 });
    expect(problemOf(entries.slice(0, 49)).message).toMatch(/^entry 50 is missing/);
  });

  it('catches a rewrite of the whole tail with recomputed hashes, naming the range and the checkpoint', () => {
    const rewritten = rewriteTail(entries, 26, (e) =>
      e.seq === 27 ? { content: { n: 27, choice: 'no' } } : {},
    );
    const p = problemOf(rewritten);
    expect(p).toMatchObject({
      kind: 'rewritten',
      seq: 21,
      index: 20,
      checkpoint: { index: 2, size: 30 },
      range: { from: 21, to: 30 },
    });
    expect(p.message).toBe(
      'entries 21–30: the checkpoint of 2030-01-01T12:00:30.000Z (size 30) does not match the log — its root differs, while the checkpoint of 2030-01-01T12:00:20.000Z (size 20) matches; the log was rewritten and the first rewritten entry is among these',
    );
    expect(verifyLog(rewritten, checkpoints, publicKey)).toMatchObject({
      count: 20,
      checkpoints: 2,
      anchoredSize: 20,
    });
    // Deleting a row and renumbering the rest is a rewrite too.
    const renumbered = rewriteTail(
      entries.filter((e) => e.seq !== 5),
      4,
      () => ({}),
    );
    expect(problemOf(renumbered)).toMatchObject({ kind: 'rewritten', seq: 1, range: { from: 1, to: 10 } });
    // Truncating and then appending new entries past the checkpoint.
    const regrown = [...entries.slice(0, 45), ...sampleLog(10, entries[44]).map((e) => ({ ...e }))];
    const forged = rewriteTail(regrown, 45, (e) => ({ actor: `${e.actor}-forged` }));
    expect(problemOf(forged)).toMatchObject({ kind: 'rewritten', range: { from: 41, to: 50 } });
  });

  it('catches a forged checkpoint signature and a checkpoint signed by another key', () => {
    const forged = checkpoints.map((cp, i) => (i === 1 ? { ...cp, size: 21 } : cp));
    const p = problemOf(entries, forged);
    expect(p).toMatchObject({ kind: 'forged', seq: 21, checkpoint: { index: 1, size: 21 } });
    expect(p.message).toMatch(/signature does not verify/);
    const other = generateSigningKey();
    const theirs = checkpointsOf(entries, [20], other.privateKey);
    expect(problemOf(entries, [...checkpoints, ...theirs])).toMatchObject({
      kind: 'forged',
      seq: 20,
      checkpoint: { index: 5, size: 20 },
    });
    expect(problemOf(entries, [...checkpoints, ...theirs]).message).toMatch(/signed by another key/);
    // A rewriter who re-signs with a key of their own is caught by the key the client trusts.
    const rewritten = rewriteTail(entries, 0, (e) => ({ actor: `${e.actor}!` }));
    const resigned = checkpointsOf(rewritten, [10, 20, 30, 40, 50], other.privateKey);
    expect(verifyLog(rewritten, resigned, other.publicKey).ok).toBe(true);
    expect(problemOf(rewritten, resigned, publicKey)).toMatchObject({ kind: 'forged' });
  });

  it('reports an unreadable checkpoint as malformed', () => {
    const bad = checkpoints.map((cp, i) => (i === 2 ? { ...cp, timestamp: 'yesterday' } : cp));
    expect(problemOf(entries, bad)).toMatchObject({ kind: 'malformed', seq: 30, checkpoint: { index: 2 } });
  });

  it('refuses a checkpoint of another log', () => {
    const elsewhere = checkpointsOf(entries, [10], privateKey, 'concert.test/other');
    expect(problemOf(entries, [...checkpoints, ...elsewhere]).message).toMatch(/another log/);
    expect(
      verifyLog(entries, elsewhere, publicKey, { origin: 'concert.test/continental' }).problem?.kind,
    ).toBe('forged');
  });

  it('catches a checkpoint whose head contradicts the log even if the root were right', () => {
    const cp = checkpoints[0]!;
    const { keyId: _k, signature: _s, ...unsigned } = cp;
    const badHead = signCheckpoint({ ...unsigned, headHash: entries[8]!.hash }, privateKey);
    expect(problemOf(entries, [badHead]).message).toMatch(/its head differs/);
  });

  it('reports a chain break before a rewrite further on only if it comes first', () => {
    const rewritten = rewriteTail(entries, 35, () => ({ action: 'vote.cast' }));
    const both = rewritten.filter((e) => e.seq !== 12);
    expect(problemOf(both)).toMatchObject({ kind: 'removed', seq: 12 });
  });

  it('verifies an untouched log of 10,000 entries with 100 checkpoints', () => {
    const big = sampleLog(10_000);
    const sizes = Array.from({ length: 100 }, (_, i) => (i + 1) * 100);
    const report = verifyLog(big, checkpointsOf(big, sizes, privateKey), publicKey);
    expect(report).toMatchObject({ ok: true, count: 10_000, checkpoints: 100, anchoredSize: 10_000 });
  });

  it('property: any single tampering is caught, at or before the tampered entry', () => {
    const log = sampleLog(40);
    const cps = checkpointsOf(log, [8, 16, 24, 32, 40], privateKey);
    const tamper = fc.oneof(
      fc.record({ kind: fc.constant('alter' as const), i: fc.nat(39) }),
      fc.record({ kind: fc.constant('remove' as const), i: fc.nat(39) }),
      fc.record({ kind: fc.constant('swap' as const), i: fc.nat(38) }),
      fc.record({ kind: fc.constant('truncate' as const), i: fc.nat(39) }),
      fc.record({ kind: fc.constant('rewrite' as const), i: fc.nat(39) }),
    );
    fc.assert(
      fc.property(tamper, ({ kind, i }) => {
        let tampered: AuditEntry[];
        if (kind === 'alter') tampered = log.map((e, k) => (k === i ? { ...e, subject: 'forged' } : e));
        else if (kind === 'remove') tampered = log.filter((_, k) => k !== i);
        else if (kind === 'swap') {
          tampered = [...log];
          [tampered[i], tampered[i + 1]] = [tampered[i + 1]!, tampered[i]!];
        } else if (kind === 'truncate') tampered = log.slice(0, i);
        else tampered = rewriteTail(log, i, () => ({ subject: 'forged' }));
        const last = kind === 'remove' && i === 39; // removing the last row is a truncation
        const expected = last
          ? 'truncated'
          : {
              alter: 'altered',
              remove: 'removed',
              swap: 'reordered',
              truncate: 'truncated',
              rewrite: 'rewritten',
            }[kind];
        const p = problemOf(tampered, cps);
        expect(p.kind).toBe(expected);
        expect(p.seq).toBeLessThanOrEqual(i + 1);
        if (kind === 'rewrite') expect(p.range!.to).toBeGreaterThanOrEqual(i + 1);
        else expect(p.seq).toBe(i + 1);
      }),
      { numRuns: 100 },
    );
  });

  it('property: any sequence of tamperings of a fully anchored log is caught, unless it changed nothing', () => {
    const log = sampleLog(24);
    const cps = checkpointsOf(log, [6, 12, 24], privateKey);
    const at = fc.nat(23);
    const mutation = fc.oneof(
      fc.record({
        op: fc.constant('set' as const),
        i: at,
        field: fc.constantFrom('at', 'actor', 'action', 'subject', 'content'),
        value: fc.jsonValue(),
      }),
      fc.record({ op: fc.constant('delete' as const), i: at }),
      fc.record({ op: fc.constant('swap' as const), i: at, j: at }),
      fc.record({ op: fc.constant('duplicate' as const), i: at, j: at }),
      fc.record({ op: fc.constant('truncate' as const), i: at }),
      fc.record({ op: fc.constant('rewrite' as const), i: at, value: fc.jsonValue() }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        let t: AuditEntry[] = [...log];
        for (const m of mutations) {
          if (t.length === 0) break;
          const i = m.i % t.length;
          if (m.op === 'set') t[i] = { ...t[i]!, [m.field]: m.value } as AuditEntry;
          else if (m.op === 'delete') t.splice(i, 1);
          else if (m.op === 'swap') {
            const j = m.j % t.length;
            [t[i], t[j]] = [t[j]!, t[i]!];
          } else if (m.op === 'duplicate') t.splice(m.j % t.length, 0, t[i]!);
          else if (m.op === 'truncate') t = t.slice(0, i);
          else t = rewriteTail(t, i, () => ({ content: m.value }));
        }
        fc.pre(JSON.stringify(t) !== JSON.stringify(log));
        expect(verifyLog(t, cps, publicKey).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
