import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { CHARTER_SOURCES } from '../builtin/sources.generated.ts';
import { readDocument } from '../document/index.ts';
import { charterJsonSchema } from './json-schema.ts';

describe('exported JSON Schema', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(charterJsonSchema('charter'));

  it.each(Object.keys(CHARTER_SOURCES))('accepts the built-in charter %s, as editors will see it', (id) => {
    const read = readDocument(CHARTER_SOURCES[id]!, { source: id });
    if (!read.ok) throw new Error(read.error.message);
    expect(validate(read.value), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('rejects a rule with two operators and a misspelt field, as the validator does', () => {
    const game = ajv.compile(charterJsonSchema('game'));
    expect(
      game({ players: [{ id: 'A' }], rule: { all: [{ quota: { weight: 'count', at_least: 1 } }] } }),
    ).toBe(true);
    expect(game({ players: [{ id: 'A' }], rule: { all: [], any: [] } })).toBe(false);
    expect(game({ players: [{ id: 'A' }], rule: { quota: { wieght: 'count', at_least: 1 } } })).toBe(false);
  });
});
