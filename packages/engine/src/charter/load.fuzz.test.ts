import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHARTER_SOURCES } from '../builtin/sources.generated.ts';
import { gameFrom } from '../game/index.ts';
import { CharterError } from './errors.ts';
import { parseCharter } from './load.ts';

// Mutations of the built-in charters: every input must either load or fail with one CharterError — never
// another exception, never a hang.
const seeds = Object.values(CHARTER_SOURCES);
const SPECIALS = [
  '&a ',
  '*a',
  '!!binary ',
  '<<: ',
  '{',
  '}',
  '[',
  ']',
  ': ',
  '- ',
  '|',
  '>',
  "'",
  '"',
  '#',
  '%',
  '@',
  '`',
  '\t',
  '__proto__: 1',
  '~',
  '-1',
  '1e999',
  '"200%"',
  'null',
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...SPECIALS) }),
  fc.record({
    kind: fc.constant('swap-value' as const),
    at: fc.nat(),
    text: fc.constantFrom('0', '"x"', '[]', '{}', 'yes', '-5', '"1/0"', '"101%"', 'ZZZ', 'USA'),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function apply(text: string, m: { kind: string; at: number; n?: number; text?: string }): string {
  const lines = text.split('\n');
  const i = m.at % Math.max(lines.length, 1);
  switch (m.kind) {
    case 'delete':
      lines.splice(i, m.n ?? 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(i, 0, ...lines.slice(i, i + (m.n ?? 1)));
      return lines.join('\n');
    case 'insert': {
      const pos = m.at % Math.max(text.length, 1);
      return text.slice(0, pos) + m.text + text.slice(pos);
    }
    case 'swap-value': {
      const line = lines[i] ?? '';
      const colon = line.indexOf(': ');
      if (colon >= 0) lines[i] = `${line.slice(0, colon + 2)}${m.text}`;
      return lines.join('\n');
    }
    default:
      return text.slice(0, m.at % Math.max(text.length, 1));
  }
}

function loadsOrFailsCleanly(text: string): void {
  const started = performance.now();
  try {
    parseCharter(text, { source: 'fuzz.yaml' });
  } catch (e) {
    if (!(e instanceof CharterError)) throw e;
    expect(e.message.length).toBeGreaterThan(0);
  }
  expect(performance.now() - started).toBeLessThan(1000);
}

describe('charter loading under fuzzing', () => {
  it('never crashes or hangs on 3,000 mutated built-in charters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (seed, ms) => {
          loadsOrFailsCleanly(ms.reduce(apply, seed));
        },
      ),
      { numRuns: 3000 },
    );
    // 3,000 full parses of the built-in charters (20 ms or more each: they carry response ladders and dispute
    // sections). With the reader's 11,500 inputs and the document fuzz's 7,000, the charter pipeline stays well over
    // the 10,000 fuzzed inputs it is held to, at half the cost of this, the suite's slowest file. The hang check is
    // the 1 s limit per parse above, not this total.
  }, 240_000);

  it('never crashes on random game files', () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.string({ maxLength: 6 }), value), { maxLength: 4 }),
        value,
        (players, rule) => {
          try {
            gameFrom({ players, rule }, 'fuzz.json');
          } catch (e) {
            if (!(e instanceof CharterError)) throw e;
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
