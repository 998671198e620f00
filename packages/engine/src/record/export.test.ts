import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { appendEntry } from './chain.ts';
import { checkpointNote, publicKeyOf } from './checkpoint.ts';
import { RecordError } from './errors.ts';
import {
  auditExportJsonSchema,
  makeAuditExport,
  parseAuditExport,
  readAuditExport,
  readCheckpoints,
} from './export.ts';
import { verifyLog } from './log.ts';
import { checkpointsOf, sampleLog } from './testing.ts';

const privateKey = Uint8Array.from({ length: 32 }, (_, i) => 7 * i);
const entries = sampleLog(12);
const checkpoints = checkpointsOf(entries, [5, 12], privateKey);
const file = makeAuditExport('concert.test/continental', publicKeyOf(privateKey), entries, checkpoints);

function refusal(f: () => unknown): RecordError {
  try {
    f();
  } catch (e) {
    if (e instanceof RecordError) return e;
    throw e;
  }
  throw new Error('expected a RecordError');
}

describe('audit exports', () => {
  it('round-trip through JSON and verify', () => {
    const read = readAuditExport(JSON.stringify(file));
    expect(read).toEqual(file);
    expect(read.publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyLog(read.entries, read.checkpoints, read.publicKey).ok).toBe(true);
  });

  it('give one clear error naming the path of a bad field', () => {
    const bad = structuredClone(file) as unknown as { entries: Record<string, unknown>[] };
    bad.entries[3]!.hash = 'XYZ';
    const e = refusal(() => parseAuditExport(bad));
    expect(e.path).toEqual(['entries', 3, 'hash']);
    expect(e.message).toBe('must be 64 lowercase hex digits (at entries[3].hash)');
    delete bad.entries[3]!.content;
    bad.entries[3]!.hash = entries[3]!.hash;
    expect(refusal(() => parseAuditExport(bad)).message).toMatch(
      /missing required field.*entries\[3\]\.content/,
    );
    expect(refusal(() => parseAuditExport({ ...file, format: 'other/1' })).path).toEqual(['format']);
    expect(refusal(() => parseAuditExport([])).hint).toMatch(/concert-audit-export\/1/);
  });

  it('read content as deeply nested as an entry may hold', () => {
    let content: unknown = 'deep';
    for (let i = 0; i < 199; i++) content = [content];
    const deep = sampleLog(1);
    const entry = appendEntry(null, { ...deep[0]!, content });
    const text = JSON.stringify(makeAuditExport('o', publicKeyOf(privateKey), [entry], []));
    expect(verifyLog(readAuditExport(text).entries, [], publicKeyOf(privateKey)).ok).toBe(true);
  });

  it('report a JSON syntax error with its line and column', () => {
    expect(refusal(() => readAuditExport('{\n  "format": ,\n}')).message).toMatch(/line 2, column/);
  });

  it('read checkpoints a client kept: one, a list, or a signed note', () => {
    expect(readCheckpoints(JSON.stringify(checkpoints[0]))).toEqual([checkpoints[0]]);
    expect(readCheckpoints(JSON.stringify(checkpoints))).toEqual(checkpoints);
    expect(readCheckpoints(checkpointNote(checkpoints[1]!))).toEqual([checkpoints[1]]);
    expect(refusal(() => readCheckpoints('[{"size": 3}]')).path).toEqual([0, 'origin']);
  });

  it('have a JSON Schema that accepts what the zod schema accepts and rejects a bad hash', () => {
    const validate = new Ajv2020({ strict: false }).compile(auditExportJsonSchema());
    const value = JSON.parse(JSON.stringify(file));
    expect(validate(value)).toBe(true);
    value.entries[0].hash = 'XYZ';
    expect(validate(value)).toBe(false);
    expect(validate({ ...file, format: 'other' })).toBe(false);
  });
});
