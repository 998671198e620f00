// Inputs built to exhaust a parser: each must be answered, for the right reason, within a second.
import { describe, expect, it } from 'vitest';
import { type ReadOptions, type ReadResult, readDocument } from './index.ts';
import { INTERNAL_ERROR_MESSAGE } from './read.ts';

const MiB = 1024 * 1024;

/**
 * The reader's time: the smaller of wall-clock and this process's CPU time. On a shared machine other jobs
 * stretch the wall clock but not the CPU time; helper threads (parallel GC) add CPU time but not wall time.
 * A parser that really is slow is slow on both.
 */
function timedRead(text: string, options: Partial<ReadOptions> = {}): { result: ReadResult; ms: number } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = readDocument(text, { source: 'charter.yaml', ...options });
  const used = process.cpuUsage(cpu);
  return { result, ms: Math.min(performance.now() - started, (used.user + used.system) / 1000) };
}

function refusedQuickly(text: string, words: string, options: Partial<ReadOptions> = {}): void {
  const { result, ms } = timedRead(text, options);
  expect(ms).toBeLessThan(1000);
  if (result.ok) throw new Error('expected a refusal');
  expect(result.error.message).toContain(words);
}

/** `unit` repeated to just under `bytes`. */
function fill(unit: string, bytes = MiB - 64): string {
  return unit.repeat(Math.floor(bytes / unit.length));
}

function mappingOf(keys: number, line: (i: number) => string = (i) => `k${i}: ${i}`): string {
  return Array.from({ length: keys }, (_, i) => line(i)).join('\n');
}

describe('pathological inputs', () => {
  it('refuses 20,000 anchors at the first one', () => {
    refusedQuickly(
      mappingOf(20_000, (i) => `k${i}: &a${i} v`),
      'anchors are not allowed',
    );
  });

  it('refuses 20,000 aliases of one anchor', () => {
    refusedQuickly(`a: 1\n${mappingOf(20_000, (i) => `k${i}: *a`)}`, 'aliases are not allowed');
  });

  it('refuses a 30-level billion laughs without expanding it', () => {
    const levels = Array.from(
      { length: 30 },
      (_, i) => `l${i + 1}: &l${i + 1} [${'*l'.concat(String(i), ',').repeat(9)}*l${i}]`,
    );
    refusedQuickly(['l0: &l0 [lol]', ...levels].join('\n'), 'anchors are not allowed');
  });

  it('refuses a 100,000-key YAML mapping within a second, even with the size limit raised', () => {
    refusedQuickly(mappingOf(100_000), 'more than 120000 YAML tokens', { maxBytes: 4 * MiB });
    refusedQuickly(mappingOf(100_000), 'more than the limit of 1 MiB');
  });

  it('reads a 100,000-key JSON object within a second when the limits allow it', () => {
    const text = `{${Array.from({ length: 100_000 }, (_, i) => `"k${i}": ${i}`).join(',')}}`;
    const { result, ms } = timedRead(text, { source: 'big.json', maxBytes: 4 * MiB, maxNodes: 300_000 });
    expect(ms).toBeLessThan(1000);
    expect(result.ok && Object.keys(result.value as object).length).toBe(100_000);
  });

  it('refuses a 1 MiB JSON array beyond maxNodes', () => {
    refusedQuickly(`[${fill('1,')}1]`, 'more than 100000 nodes', { source: 'x.json', expect: 'any' });
  });

  it('finds a duplicate key at the end of a 15,000-key mapping in linear time', () => {
    refusedQuickly(`${mappingOf(15_000)}\nk0: again`, '"k0" appears twice');
  });

  it('reads the largest YAML the token budget allows within a second', () => {
    const text = `{${Array.from({ length: 5_500 }, (_, i) => `a${i}: [b, {c: d}]`).join(', ')}}`;
    const { result, ms } = timedRead(text);
    expect(ms).toBeLessThan(1000);
    expect(result.ok).toBe(true);
  });

  it.each([
    ['flow sequences', '['],
    ['flow mappings', '{'],
    ['block sequences', '- '],
    ['explicit keys', '? '],
    ['mixed', '- [{a: '],
  ])('refuses 10,000 levels of nested %s with the path to the limit', (_name, opener) => {
    const { result, ms } = timedRead(`${opener.repeat(10_000)}x`, { format: 'yaml', expect: 'any' });
    expect(ms).toBeLessThan(1000);
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.message).toContain('more than 64 levels');
    expect(result.error.path?.length).toBe(64);
  });

  it.each([
    ['flow sequences', 'yaml', (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`],
    ['flow mappings', 'yaml', (n: number) => `${'{a: '.repeat(n)}1${'}'.repeat(n)}`],
    ['block sequences', 'yaml', (n: number) => `${'- '.repeat(n)}x`],
    [
      'block mappings',
      'yaml',
      (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
    ],
    ['JSON arrays', 'json', (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`],
  ] as const)(
    'reads %s nested to the ceiling of 256 levels when maxDepth allows it',
    (_name, format, nested) => {
      const options = { format, expect: 'any', maxDepth: 10_000 } as const;
      expect(timedRead(nested(256), options).result.ok).toBe(true);
      const deeper = timedRead(nested(257), options).result;
      expect(deeper.ok || deeper.error.message).toContain('more than 256 levels');
    },
  );

  it('refuses 10,000 levels of nested JSON arrays with the path to the limit', () => {
    const { result, ms } = timedRead(`${'['.repeat(10_000)}${']'.repeat(10_000)}`, { source: 'x.json' });
    expect(ms).toBeLessThan(1000);
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.path).toEqual(Array(64).fill(0));
  });

  it.each([
    ['blank lines', `a: 1\n${fill('\n')}`],
    ['spaces', `a: 1\n${fill(' ')}`],
    ['tabs', `a: 1\n${fill('\t')}`],
    ['comment lines', `a: 1\n${fill('# a comment line\n')}`],
    ['one long text', `a: ${fill('x')}`],
    ['escapes', `a: "${fill('\\n')}"`],
    ['quote doubling', `a: '${fill("x''")}'`],
    ['a block scalar', `a: |\n${fill('  a line of text\n')}`],
    ['an unclosed double quote', `a: "${fill('x\n')}`],
    ['an unclosed flow sequence', `[a${fill('\n a')}`],
    ['closing brackets', fill(']')],
    ['double quotes', fill('"')],
    ['explicit keys and values', fill('? a\n: b\n')],
    ['empty keys', fill(': \n')],
    ['flow collections', `{${fill('a: [b, {c: d}], ')}`],
    ['CRLF lines', fill('a: b\r\n')],
    ['lone CRs', `a: 1${fill('\r')}`],
    ['a long key', `${fill('k')}: v`],
    ['nested lines', fill('- - a\n')],
    ['block scalar headers', fill('- |\n')],
    ['document markers', fill('---\n')],
    ['anchors', fill('&a ')],
    ['multi-byte text', `a: ${'é'.repeat(MiB / 2 - 8)}`],
  ])('answers 1 MiB of %s within a second without an internal error', (_name, text) => {
    const { result, ms } = timedRead(text);
    expect(ms).toBeLessThan(1000);
    if (!result.ok) expect(result.error.message).not.toBe(INTERNAL_ERROR_MESSAGE);
  });
});
