// Fuzzing the reader: mutated charters and random text. Whatever comes in, `readDocument` answers (never
// throws, never reaches its internal-error branch) within a second, and anything it accepts is plain JSON data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocument } from './index.ts';
import { INTERNAL_ERROR_MESSAGE } from './read.ts';

const COUNCIL = `# Council of the European Union (Art. 16 TEU, Art. 238 TFEU)
name: Council of the European Union
short: council
founded: 1958-01-01
bodies:
  - id: council
    members: { from: eu-member-states }
    presidency: { rotation: six-months, order: [POL, DNK, CYP] }
decisions:
  qualified-majority:
    rules:
      - quota: { weight: population, at_least: "65%" }
      - count: { at_least: 15, of: members, share: 0.55 }
    blocking_minority: { members: 4 }
  unanimity:
    rules: [{ count: { all: true } }]
    abstention_blocks: false
notes: |
  The reinforced qualified majority applies when the Council
  does not act on a proposal from the Commission.
`;

const ALLIANCE = `name: North Atlantic Council
bodies:
  - id: nac
    members: { from: nato-allies }
    chair: secretary-general
decisions:
  consensus:
    rules:
      - veto: { any_member: true }
  article-5:
    consultation: article-4
    response:
      - { step: consult, within_days: 3 }
      - { step: invoke, requires: consensus }
weights: ~
threshold: 1.0e0
flags: [true, false, null, 'quoted text', "escaped \\"text\\"\\n"]
`;

const OSCE = `---
name: 'Organization for Security and Co-operation in Europe'
decisions:
  consensus-minus-one:
    rules:
      - veto: { any_member: true, except: [party-to-dispute] }
    applies_to: >-
      gross violations of commitments
      (Prague Document, 1992)
limits: { max_missions: 0x10, quorum: 0o7, ratio: -.5 }
...
`;

const GAME = `{
  "name": "Baltic crisis, day one",
  "charter": "council",
  "ballots": [
    { "motion": "sanctions", "votes": { "DEU": "yes", "FRA": "yes", "HUN": "no" } },
    { "motion": "mission", "quota": { "weight": "population", "at_least": "65%" }, "turnout": 0.93 }
  ],
  "seed": 42
}
`;

const SEEDS = [COUNCIL, ALLIANCE, OSCE, GAME];
const SPECIALS = [
  ...'&*!:{}[]-|>\'"#%@`,?~\t\n',
  '<<',
  '<<: ',
  ': ',
  '- ',
  '---\n',
  '...\n',
  '&a ',
  '*a',
  '!!',
];
const SOURCES = ['charter.yaml', 'game.json', 'stdin'];

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'delete'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 15 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...SPECIALS) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
);

function mutate(text: string, change: Mutation): string {
  if (change.kind === 'duplicate-line') {
    const lines = text.split('\n');
    const line = change.line % lines.length;
    return [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n');
  }
  const at = change.at % (text.length + 1);
  switch (change.kind) {
    case 'flip':
      return (
        text.slice(0, at) +
        String.fromCharCode((text.charCodeAt(at) || 0x20) ^ (1 << change.bit)) +
        text.slice(at + 1)
      );
    case 'insert':
      return text.slice(0, at) + change.text + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + change.length);
  }
}

const mutatedCharter = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([seed, changes]) => changes.reduce(mutate, seed));

const yamlishText = fc.string({
  unit: fc.constantFrom(...SPECIALS, ...'ab1.0 \n\r\\"eE+_xé😀'.split(''), ' '.repeat(4)),
  maxLength: 200,
});

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
);

/** True for strings, finite numbers, booleans, null, arrays and plain objects of them; nothing else. */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isPlainJson);
}

function checkReading(text: string, source: string): void {
  const started = performance.now();
  const result = readDocument(text, { source, expect: 'any' });
  expect(performance.now() - started).toBeLessThan(1000);
  if (result.ok) {
    expect(isPlainJson(result.value)).toBe(true);
    expect(JSON.parse(JSON.stringify(result.value))).toStrictEqual(result.value);
  } else {
    expect(result.error.message).not.toBe(INTERNAL_ERROR_MESSAGE);
    expect(result.error.hint).not.toBe('');
  }
}

describe('fuzzing readDocument', () => {
  it('reads every seed unchanged', () => {
    for (const seed of SEEDS) expect(readDocument(seed, { source: 'stdin' }).ok).toBe(true);
  });

  it('answers 7,000 mutated charters with plain data or a located error', () => {
    fc.assert(
      fc.property(mutatedCharter, fc.constantFrom(...SOURCES), (text, source) => checkReading(text, source)),
      { numRuns: 7_000 },
    );
  });

  it('answers 3,000 random strings of YAML punctuation', () => {
    fc.assert(
      fc.property(yamlishText, fc.constantFrom(...SOURCES), (text, source) => checkReading(text, source)),
      { numRuns: 3_000 },
    );
  });

  it('answers 1,500 fully random strings', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...SOURCES), (text, source) => checkReading(text, source)),
      { numRuns: 1_500 },
    );
  });
});
