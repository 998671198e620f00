import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.ts';
import { type AuditEntry, appendEntry, entryHash, GENESIS_HASH, verifyChain } from './chain.ts';
import { sampleLog } from './testing.ts';

const body = {
  at: '2030-01-01T09:00:00.000Z',
  actor: 'chair:DEU',
  action: 'session.open',
  subject: null,
  content: { agenda: ['a'] },
};

describe('entryHash', () => {
  it('is SHA-256 of the tag and the canonical JSON of the body with prevHash', () => {
    const expected = createHash('sha256')
      .update(`concert-audit-v1\n${canonicalJson({ ...body, seq: 1, prevHash: GENESIS_HASH })}`, 'utf8')
      .digest('hex');
    expect(entryHash(GENESIS_HASH, { ...body, seq: 1 })).toBe(expected);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('ignores fields outside the body (hash, prevHash, extra columns) so a stored row rehashes the same', () => {
    const e = appendEntry(null, body);
    expect(entryHash(e.prevHash, { ...e, hash: 'x', extra: 1 } as AuditEntry)).toBe(e.hash);
  });
});

describe('appendEntry', () => {
  it('numbers from 1, links to the previous hash, and hashes the result', () => {
    const first = appendEntry(null, body);
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    const second = appendEntry(first, { ...body, action: 'motion.table' });
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
    expect(second.hash).toBe(entryHash(first.hash, second));
  });

  it('refuses a seq that does not follow, a time that is not ISO-8601 UTC, and content JSON cannot carry', () => {
    expect(() => appendEntry(null, { ...body, seq: 5 })).toThrow(/next is 1/);
    expect(() => appendEntry(null, { ...body, at: '2030-01-01 09:00' })).toThrow(/ISO-8601 UTC/);
    expect(() => appendEntry(null, { ...body, at: '2030-02-30T09:00:00Z' })).toThrow(/ISO-8601 UTC/);
    expect(() => appendEntry(null, { ...body, content: { weight: 3n } })).toThrow(/BigInt.*content\.weight/);
  });
});

function problemOf(entries: AuditEntry[]) {
  const report = verifyChain(entries);
  expect(report.ok).toBe(false);
  return report.problem!;
}

describe('verifyChain', () => {
  const log = sampleLog(30);

  it('accepts an untouched log and reports its count and head', () => {
    expect(verifyChain(log)).toEqual({ ok: true, count: 30, headHash: log[29]!.hash });
    expect(verifyChain([])).toEqual({ ok: true, count: 0, headHash: GENESIS_HASH });
  });

  it('verifies a slice from a trusted entry', () => {
    expect(verifyChain(log.slice(10), { from: log[9] })).toMatchObject({ ok: true, count: 20 });
    const p = verifyChain(log.slice(10), { from: log[8] }).problem!;
    expect(p).toMatchObject({ kind: 'removed', seq: 10 });
    const otherHistory = { ...log[9]!, hash: 'a'.repeat(64) };
    expect(verifyChain(log.slice(10), { from: otherHistory }).problem).toMatchObject({
      kind: 'rewritten',
      seq: 11,
    });
  });

  it('catches altered content, actor and time', () => {
    const content = log.map((e) => ({ ...e }));
    content[16] = { ...content[16]!, content: { n: 17, choice: 'no' } };
    expect(problemOf(content)).toEqual({
      seq: 17,
      index: 16,
      kind: 'altered',
      message: 'entry 17: its content does not match its hash — altered after it was written',
    });
    for (const change of [
      { actor: 'delegate:RUS' },
      { at: '2030-01-01T09:00:00.001Z' },
      { subject: 'poll:99' },
    ]) {
      const altered = log.map((e, i) => (i === 4 ? { ...e, ...change } : e));
      expect(problemOf(altered)).toMatchObject({ seq: 5, index: 4, kind: 'altered' });
    }
  });

  it('names an altered entry by its position when its seq was changed too', () => {
    const renumbered = log.map((e, i) => (i === 9 ? { ...e, seq: 99 } : e));
    expect(problemOf(renumbered)).toMatchObject({ seq: 10, index: 9, kind: 'altered' });
    expect(problemOf(renumbered).message).toMatch(/^entry 10 \(its seq now reads 99\): /);
  });

  it('catches an entry changed and rehashed by its successor still linking to the original', () => {
    const rehashed = [...log];
    const changed = { ...log[6]!, content: 'forged' };
    rehashed[6] = { ...changed, hash: entryHash(changed.prevHash, changed) };
    expect(problemOf(rehashed)).toMatchObject({ seq: 7, index: 6, kind: 'altered' });
    expect(problemOf(rehashed).message).toMatch(/recomputed.*entry 8 still links/);
  });

  it('catches a deleted middle row, and a deleted first row', () => {
    expect(problemOf([...log.slice(0, 9), ...log.slice(10)])).toMatchObject({
      seq: 10,
      index: 9,
      kind: 'removed',
    });
    const p = problemOf([...log.slice(0, 9), ...log.slice(12)]);
    expect(p).toMatchObject({ seq: 10, kind: 'removed' });
    expect(p.message).toBe('entries 10–12 are missing: entry 13 follows entry 9 — removed');
    expect(problemOf(log.slice(1))).toMatchObject({ seq: 1, index: 0, kind: 'removed' });
  });

  it('catches two swapped rows, naming the first displaced entry', () => {
    const swapped = [...log];
    [swapped[4], swapped[11]] = [swapped[11]!, swapped[4]!];
    const p = problemOf(swapped);
    expect(p).toMatchObject({ seq: 5, index: 4, kind: 'reordered' });
    expect(p.message).toBe('entry 5: position 5 holds entry 12 instead; it is at position 12 — reordered');
    const adjacent = [...log];
    [adjacent[20], adjacent[21]] = [adjacent[21]!, adjacent[20]!];
    expect(problemOf(adjacent)).toMatchObject({ seq: 21, index: 20, kind: 'reordered' });
  });

  it('catches a duplicated row, next to the original or later', () => {
    expect(problemOf([...log.slice(0, 8), log[7]!, ...log.slice(8)])).toMatchObject({
      seq: 8,
      index: 8,
      kind: 'duplicated',
    });
    expect(problemOf([...log, log[2]!])).toMatchObject({ seq: 3, index: 30, kind: 'duplicated' });
    // A second version of entry 8, properly linked and hashed, inserted after the first.
    const second = appendEntry(log[6]!, { ...log[7]!, content: 'another version' });
    const p = problemOf([...log.slice(0, 8), second, ...log.slice(8)]);
    expect(p).toMatchObject({ seq: 8, index: 8, kind: 'duplicated' });
    expect(p.message).toMatch(/different contents.*inserted/);
  });

  it('reports malformed rows instead of throwing', () => {
    const bad = [...log] as unknown[];
    bad[3] = { ...log[3]!, hash: 'ABC' };
    expect(problemOf(bad as AuditEntry[])).toMatchObject({ seq: 4, index: 3, kind: 'malformed' });
    bad[3] = null;
    expect(problemOf(bad as AuditEntry[]).message).toBe('entry 4: not an object');
    bad[3] = { ...log[3]!, content: { x: 1n } };
    expect(problemOf(bad as AuditEntry[])).toMatchObject({ kind: 'malformed' });
    const first = appendEntry(null, body);
    const forged = { ...first, prevHash: '1'.repeat(64) };
    expect(problemOf([{ ...forged, hash: entryHash(forged.prevHash, forged) }])).toMatchObject({
      seq: 1,
      kind: 'malformed',
    });
  });

  it('verifies 10,000 untouched entries', () => {
    const big = sampleLog(10_000);
    const report = verifyChain(big);
    expect(report).toMatchObject({ ok: true, count: 10_000, headHash: big[9_999]!.hash });
  });

  it('property: any single removal, swap or duplication is found at the right entry', () => {
    const entries = sampleLog(40);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 38 }), fc.integer({ min: 1, max: 39 }), (i, offset) => {
        const j = Math.min(39, i + offset);
        const removed = entries.filter((_, k) => k !== i);
        expect(problemOf(removed)).toMatchObject({ kind: 'removed', seq: i + 1 });
        if (j !== i) {
          const swapped = [...entries];
          [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
          expect(problemOf(swapped)).toMatchObject({ kind: 'reordered', seq: i + 1, index: i });
        }
        const duplicated = [...entries.slice(0, j), entries[i]!, ...entries.slice(j)];
        expect(problemOf(duplicated)).toMatchObject({ kind: 'duplicated', seq: i + 1, index: j });
      }),
      { numRuns: 200 },
    );
  });

  it('property: changing any field of any entry is caught there', () => {
    const entries = sampleLog(25);
    const field = fc.constantFrom('seq', 'at', 'actor', 'action', 'subject', 'content', 'prevHash');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 }), field, fc.jsonValue(), (i, key, value) => {
        const original = entries[i]!;
        const changed = {
          ...original,
          [key]: key === 'seq' ? original.seq + 100 : key === 'prevHash' ? 'f'.repeat(64) : value,
        };
        fc.pre(canonicalJson(changed) !== canonicalJson(original));
        const tampered = entries.map((e, k) => (k === i ? (changed as AuditEntry) : e));
        const p = problemOf(tampered);
        expect(p.index).toBe(i);
        expect(['altered', 'malformed']).toContain(p.kind);
      }),
      { numRuns: 300 },
    );
  });
});
