import { describe, expect, it } from 'vitest';
import { type DocumentError, type ReadOptions, readDocument } from './index.ts';
import { INTERNAL_ERROR_MESSAGE } from './read.ts';

function refusal(text: string, options: Partial<ReadOptions> = {}): DocumentError {
  const result = readDocument(text, { source: 'charter.yaml', ...options });
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  expect(result.error.hint.length).toBeGreaterThan(10);
  expect(result.error.message).not.toBe(INTERNAL_ERROR_MESSAGE);
  return result.error;
}

describe('readDocument', () => {
  it('refuses a 50 MB string in milliseconds, naming the limit', () => {
    const text = `name: x\nnote: ${'x'.repeat(50 * 1024 * 1024)}`;
    const started = performance.now();
    const error = refusal(text);
    expect(performance.now() - started).toBeLessThan(50);
    expect(error.message).toContain('1 MiB');
    expect(error.source).toBe('charter.yaml');
  });

  it('counts the size in UTF-8 bytes, not characters', () => {
    expect(refusal('a: ééé', { maxBytes: 8 }).message).toContain('9 bytes, more than the limit of 8 bytes');
    expect(readDocument('a: éé', { source: 'x.yaml', maxBytes: 7 }).ok).toBe(true);
    expect(refusal('a: 😀', { maxBytes: 6 }).message).toContain('7 bytes');
  });

  it.each([
    ['NUL', 'a: b\u0000c', 'U+0000'],
    ['the replacement character', 'a: caf\uFFFD', 'U+FFFD'],
    ['an unpaired surrogate', 'a: \uD800x', 'U+D800'],
    ['a C1 control', 'a: \u0090', 'U+0090'],
    ['a lexer marker', 'a: \u001Fb', 'U+001F'],
  ])('refuses %s in the text and points at it', (_name, text, code) => {
    const error = refusal(text);
    expect(error.message).toContain(code);
    expect(error).toMatchObject({ line: 1 });
  });

  it('reads a byte order mark, tabs inside text and CRLF line ends', () => {
    const result = readDocument('\uFEFFa: "x\ty"\r\nb: 2\r\n', { source: 'x.yaml' });
    expect(result).toEqual({ ok: true, value: { a: 'x\ty', b: 2 } });
  });

  it('chooses JSON or YAML by format, then extension, then the first character', () => {
    const flow = '{a: 1}';
    expect(readDocument(flow, { source: 'x.yaml' }).ok).toBe(true);
    expect(readDocument(flow, { source: 'x.json' }).ok).toBe(false);
    expect(readDocument(flow, { source: 'stdin' }).ok).toBe(false);
    expect(readDocument(flow, { source: 'stdin', format: 'yaml' }).ok).toBe(true);
    expect(readDocument('  \n{"a": 1,}', { source: 'x.json', format: 'yaml' }).ok).toBe(true);
    expect(refusal('  \n{"a": 1,}', { source: 'stdin' }).message).toContain('trailing comma');
    expect(readDocument('a: 1', { source: 'stdin', format: 'auto' }).ok).toBe(true);
  });

  it('requires a mapping at the top level by default', () => {
    expect(refusal('- a\n- b').message).toContain('must be a mapping at the top level, but it is a sequence');
    expect(refusal('just text')).toMatchObject({ line: 1, column: 1 });
    expect(refusal('"text"', { source: 'x.json' }).message).toContain('it is text');
    expect(refusal('null').message).toContain('it is null');
  });

  it('reads another top level when asked to', () => {
    expect(readDocument('- a', { source: 'x.yaml', expect: 'sequence' })).toEqual({ ok: true, value: ['a'] });
    expect(readDocument('42', { source: 'x.yaml', expect: 'any' })).toEqual({ ok: true, value: 42 });
    expect(refusal('a: 1', { expect: 'sequence' }).message).toContain('must be a sequence');
  });

  it.each([
    ['nothing', ''],
    ['whitespace', '  \n\n'],
    ['only comments', '# a charter\n# to come\n'],
    ['only a document marker', '---\n'],
    ['markers and comments', '---\n# nothing\n...\n'],
  ])('refuses an empty YAML document: %s', (_name, text) => {
    expect(refusal(text).message).toBe('the document is empty');
  });

  it('refuses an empty JSON document', () => {
    expect(refusal(' \n', { source: 'x.json' }).message).toBe('the document is empty');
  });

  it('builds plain objects whose keys are own, enumerable data properties', () => {
    const result = readDocument('toString: 1\nhasOwnProperty: 2\nvalueOf: {a: 1}', { source: 'x.yaml' });
    if (!result.ok) throw new Error(result.error.message);
    const value = result.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['toString', 'hasOwnProperty', 'valueOf']);
    expect(JSON.parse(JSON.stringify(value))).toEqual(value);
  });

  it('answers a non-string input with an error instead of throwing', () => {
    const result = readDocument(undefined as unknown as string, { source: 'x.yaml' });
    expect(result.ok).toBe(false);
  });

  it('turns an unexpected exception into an internal error result', () => {
    const options = {
      source: 'x.yaml',
      get format(): 'yaml' {
        throw new Error('boom');
      },
    };
    const result = readDocument('a: 1', options);
    expect(result).toMatchObject({ ok: false, error: { source: 'x.yaml', message: INTERNAL_ERROR_MESSAGE } });
    if (!result.ok) expect(result.error.hint).toContain('boom');
  });

  it('uses the defaults for limits that are not usable numbers', () => {
    const options = { source: 'x.yaml', maxBytes: Number.NaN, maxDepth: -1 };
    expect(readDocument('a: [[1]]', options)).toEqual({ ok: true, value: { a: [[1]] } });
  });
});
