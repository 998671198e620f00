// The charter's dispute procedure and territorial regime as data: the top-level keys `disputes:` and
// `territory:`. Kept apart from the rest of the schema (and from `guarantees`) so that each can grow on its own.
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and hyphens');
const cite = z.string().min(1).describe('article, paragraph or seed passage');
const days = z.number().int().positive().describe('calendar days');
const share = z
  .string()
  .regex(/^(\d{1,3}(\.\d+)?%|\d+\/\d+)$/, 'a share such as "50%" or "2/3"')
  .describe('a share: "50%" or "2/3"');

export const DISPUTE_SUBJECTS = ['territorial', 'resource', 'treaty-interpretation', 'other'] as const;
export const STEP_KINDS = [
  'negotiation',
  'consultations',
  'mediation',
  'conciliation',
  'conference',
  'arbitration',
  'adjudication',
] as const;
/** Who may open a step: one party alone, the parties together, a body's decision, or nobody (it follows). */
export const STARTERS = ['any-party', 'parties-jointly', 'body', 'automatic'] as const;
/** How a state consents to arbitration: by a compromis for this dispute, or by a standing declaration. */
export const CONSENTS = ['treaty', 'compromis', 'declaration'] as const;

const choice = z.strictObject({ id, question: z.string(), choice: z.string(), reason: z.string(), cite });

const tribunal = z
  .strictObject({
    size: z.number().int().min(1).max(15),
    party_appointed: z.number().int().min(0).describe('arbitrators each party appoints'),
    appoint_within_days: days.describe('days from the opening of the step for the party appointments'),
    presiding: z.strictObject({
      chosen_by: z.enum(['party-arbitrators', 'parties', 'authority']),
      within_days: days.describe('days after the last party appointment'),
    }),
    fallback: z
      .strictObject({
        authority: z.string().describe('who appoints a missing arbitrator after the deadline'),
        after_days: days.describe('days after the missed deadline within which the authority appoints'),
        method: z.enum(['lot-among-neutral', 'choice']).default('lot-among-neutral'),
        cite,
      })
      .optional(),
    neutral_presiding: z
      .boolean()
      .default(true)
      .describe('the presiding arbitrator must pass the mediator-neutrality test'),
    award_within_days: days.optional().describe('days from the constitution of the tribunal to the award'),
    cite,
  })
  .describe('how an arbitral tribunal is composed');

const step = z.strictObject({
  id,
  kind: z.enum(STEP_KINDS),
  title: z.string(),
  started_by: z.array(z.enum(STARTERS)).min(1),
  body: z.string().optional().describe('the body that opens the step, convenes it or decides in it'),
  consent: z.enum(CONSENTS).optional().describe('for arbitration: how the parties consent'),
  subjects: z
    .array(z.enum(DISPUTE_SUBJECTS))
    .optional()
    .describe('subjects the step applies to; default all'),
  period_days: days.optional().describe('mandated period or deadline for the step to end'),
  start_within_days: days.optional().describe('days after the request by which the step must begin'),
  accept_days: days.optional().describe('days the parties have to accept a report or proposal'),
  binding: z.boolean().describe('whether a settlement, report or award of this step binds the parties'),
  mediator: z
    .boolean()
    .default(false)
    .describe('the step needs a neutral third party (mediator, conciliator)'),
  mediator_within_days: days.optional().describe('days to appoint the mediator'),
  tribunal: tribunal.optional(),
  next: id.optional().describe('the step that may follow when this one fails or is escalated'),
  quorum: z.string().optional().describe('in words, for conferences'),
  decision: z.string().optional().describe('how the step decides, in words'),
  note: z.string().optional(),
  cite,
});

const neutrality = z.strictObject({
  not_party: z.literal(true).default(true),
  alliances: z
    .array(z.string())
    .default([])
    .describe('organisations whose membership shared with a party on the filing date disqualifies'),
  same_attribute: z
    .array(z.string())
    .default([])
    .describe('member attributes (sub-groupings, e.g. subregion) that disqualify when shared with a party'),
  not_neighbour: z.boolean().default(true).describe('a land neighbour of a party is not neutral'),
  from: z.enum(['members', 'all-osce']).default('members').describe('the pool of candidates'),
  exclude: z.array(z.string()).default([]).describe('states the charter excludes outright'),
  cite,
});

const compliance = z.strictObject({
  within_days: days.describe('days after the award by which the losing party must comply'),
  escalate_to: z.strictObject({ body: id, category: id.optional() }),
  cite,
});

export const disputesSchema = z
  .strictObject({
    summary: z.string(),
    subjects: z.array(z.enum(DISPUTE_SUBJECTS)).min(1).describe('subjects the procedure covers'),
    steps: z.array(step).min(1),
    first: id.describe('the step a case opens with'),
    neutrality: neutrality.optional(),
    compliance: compliance.optional(),
    choices: z.array(choice).default([]),
    cite,
  })
  .describe('the dispute-settlement procedure');

const referendum = z.strictObject({
  required: z.boolean(),
  supervised_by: z.string().describe('who supervises'),
  observers_at_least: z.number().int().min(1).describe('observer states in the mission'),
  observers_neutral: z.boolean().describe('observer states must pass the neutrality test'),
  turnout_at_least: share,
  yes_at_least: share.describe('share of valid votes for the change'),
  cite,
});

export const territorySchema = z
  .strictObject({
    summary: z.string(),
    recognised_from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional()
      .describe('date from which current borders are recognised (default: in_force, else reference_date)'),
    border_change: z.strictObject({
      agreement: z.enum(['all-states-concerned', 'none']),
      referendum: referendum.optional(),
      cite,
    }),
    demilitarized_zones: z
      .strictObject({
        monitoring_at_least: z.number().int().min(1).describe('states in a monitoring mission'),
        monitors_neutral: z.boolean(),
        cite,
      })
      .optional(),
    choices: z.array(choice).default([]),
    cite,
  })
  .describe('the territorial regime: recognised borders, demilitarized zones, border changes');

export type Disputes = z.infer<typeof disputesSchema>;
export type DisputeStep = Disputes['steps'][number];
export type Tribunal = z.infer<typeof tribunal>;
export type Neutrality = z.infer<typeof neutrality>;
export type Territory = z.infer<typeof territorySchema>;
export type DisputeSubject = (typeof DISPUTE_SUBJECTS)[number];
