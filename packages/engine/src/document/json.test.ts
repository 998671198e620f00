import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DocumentError, type ReadOptions, readDocument } from './index.ts';

function read(text: string, options: Partial<ReadOptions> = {}): unknown {
  const result = readDocument(text, { source: 'game.json', ...options });
  if (!result.ok) throw new Error(`expected the document to be read, got: ${result.error.message}`);
  return result.value;
}

function refusal(text: string, options: Partial<ReadOptions> = {}): DocumentError {
  const result = readDocument(text, { source: 'game.json', ...options });
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  expect(result.error.hint.length).toBeGreaterThan(10);
  return result.error;
}

describe('reading JSON', () => {
  it('reads what JSON.parse reads', () => {
    const text =
      '{"name":"Council","weights":[1,2.5,-3e2],"open":false,"note":null,"esc":"\\u00e9\\n\\"\\/"}';
    expect(read(text)).toEqual(JSON.parse(text));
  });

  it('reads a byte order mark and surrounding whitespace', () => {
    expect(read('\uFEFF \r\n\t{"a": 1} \n')).toEqual({ a: 1 });
  });

  it('refuses a trailing comma and points at it', () => {
    const error = refusal('{\n  "rules": [\n    "qmv",\n    "unanimity",\n  ]\n}');
    expect(error.message).toContain('trailing comma');
    expect(error).toMatchObject({ line: 4, column: 16, path: ['rules'] });
  });

  it('refuses a trailing comma in an object', () => {
    expect(refusal('{"a": 1,}')).toMatchObject({ line: 1, column: 8 });
  });

  it('refuses a duplicate key at its second occurrence, which JSON.parse would let win', () => {
    const error = refusal('{\n  "quorum": 2,\n  "quorum": 3\n}');
    expect(error.message).toContain('"quorum" appears twice');
    expect(error).toMatchObject({ line: 3, column: 3 });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s and pollutes nothing', (key) => {
    const error = refusal(`{"a": [{"${key}": {"polluted": true}}]}`);
    expect(error).toMatchObject({ line: 1, column: 9, path: ['a', 0] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ["{'a': 1}", 'double quotes'],
    ['{a: 1}', 'keys must be in double quotes'],
    ['{"a": 1 // note\n}', 'comments'],
    ['{"a": 1 "b": 2}', 'expected "," or "}"'],
    ['{"a": tru}', 'unquoted text'],
    ['{"a": NaN}', 'NaN'],
    ['{"a": Infinity}', 'Infinity'],
    ['{"a": 01}', 'not a valid JSON number'],
    ['{"a": 1.}', 'not a valid JSON number'],
    ['{"a": .5}', 'expected a value'],
    ['{"a": "x\\q"}', 'invalid escape'],
    ['{"a": "line\nbreak"}', 'line break'],
    ['{"a": [1, 2}', 'expected "," or "]"'],
    ['{"a": 1} {"b": 2}', 'after the end'],
  ])('refuses %j with a message about %s', (text, words) => {
    const error = refusal(text);
    expect(error.message).toContain(words);
    expect(error.line).toBe(1);
    expect(error.column).toBeGreaterThan(1);
  });

  it('refuses a text that ends early, at its end', () => {
    expect(refusal('{\n  "a": [1,\n')).toMatchObject({ line: 3, column: 1 });
    expect(refusal('{"a": "never closed').message).toContain('never closed');
  });

  it('refuses numbers that are not finite or not exact', () => {
    expect(refusal('{"a": 1e400}').message).toContain('not finite');
    expect(refusal('{"a": -12345678901234567890}').message).toContain('too large');
  });

  it('refuses an escaped half surrogate pair but reads a whole one', () => {
    expect(refusal('{"a": "\\uDE00"}').message).toContain('surrogate');
    expect(read('{"a": "\\uD83D\\uDE00"}')).toEqual({ a: '😀' });
  });

  it('refuses nesting beyond maxDepth with the path to it', () => {
    const error = refusal('{"a": {"b": [[1]]}}', { maxDepth: 3 });
    expect(error).toMatchObject({ line: 1, column: 14, path: ['a', 'b', 0] });
  });

  it('refuses more nodes than maxNodes', () => {
    expect(refusal('[1, 2, 3, 4]', { maxNodes: 4, expect: 'any' }).message).toContain('more than 4 nodes');
    expect(read('[1, 2, 3]', { maxNodes: 4, expect: 'any' })).toEqual([1, 2, 3]);
  });
});

describe('reading JSON text, compared with JSON.parse', () => {
  it('gives what JSON.parse gives, whether read as JSON or as YAML 1.2', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (text) => {
        const expected = JSON.stringify(JSON.parse(text));
        for (const format of ['json', 'yaml'] as const) {
          const result = readDocument(text, { source: 'x', format, expect: 'any' });
          if (result.ok) expect(JSON.stringify(result.value)).toBe(expected);
          else expect(result.error.message).toMatch(/appears twice|is not allowed|too large|not finite/);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
