import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.ts';
import { RecordError } from './errors.ts';

function refusal(value: unknown): RecordError {
  try {
    canonicalJson(value);
  } catch (e) {
    if (e instanceof RecordError) return e;
    throw e;
  }
  throw new Error('expected a RecordError');
}

describe('canonicalJson', () => {
  it('sorts keys by code unit, drops whitespace and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [3, 1, { d: null, c: 'x' }], A: true })).toBe(
      '{"A":true,"a":[3,1,{"c":"x","d":null}],"b":1}',
    );
    // Code-unit order, not locale order: "é" (U+00E9) after "z", and an astral character after U+FFFF-less ones.
    expect(canonicalJson({ é: 1, z: 2, '😀': 3, '\uffff': 4 })).toBe('{"z":2,"é":1,"😀":3,"\uffff":4}');
  });

  it('omits undefined object properties, as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it('writes numbers and strings as JSON.stringify does', () => {
    expect(canonicalJson([0, -0, 1e21, 0.1, -5, 'a"\n\u2028'])).toBe(
      JSON.stringify([0, 0, 1e21, 0.1, -5, 'a"\n\u2028']),
    );
  });

  it('writes dates through toJSON', () => {
    expect(canonicalJson({ at: new Date('2030-01-01T00:00:00Z') })).toBe('{"at":"2030-01-01T00:00:00.000Z"}');
  });

  it('refuses what JSON cannot carry faithfully, naming where', () => {
    expect(refusal([1, undefined]).path).toEqual([1]);
    expect(refusal({ a: { f: () => 1 } }).path).toEqual(['a', 'f']);
    expect(refusal({ s: Symbol('x') }).message).toMatch(/symbol/);
    expect(refusal({ n: [Number.NaN] }).path).toEqual(['n', 0]);
    expect(refusal({ n: Number.POSITIVE_INFINITY }).message).toMatch(/finite/);
    const big = refusal({ votes: 10n });
    expect(big.path).toEqual(['votes']);
    expect(big.hint).toMatch(/string/);
    expect(refusal(undefined).path).toEqual([]);
  });

  it('refuses nesting deeper than 200 levels instead of overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(refusal(deep).message).toMatch(/deeper than 200/);
    let ok: unknown = 1;
    for (let i = 0; i < 200; i++) ok = { a: ok };
    expect(canonicalJson(ok)).toMatch(/^(\{"a":){200}1\}+$/);
  });

  it('refuses cycles but accepts a shared (acyclic) object twice', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = { back: a };
    expect(refusal(a).path).toEqual(['self', 'back']);
    const shared = { v: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"v":1},{"v":1}]');
  });

  it('round-trips: parsing the output gives the value back, and re-canonicalising is the identity', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order keys were inserted', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (dict) => {
        const reversed = Object.fromEntries(Object.entries(dict).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(dict));
      }),
      { numRuns: 200 },
    );
  });
});
