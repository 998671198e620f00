import { describe, expect, it } from 'vitest';
import { formatDocumentError, formatPath, readDocument } from './index.ts';

describe('formatDocumentError', () => {
  it('puts file, line and column first and the hint on its own line', () => {
    const result = readDocument('name: x\nquota: *base\n', { source: 'charter.yaml' });
    if (result.ok) throw new Error('expected a refusal');
    expect(formatDocumentError(result.error)).toBe(
      'charter.yaml:2:8: aliases are not allowed in charters; write the value out (found "*base")\n' +
        '  hint: replace the alias with a copy of the value it refers to',
    );
  });

  it('names the path when there is one', () => {
    const text = 'bodies:\n  - id: council\n    quorum: 1\n    quorum: 2\n';
    const result = readDocument(text, { source: 'charter.yaml' });
    if (result.ok) throw new Error('expected a refusal');
    expect(formatDocumentError(result.error).split('\n')[0]).toBe(
      'charter.yaml:4:5: the key "quorum" appears twice in this mapping (at bodies[0])',
    );
  });

  it('shows only the source when the problem has no place', () => {
    const line = formatDocumentError({
      source: 'game.json',
      message: 'the document is empty',
      hint: 'write it',
    });
    expect(line).toBe('game.json: the document is empty\n  hint: write it');
  });
});

describe('formatPath', () => {
  it('writes keys and indices as JavaScript would', () => {
    expect(formatPath(['bodies', 0, 'rules', 'qualified majority', 2])).toBe(
      'bodies[0].rules["qualified majority"][2]',
    );
    expect(formatPath([0, 'a'])).toBe('[0].a');
  });

  it('shortens a very long path in the middle', () => {
    const path = Array.from({ length: 100 }, (_, i) => i);
    expect(formatPath(path)).toBe('[0][1][2][3][4][5]…[94][95][96][97][98][99]');
  });
});
