import { z } from 'zod';
import { makeGameFileSchema, ruleUnionSchema } from './rule-schema.ts';
import { makeCharterSchema } from './schema.ts';

/**
 * JSON Schemas for editors (YAML language servers and JSON editors check and autocomplete against them). The
 * rule appears as a recursive union of its operators under `$defs.rule`; validation itself dispatches on the
 * operator key for clearer messages, but accepts exactly the same documents.
 */
export function charterJsonSchema(kind: 'charter' | 'game' = 'charter'): Record<string, unknown> {
  const schema =
    kind === 'charter' ? makeCharterSchema(ruleUnionSchema) : makeGameFileSchema(ruleUnionSchema);
  return {
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', cycles: 'ref', reused: 'inline' }),
    $id: `https://concert.invalid/schema/${kind}.json`,
    title: kind === 'charter' ? 'Concert charter' : 'Concert game file',
  };
}
