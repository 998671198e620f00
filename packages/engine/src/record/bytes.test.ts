import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, hexToBytes } from './bytes.ts';

describe('byte encodings', () => {
  it('write and read standard padded base64 exactly as Buffer does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64ToBytes(text)).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('refuse text that is not base64 or hex', () => {
    expect(() => base64ToBytes('abc')).toThrow(/not base64/);
    expect(() => base64ToBytes('ab-_')).toThrow(/not base64/);
    expect(() => hexToBytes('abc')).toThrow(/not hexadecimal/);
    expect(hexToBytes('00ff')).toEqual(Uint8Array.of(0, 255));
  });
});
