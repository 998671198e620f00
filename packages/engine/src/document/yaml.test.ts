import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type DocumentError, type ReadOptions, readDocument } from './index.ts';

function read(text: string, options: Partial<ReadOptions> = {}): unknown {
  const result = readDocument(text, { source: 'charter.yaml', ...options });
  if (!result.ok) throw new Error(`expected the document to be read, got: ${result.error.message}`);
  return result.value;
}

function refusal(text: string, options: Partial<ReadOptions> = {}): DocumentError {
  const result = readDocument(text, { source: 'charter.yaml', ...options });
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  expect(result.error.hint.length).toBeGreaterThan(10);
  return result.error;
}

describe('reading YAML', () => {
  it('reads a charter-like document into plain data', () => {
    const text = [
      'name: Council of the EU',
      'bodies:',
      '  - id: council',
      '    rules:',
      '      - quota: { weight: population, at_least: "65%" }',
      '      - members: { at_least: 15 }',
      '    note: |',
      '      Article 16(4) TEU.',
      'active: true',
      'threshold: 0.55',
      'unused: ~',
    ].join('\n');
    expect(read(text)).toEqual({
      name: 'Council of the EU',
      bodies: [
        {
          id: 'council',
          rules: [{ quota: { weight: 'population', at_least: '65%' } }, { members: { at_least: 15 } }],
          note: 'Article 16(4) TEU.\n',
        },
      ],
      active: true,
      threshold: 0.55,
      unused: null,
    });
  });

  it('resolves scalars by the YAML 1.2 core schema, so yes and no stay text', () => {
    expect(read('a: yes\nb: no\nc: on\nd: 0o17\ne: 0x1F\nf: 1e3\ng: 012')).toEqual({
      a: 'yes',
      b: 'no',
      c: 'on',
      d: 15,
      e: 31,
      f: 1000,
      g: 12,
    });
  });

  it('keeps the spelling of number and boolean keys', () => {
    expect(read('1.0: a\ntrue: b\n2024: c')).toEqual({ '1.0': 'a', true: 'b', '2024': 'c' });
  });

  it('accepts core tags such as !!str', () => {
    expect(read('year: !!str 2024\ncount: !!int "3"')).toEqual({ year: '2024', count: 3 });
  });

  it('refuses an alias and points at its line', () => {
    const error = refusal('base: 1\nquota: *base');
    expect(error.message).toContain('aliases are not allowed in charters; write the value out');
    expect(error).toMatchObject({ line: 2, column: 8 });
  });

  it('refuses an anchor before anything can refer to it', () => {
    expect(refusal('a: 1\nb: &weights [1, 2]')).toMatchObject({ line: 2, column: 4 });
  });

  it('refuses the billion laughs without expanding it', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      lines.push(
        `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${`*${previous},`.repeat(8)}*${previous}]`,
      );
    }
    expect(refusal(lines.join('\n'))).toMatchObject({ line: 1, column: 4 });
  });

  it.each([
    ['!!binary aGVsbG8=', '!!binary'],
    ['!!set { a, b }', '!!set'],
    ['!!timestamp 2001-12-14', '!!timestamp'],
    ['!!omap [a: 1]', '!!omap'],
    ['!foo bar', '!foo'],
    ['! bar', '!'],
    ['!<tag:example.com,2000:x> bar', '!<tag:example.com,2000:x>'],
  ])('refuses the tag in "%s" without building its value', (value, tag) => {
    const error = refusal(`name: x\nvalue: ${value}`);
    expect(error.message).toContain(`"${tag}"`);
    expect(error).toMatchObject({ line: 2, column: 8 });
  });

  it('refuses a core tag whose value does not fit it', () => {
    expect(refusal('a: !!int twelve')).toMatchObject({ line: 1, column: 4 });
  });

  it('refuses a merge key and names it', () => {
    const error = refusal('defaults: {quorum: 2}\ncouncil:\n  <<: {quorum: 3}\n  name: x');
    expect(error.message).toContain('merge keys');
    expect(error).toMatchObject({ line: 3, column: 3, path: ['council'] });
  });

  it('reads a quoted "<<" as an ordinary key', () => {
    expect(read('"<<": 1')).toEqual({ '<<': 1 });
  });

  it('refuses directives, since %TAG could rebind the core tags', () => {
    expect(refusal('%TAG !! tag:example.com,2000:\n---\na: !!str b')).toMatchObject({ line: 1, column: 1 });
    expect(refusal('%YAML 1.1\n---\na: yes').message).toContain('directives');
  });

  it('refuses a duplicate key at its second occurrence', () => {
    const error = refusal('bodies:\n  council:\n    quorum: 2\n    voting: qmv\n    quorum: 3\n');
    expect(error.message).toContain('"quorum" appears twice');
    expect(error).toMatchObject({ line: 5, column: 5, path: ['bodies', 'council'] });
  });

  it('treats keys that read the same as duplicates, whatever their quoting', () => {
    expect(refusal("a: 1\n'a': 2")).toMatchObject({ line: 2, column: 1 });
    expect(refusal('{x: 1, "x": 2}')).toMatchObject({ line: 1, column: 8 });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s anywhere', (key) => {
    const error = refusal(`a:\n  - b:\n      ${key}: {polluted: true}`);
    expect(error.message).toContain(`"${key}"`);
    expect(error).toMatchObject({ line: 3, column: 7, path: ['a', 0, 'b'] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a collection as a key', () => {
    expect(refusal('? [a, b]\n: 1')).toMatchObject({ line: 1, column: 3 });
  });

  it('refuses a missing key', () => {
    expect(refusal('a: 1\n: 2').message).toContain('key is missing');
  });

  it.each(['.inf', '-.Inf', '.nan', '1e400'])('refuses the non-finite number %s', (number) => {
    const error = refusal(`quota:\n  at_least: ${number}`);
    expect(error.message).toContain('not finite');
    expect(error).toMatchObject({ line: 2, column: 13, path: ['quota', 'at_least'] });
  });

  it('refuses an integer too large to be exact', () => {
    expect(refusal('population: 123456789012345678901').message).toContain('too large');
  });

  it('reads -0 as 0', () => {
    expect(Object.is((read('a: -0') as { a: number }).a, 0)).toBe(true);
  });

  it('refuses an escaped half surrogate pair', () => {
    expect(refusal('a: "\\uD800"')).toMatchObject({ line: 1, column: 4, path: ['a'] });
  });

  it('refuses a second document and points at its start', () => {
    expect(refusal('a: 1\n---\nb: 2')).toMatchObject({ line: 2, column: 1 });
    expect(refusal('a: 1\n...\nb: 2')).toMatchObject({ line: 3, column: 1 });
  });

  it('accepts one document with explicit start and end markers', () => {
    expect(read('---\na: 1\n...\n# trailing comment\n')).toEqual({ a: 1 });
  });

  it('refuses nesting beyond maxDepth with the path to it', () => {
    const error = refusal('a:\n  b:\n    c: [[1]]', { maxDepth: 4 });
    expect(error.message).toContain('more than 4 levels');
    expect(error).toMatchObject({ line: 3, column: 9, path: ['a', 'b', 'c', 0] });
  });

  it('reads nesting exactly at maxDepth', () => {
    expect(read('a:\n  b:\n    c: [1]', { maxDepth: 4 })).toEqual({ a: { b: { c: [1] } } });
  });

  it('refuses more nodes than maxNodes', () => {
    expect(refusal('a: 1\nb: 2\nc: [1, 2]', { maxNodes: 6 }).message).toContain('more than 6 nodes');
  });

  it('refuses more tokens than maxTokens', () => {
    expect(refusal('a: 1\nb: 2\nc: [1, 2]', { maxTokens: 10 }).message).toContain('more than 10 YAML tokens');
  });

  it.each([
    ['a:\n\t- b', 2, 1, 'tabs'],
    ['a: "open\nb: 2', 2, 5, 'quote'],
    ['a: b: c', 1, 4, 'nested mapping'],
    ['a: [1, 2', 1, 9, 'bracket'],
    ['a: @x', 1, 4, 'quotes'],
    ['a:\n  b: 1\n c: 2', 3, 1, 'indent'],
  ])('refuses the syntax error in %j at its line with a hint', (text, line, column, hintWord) => {
    const error = refusal(text);
    expect(error).toMatchObject({ line, column });
    expect(error.hint.toLowerCase()).toContain(hintWord);
  });
});

describe('reading YAML written by the yaml package', () => {
  function depthOf(value: unknown): number {
    if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
    if (typeof value === 'object' && value !== null)
      return 1 + Math.max(0, ...Object.values(value).map(depthOf));
    return 0;
  }

  it('reads the value back, and the depth limit is exact, in block and flow style', () => {
    const value = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 5 }), { minKeys: 1 });
    fc.assert(
      fc.property(value, fc.boolean(), (data, flow) => {
        const text = stringify(data, flow ? { collectionStyle: 'flow' } : {});
        const depth = depthOf(data);
        const result = readDocument(text, { source: 'x.yaml', maxDepth: depth });
        if (!result.ok) {
          expect(result.error.message).toMatch(/(is|are) not allowed|too large/);
          return;
        }
        expect(JSON.stringify(result.value)).toBe(JSON.stringify(data));
        const tooDeep = readDocument(text, { source: 'x.yaml', maxDepth: depth - 1 });
        expect(tooDeep.ok || tooDeep.error.message).toContain(`more than ${depth - 1} levels`);
      }),
      { numRuns: 500 },
    );
  });
});
