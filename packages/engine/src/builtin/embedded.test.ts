import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_PATH, generatedSource } from '../../scripts/embed-charters.ts';
import { builtinCharter, builtinCharterIds } from './index.ts';

describe('built-in charters', () => {
  it('are embedded exactly as the YAML files read (run `npm run embed` after editing a charter)', () => {
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(generatedSource());
  });

  it.each(builtinCharterIds())('%s validates against the schema and its own members', (id) => {
    expect(builtinCharter(id).id).toBe(id);
  });
});
