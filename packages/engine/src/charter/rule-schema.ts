import { z } from 'zod';
import type { Rule } from '../rules/index.ts';

const attributeValue = z.union([z.string(), z.number(), z.boolean()]);
const filter = z
  .record(z.string(), z.union([attributeValue, z.array(attributeValue)]))
  .describe('attribute: value (or list of values)');
const bound = z
  .union([
    z.number().nonnegative(),
    z
      .string()
      .regex(
        /^\s*\d+(\.\d+)?\s*%\s*$|^\s*\d+\s*\/\s*\d+\s*$/,
        'a percentage like "65%" or a fraction like "2/3"',
      ),
  ])
  .describe('a number, a percentage "65%" or a fraction "2/3"');
const weight = z.string().min(1).describe('"count" or the name of a numeric attribute, e.g. "population"');

const annotations = {
  label: z.string().optional().describe('short name shown in traces'),
  cite: z.string().optional().describe('the article or seed passage this clause encodes'),
  rationale: z.string().optional().describe('why the clause is as it is'),
};

const quotaSpec = z.strictObject({
  weight,
  at_least: bound.optional(),
  more_than: bound.optional(),
  of: z.enum(['members', 'present', 'voting']).optional().describe('base of a percentage (default members)'),
  side: z
    .enum(['yes', 'no', 'abstain', 'not_yes', 'present'])
    .optional()
    .describe('whose weight is summed (default yes)'),
  where: filter.optional(),
});

const quorumSpec = z.strictObject({
  weight,
  at_least: bound.optional(),
  more_than: bound.optional(),
  where: filter.optional(),
});

/** The schema of each operator, with `child` as the schema of nested rules. */
function makeBranches(child: () => z.ZodType) {
  return {
    quota: () => z.strictObject({ quota: quotaSpec, ...annotations }),
    quorum: () => z.strictObject({ quorum: quorumSpec, ...annotations }),
    all: () => z.strictObject({ all: z.array(z.lazy(child)).min(1), ...annotations }),
    any: () => z.strictObject({ any: z.array(z.lazy(child)).min(1), ...annotations }),
    not: () => z.strictObject({ not: z.lazy(child), ...annotations }),
    unanimous: () =>
      z.strictObject({
        unanimous: z
          .strictObject({ where: filter.optional() })
          .nullable()
          .transform((v) => v ?? {}),
        ...annotations,
      }),
    consensus: () =>
      z.strictObject({
        consensus: z
          .strictObject({ where: filter.optional() })
          .nullable()
          .transform((v) => v ?? {}),
        ...annotations,
      }),
    groups: () =>
      z.strictObject({
        groups: z.strictObject({
          by: z.string().min(1),
          rule: z.lazy(child),
          at_least: z.number().int().positive(),
          where: filter.optional(),
        }),
        ...annotations,
      }),
  };
}
type Operator = keyof ReturnType<typeof makeBranches>;
const OPERATORS = Object.keys(makeBranches(() => z.never())) as Operator[];
const validating = makeBranches(() => ruleSchema);
const built = new Map<Operator, z.ZodType>();
/** Branch schemas are built once, on first use (they refer to ruleSchema, so not at module load). */
function branch(op: Operator): z.ZodType {
  let schema = built.get(op);
  if (!schema) {
    schema = validating[op]();
    built.set(op, schema);
  }
  return schema;
}
const ANNOTATION_KEYS = new Set(Object.keys(annotations));

/** The rule as a plain recursive union, for the exported JSON Schema (editors autocomplete from it). */
export const ruleUnionSchema = z.lazy(() => unionSchema) as unknown as z.ZodType<Rule>;
const unionBranches = makeBranches(() => ruleUnionSchema);
const unionSchema = z
  .union(OPERATORS.map((op) => unionBranches[op]()) as unknown as [z.ZodType, z.ZodType])
  .meta({ id: 'rule', description: 'a decision rule: one operator plus optional label, cite, rationale' });

/**
 * Validation dispatches on the operator key, so an error names the real problem ("quota.at_least: …")
 * instead of zod's "no union member matched".
 */
export const ruleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.unknown().transform((value, ctx) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `a rule must be a mapping with one of: ${OPERATORS.join(', ')}`,
      });
      return z.NEVER;
    }
    const keys = Object.keys(value);
    const ops = keys.filter((k) => (OPERATORS as string[]).includes(k));
    if (ops.length !== 1) {
      const unknown = keys.filter((k) => !ops.includes(k) && !ANNOTATION_KEYS.has(k));
      const message =
        ops.length === 0
          ? `a rule needs one operator (${OPERATORS.join(', ')})${unknown.length ? `; "${unknown[0]}" is not one` : ''}`
          : `a rule has exactly one operator, found ${ops.join(' and ')}; combine rules with all: [...] or any: [...]`;
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    const parsed = branch(ops[0] as Operator).safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: issue.path } as never);
      return z.NEVER;
    }
    return parsed.data as Rule;
  }),
) as unknown as z.ZodType<Rule>;

export const playerSchema = z
  .object({ id: z.string().min(1).max(64), name: z.string().optional() })
  .catchall(attributeValue)
  .describe('a player: id plus attributes (numbers, strings, booleans)');

/** A standalone game file: players with attributes, and one rule (`rule` picks the rule schema). */
export function makeGameFileSchema(rule: z.ZodType<Rule>) {
  return z.strictObject({
    name: z.string().optional(),
    description: z.string().optional(),
    players: z.array(playerSchema).min(1).max(10_000),
    rule,
  });
}
export const gameFileSchema = makeGameFileSchema(ruleSchema);
export type GameFile = z.infer<typeof gameFileSchema>;
