// Known-bad documents, one file each in packages/engine/test/corpus/bad/. Every one must be refused quickly,
// for the right reason, with a place (line or path) and a hint, and none may reach the internal-error branch.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDocument } from './index.ts';
import { INTERNAL_ERROR_MESSAGE } from './read.ts';

const CORPUS = fileURLToPath(new URL('../../test/corpus/bad/', import.meta.url));

/** Each file and a fragment of the message it must be refused with. */
const EXPECTED: Record<string, string> = {
  'alias-as-key.yaml': 'aliases are not allowed in charters; write the value out',
  'alias-bomb-billion-laughs.yaml': 'anchors are not allowed',
  'alias-to-undefined-anchor.yaml': 'aliases are not allowed',
  'anchor-without-alias.yaml': 'anchors are not allowed',
  'bad-indentation.yaml': 'same column',
  'collection-as-key.yaml': 'keys must be plain text',
  'comments-only.yaml': 'empty',
  'comments.json': 'comments',
  'constructor-key.yaml': '"constructor" is not allowed',
  'control-character.yaml': 'U+001B',
  'deep-nesting-block.yaml': 'more than 64 levels',
  'deep-nesting-flow.yaml': 'more than 64 levels',
  'directive-tag.yaml': 'directives',
  'directive-yaml-1.1.yaml': 'directives',
  'duplicate-key-flow.yaml': '"weight" appears twice',
  'duplicate-key-quoted.yaml': '"name" appears twice',
  'duplicate-key.json': '"quorum" appears twice',
  'duplicate-key.yaml': '"quorum" appears twice',
  'empty.yaml': 'empty',
  'escaped-half-surrogate.yaml': 'surrogate',
  'invalid-utf8.yaml': 'U+FFFD',
  'latin1.yaml': 'U+FFFD',
  'merge-key-list.yaml': 'merge keys',
  'merge-key.yaml': 'merge keys',
  'missing-key.yaml': 'key is missing',
  'multi-document-after-end.yaml': 'more than one YAML document',
  'multi-document.yaml': 'more than one YAML document',
  'multiple-values.json': 'after the end',
  'nan.json': 'NaN',
  'nested-compact-mapping.yaml': 'nested mappings',
  'nul-byte.yaml': 'U+0000',
  'number-infinite.yaml': 'not finite',
  'number-nan.yaml': 'not finite',
  'number-not-exact.yaml': 'too large',
  'number-overflow.yaml': 'not finite',
  'proto-key.json': '"__proto__" is not allowed',
  'proto-key.yaml': '"__proto__" is not allowed',
  'prototype-key-flow.yaml': '"prototype" is not allowed',
  'reserved-indicator.yaml': 'reserved character',
  'single-quotes.json': 'double quotes',
  'tab-indentation.yaml': 'tabs',
  'tag-binary.yaml': '"!!binary"',
  'tag-custom.yaml': '"!threshold"',
  'tag-js-function.yaml': '"!!js/function"',
  'tag-set.yaml': '"!!set"',
  'tag-timestamp.yaml': '"!!timestamp"',
  'tag-verbatim.yaml': 'is not allowed in charters',
  'top-level-scalar.yaml': 'must be a mapping',
  'top-level-sequence.yaml': 'must be a mapping',
  'trailing-comma.json': 'trailing comma',
  'unclosed-bracket.json': 'expected "," or "]"',
  'unclosed-bracket.yaml': 'end with a ]',
  'unclosed-quote.yaml': 'missing closing',
  'unquoted-key.json': 'double quotes',
  'utf16le.yaml': 'U+FFFD',
};

const files = readdirSync(CORPUS).sort();

describe('the corpus of known-bad documents', () => {
  it('has at least 30 documents, each with an expected refusal', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('refuses %s with a place and a hint, in under a second', (file) => {
    // Decoded as a CLI or browser would: bytes that are not UTF-8 become U+FFFD.
    const text = new TextDecoder().decode(readFileSync(`${CORPUS}${file}`));
    const started = performance.now();
    const result = readDocument(text, { source: file });
    expect(performance.now() - started).toBeLessThan(1000);
    if (result.ok) throw new Error(`${file} was read: ${JSON.stringify(result.value)}`);
    const { error } = result;
    expect(error.message).not.toBe(INTERNAL_ERROR_MESSAGE);
    expect(error.message).toContain(EXPECTED[file]);
    expect(error.line !== undefined || (error.path?.length ?? 0) > 0).toBe(true);
    expect(error.hint.length).toBeGreaterThan(10);
    expect(error.source).toBe(file);
  });
});
