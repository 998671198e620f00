import { z } from 'zod';
import { gameFileSchema, ruleUnionSchema } from './rule-schema.ts';
import { charterSchema } from './schema.ts';

/**
 * JSON Schemas for editors (YAML language servers and JSON editors autocomplete and check against them). The
 * rule is exported as a plain union of its operators; validation itself dispatches on the operator key.
 */
export function charterJsonSchema(kind: 'charter' | 'game' = 'charter'): Record<string, unknown> {
  const rule = z.toJSONSchema(ruleUnionSchema, { io: 'input', unrepresentable: 'any', reused: 'ref' });
  const top = z.toJSONSchema(kind === 'charter' ? charterSchema : gameFileSchema, {
    io: 'input',
    unrepresentable: 'any',
  });
  const { $schema: _ignored, ...ruleBody } = rule as Record<string, unknown>;
  const replaced = JSON.parse(JSON.stringify(top), (_key, value) =>
    isLooseRule(value) ? { $ref: '#/$defs/rule' } : value,
  );
  return {
    ...replaced,
    $id: `https://concert.invalid/schema/${kind}.json`,
    title: kind === 'charter' ? 'Concert charter' : 'Concert game file',
    $defs: { ...(replaced.$defs ?? {}), ...(ruleBody.$defs as object), rule: stripDefs(ruleBody) },
  };
}

// The dispatching rule schema exports as an unconstrained value; swap it for the real union.
function isLooseRule(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0
  );
}

function stripDefs(schema: Record<string, unknown>): Record<string, unknown> {
  const { $defs: _d, ...rest } = schema;
  return rest;
}
