import { z } from 'zod';
import type { Rule } from '../rules/index.ts';
import { disputesSchema, territorySchema } from './disputes-schema.ts';
import { playerSchema, ruleSchema } from './rule-schema.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real calendar date');
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and hyphens');
const cite = z.string().min(1).describe('article, paragraph or seed passage');

export const DIMENSIONS = ['politico-military', 'economic-environmental', 'human'] as const;
export const TRIGGERS = [
  'armed-attack',
  'threat-of-force',
  'border-violation',
  'unnotified-military-activity',
  'cyber-attack',
  'energy-coercion',
  'terrorist-attack',
  'violation-of-commitments',
] as const;
/** The roles a state can play in a crisis; recusal may cover some of them only (e.g. the attacker). */
export const PARTY_ROLES = ['aggressor', 'target', 'involved'] as const;

import { RUNG_KINDS } from './rung-kinds.ts';

export { RUNG_KINDS };
/** Severity of an incident, 1 (minor) to 5 (large-scale armed attack); see docs/crisis.md. */
export const SEVERITY_MAX = 5;
export const PROVISION_TOPICS = [
  'principles',
  'disputes',
  'territory',
  'forces',
  'arms-control',
  'safeguards',
  'energy',
  'roadmap',
  'nuclear',
  'other',
] as const;

const status = z.strictObject({
  kind: z.enum(['in-force', 'proposal', 'historical', 'draft']),
  proposed: isoDate.optional(),
  signed: isoDate.optional(),
  in_force: isoDate.optional(),
  ended: isoDate.optional(),
  note: z.string().optional(),
});

const memberEntry = z.union([
  z.string(),
  z.strictObject({
    id: z.string(),
    name: z.string().optional(),
    from: isoDate.optional(),
    to: isoDate.optional().describe('last day of membership, inclusive'),
    note: z.string().optional(),
  }),
]);

const members = z.strictObject({
  organisation: z
    .strictObject({
      id: z.string(),
      as_of: isoDate.optional().describe('fixed date; default: the evaluation date'),
    })
    .optional()
    .describe("members are this organisation's members as of a date"),
  states: z
    .array(memberEntry)
    .optional()
    .describe('explicit members (ISO 3166 alpha-3), optionally with dates'),
  organisations: z
    .array(z.strictObject({ id: z.string().regex(/^[A-Z]{2,8}$/), name: z.string() }))
    .optional()
    .describe('international organisations that are parties in their own right'),
  exclude: z.array(z.string()).optional(),
  cite,
  note: z.string().optional(),
});

const attribute = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  description: z.string(),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  cite,
  rationale: z.string().optional(),
});

/** Decision categories and bodies, with `rule` as the schema of their rules (validating or for JSON Schema). */
function makeBodySchema(rule: z.ZodType<Rule>) {
  const category = z.strictObject({
    id,
    name: z.string(),
    description: z.string().optional(),
    rule,
    cite,
    rationale: z.string().optional(),
    recusal: z
      .strictObject({
        parties: z
          .enum(['vote', 'excluded', 'must-abstain'])
          .describe('what happens to members that are parties to the matter'),
        applies_to: z
          .array(z.enum(PARTY_ROLES))
          .min(1)
          .optional()
          .describe('which parties to a crisis recusal covers (default: every party, whatever its role)'),
        cite,
        note: z.string().optional(),
      })
      .optional(),
    ballot: z.enum(['roll-call', 'secret']).optional(),
    in_force: z
      .strictObject({ from: isoDate.optional(), to: isoDate.optional().describe('last day, inclusive') })
      .optional()
      .describe('when this decision rule applies (e.g. the Nice weights until 2014-10-31)'),
    abstention: z.string().optional().describe('how abstention works here, in words (the rule encodes it)'),
  });

  const body = z.strictObject({
    id,
    name: z.string(),
    description: z.string().optional(),
    composition: z
      .strictObject({
        where: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
        note: z.string().optional(),
      })
      .optional(),
    presidency: z.strictObject({ description: z.string(), cite }).optional(),
    proxies: z
      .strictObject({
        allowed: z.boolean().describe('whether a member may hand its vote to another member for a period'),
        max_per_holder: z
          .number()
          .int()
          .min(1)
          .optional()
          .describe('how many other members one member may vote for at a time (default 1)'),
        cite,
        note: z.string().optional(),
      })
      .optional()
      .describe('voting by proxy; absent means not allowed'),
    categories: z.array(category).min(1),
    cite,
  });

  return body;
}

const bodyRef = z.strictObject({ body: id, category: id });

const severity = z.number().int().min(1).max(SEVERITY_MAX);

const threshold = z.strictObject({
  trigger: z.enum(TRIGGERS),
  troops: z.number().int().positive().optional(),
  battle_tanks: z.number().int().positive().optional(),
  acvs: z.number().int().positive().optional().describe('armoured combat vehicles'),
  artillery: z.number().int().positive().optional(),
  min_severity: severity.optional().describe('incidents of this trigger below this severity do not count'),
  text: z.string().optional(),
  cite,
});

const geography = z.strictObject({
  covers: z
    .enum(['members', 'listed', 'participating'])
    .describe(
      'members: the territory of every member; listed: the states below; participating: any member of the body',
    ),
  states: z.array(z.string()).optional().describe('with covers: listed'),
  exclude: z.array(z.string()).optional().describe('member states whose territory is not covered'),
  note: z.string().optional(),
  cite,
});

const obligations = z.strictObject({
  who: z
    .enum(['all-members', 'members-not-parties', 'supporters', 'none'])
    .describe('who must act once the rung is adopted'),
  text: z.string().describe('what they must do'),
  cite: cite.optional(),
});

const rung = z.strictObject({
  id,
  kind: z.enum(RUNG_KINDS),
  title: z.string(),
  activation: z
    .strictObject({
      triggers: z.array(z.enum(TRIGGERS)).min(1).optional().describe("default: the guarantee's triggers"),
      min_severity: severity.default(1),
      where: z
        .enum(['covered', 'anywhere'])
        .default('covered')
        .describe(
          "covered: only incidents on territory the guarantee covers; anywhere: also on other states'",
        ),
      after: id.optional().describe('a rung of this ladder that must have been adopted first'),
    })
    .default({ min_severity: 1, where: 'covered' }),
  decided_by: bodyRef
    .optional()
    .describe('the decision that authorises the rung; absent: the rung follows from the incident itself'),
  deadline_days: z
    .number()
    .nonnegative()
    .optional()
    .describe('days from the incident to the decision (e.g. 2 for 48 hours); default 0'),
  obligations,
  cite,
  note: z.string().optional(),
});

const guarantee = z.strictObject({
  id,
  title: z.string(),
  nature: z.enum(['obligation', 'right', 'none']),
  legally_binding: z.boolean(),
  triggers: z.array(z.enum(TRIGGERS)).min(1),
  thresholds: z.array(threshold).default([]).describe('when an incident of a trigger counts'),
  scope: z.string().describe('geographic and material scope'),
  geography: geography.optional().describe('the territory covered, for simulation (default: members)'),
  beneficiaries: z.string().default('all members'),
  decided_by: bodyRef.optional().describe('the decision that activates collective measures, if any'),
  summary: z.string(),
  ladder: z.array(rung).default([]).describe('the graduated responses, mildest first'),
  cite,
});

const accession = z.strictObject({
  open_to: z.string(),
  eligible: z
    .record(z.string(), z.union([z.string(), z.array(z.string())]))
    .optional()
    .describe('state attributes an applicant must have'),
  decided_by: bodyRef.optional(),
  objectors: z.enum(['members', 'parties', 'none']).describe('who may object to an application'),
  ratification: z.enum(['all-members', 'none']),
  cite,
  note: z.string().optional(),
});

const allianceChoice = z.strictObject({
  others_may_object: z.boolean().describe("whether parties may object to a state's joining another alliance"),
  who: z.enum(['any-party', 'none']),
  basis: z.string(),
  cite,
});

const withdrawal = z.strictObject({
  allowed: z.boolean(),
  notice_days: z.number().int().nonnegative().nullable().optional(),
  earliest: isoDate.optional(),
  conditions: z.string(),
  cite,
});

const provision = z.strictObject({
  id,
  topic: z.enum(PROVISION_TOPICS),
  title: z.string(),
  text: z.string(),
  cite,
});

const choice = z.strictObject({ id, question: z.string(), choice: z.string(), reason: z.string(), cite });

const source = z.strictObject({
  id,
  title: z.string(),
  url: z.string().optional(),
  note: z.string().optional(),
});

/** The charter schema; `rule` selects the validating rule schema or the plain union used for JSON Schema. */
export function makeCharterSchema(rule: z.ZodType<Rule>) {
  return z.strictObject({
    $schema: z.string().optional(),
    id,
    name: z.string().min(1),
    short_name: z.string().optional(),
    summary: z.string(),
    status,
    reference_date: isoDate.describe('default evaluation date'),
    legal_nature: z.strictObject({ kind: z.enum(['legally-binding', 'political']), cite }),
    scope: z.strictObject({
      dimensions: z.array(z.enum(DIMENSIONS)).min(1),
      note: z.string().optional(),
      cite,
    }),
    population_series: z
      .union([z.string(), z.array(z.string()).min(1)])
      .optional()
      .describe(
        'population series for population weights; with a list, the first that covers every member is used',
      ),
    sources: z.array(source).default([]),
    members,
    attributes: z.array(attribute).default([]),
    bodies: z.array(makeBodySchema(rule)).min(1),
    guarantees: z.array(guarantee).default([]),
    accession,
    alliance_choice: allianceChoice.optional(),
    withdrawal,
    provisions: z.array(provision).default([]),
    choices: z.array(choice).default([]),
    // Disputes and territory (docs/disputes.md): separate top-level keys, optional, so older charters stay valid.
    disputes: disputesSchema.optional(),
    territory: territorySchema.optional(),
  });
}

export const charterSchema = makeCharterSchema(ruleSchema);

export type Charter = z.infer<typeof charterSchema>;
export type CharterInput = z.input<typeof charterSchema>;
export type Body = Charter['bodies'][number];
export type DecisionCategory = Body['categories'][number];
export type Guarantee = Charter['guarantees'][number];
export type Rung = Guarantee['ladder'][number];
export type RungKind = (typeof RUNG_KINDS)[number];
export type PartyRole = (typeof PARTY_ROLES)[number];
export type Trigger = (typeof TRIGGERS)[number];

export { playerSchema, ruleSchema };
