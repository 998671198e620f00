// Scenario files: a crisis as data — its parties, incidents over time, each member's stance, assumptions and
// sources. Read with the engine's hardened document reader and validated with zod, like charters.
import { z } from 'zod';
import { CharterError } from '../charter/errors.ts';
import { fromZod } from '../charter/load.ts';
import { locate } from '../charter/locate.ts';
import { PARTY_ROLES, RUNG_KINDS, SEVERITY_MAX, TRIGGERS } from '../charter/schema.ts';
import { readDocument } from '../document/index.ts';
import { closestIds, isIsoDate, isStateId, world } from '../world/index.ts';
import { STANCE_PROFILES } from './stance.ts';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and hyphens');
const stateId = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166 alpha-3 state id such as EST');
const probability = z.number().min(0).max(1);
const kindProbabilities = z.partialRecord(z.enum(RUNG_KINDS), probability);

/** What can happen in a crisis: the charter triggers, and a de-escalation that lowers the severity. */
export const INCIDENT_TYPES = [...TRIGGERS, 'de-escalation'] as const;

const incident = z.strictObject({
  day: z.number().int().nonnegative().describe('days from the start of the scenario'),
  type: z.enum(INCIDENT_TYPES),
  severity: z.number().int().min(0).max(SEVERITY_MAX).describe('0 (over) to 5 (large-scale armed attack)'),
  place: stateId.describe('the state on whose territory it happens'),
  by: stateId.optional().describe('the state responsible, if known'),
  troops: z.number().int().nonnegative().optional(),
  battle_tanks: z.number().int().nonnegative().optional(),
  acvs: z.number().int().nonnegative().optional(),
  artillery: z.number().int().nonnegative().optional(),
  deterrable: probability
    .optional()
    .describe('chance that a measure adopted before this day (beyond consultations) prevents this incident'),
  text: z.string(),
  source: z.string().optional().describe('id of an entry in sources'),
});

const source = z.strictObject({
  id,
  title: z.string(),
  url: z.string().optional(),
  note: z.string().optional(),
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  id,
  title: z.string().min(1),
  kind: z.enum(['historical', 'hypothetical']),
  date: z
    .string()
    .refine(isIsoDate, 'a real date as YYYY-MM-DD')
    .describe('day 0; membership as of this date'),
  summary: z.string(),
  parties: z
    .array(z.strictObject({ id: stateId, role: z.enum(PARTY_ROLES), note: z.string().optional() }))
    .min(1),
  incidents: z.array(incident).min(1),
  stances: z
    .strictObject({
      default: z.string().default('neutral').describe('profile of members not named elsewhere'),
      alignments: z.record(stateId, z.string()).default({}).describe('member → profile name'),
      profiles: z.record(z.string(), kindProbabilities).default({}).describe('new or overriding profiles'),
      members: z
        .record(stateId, kindProbabilities)
        .default({})
        .describe('explicit probabilities per rung kind'),
      cohesion: probability
        .default(0.5)
        .describe('how far members move together at a vote: 0 independent, 1 all follow one common mood'),
      abstention: probability
        .default(0.5)
        .describe('share of members not supporting a rung who abstain rather than vote against'),
      obligation_weight: probability
        .default(0)
        .describe(
          "how far a binding obligation raises a bound member's support for the rung that would bind it: p + w·(1 − p)",
        ),
      note: z.string().optional(),
    })
    .default({
      default: 'neutral',
      alignments: {},
      profiles: {},
      members: {},
      cohesion: 0.5,
      abstention: 0.5,
      obligation_weight: 0,
    }),
  dynamics: z
    .strictObject({
      horizon_days: z.number().int().positive().default(90),
      step_days: z.number().int().positive().default(7),
      escalate_if_unanswered: probability
        .default(0)
        .describe('chance that an incident no rung answered is followed, a step later, by a graver one'),
      escalates_to: z.enum(TRIGGERS).optional().describe('type of that graver incident (default: the same)'),
      note: z.string().optional(),
    })
    .default({ horizon_days: 90, step_days: 7, escalate_if_unanswered: 0 }),
  assumptions: z.array(z.string()).default([]),
  sources: z.array(source).default([]),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type Incident = Scenario['incidents'][number];

/** A problem a user can fix in a scenario file; reported like a charter error (file:line:column, path, hint). */
export class ScenarioError extends CharterError {
  override toJSON() {
    return { ...super.toJSON(), error: 'scenario' };
  }
}

/** Reads, validates and checks a scenario; throws one ScenarioError naming where and how to fix the first problem. */
export function parseScenario(
  text: string,
  options: { source: string; format?: 'yaml' | 'json' | 'auto' },
): Scenario {
  const read = readDocument(text, { source: options.source, format: options.format ?? 'auto' });
  if (!read.ok) {
    const e = read.error;
    throw new ScenarioError(e.message, e.source, e.path ?? [], e.hint, e.line, e.column);
  }
  return validateScenario(read.value, options.source, text);
}

export function validateScenario(value: unknown, source: string, text?: string): Scenario {
  const parsed = scenarioSchema.safeParse(value);
  if (!parsed.success) {
    const e = fromZod(parsed.error, source, text);
    throw new ScenarioError(e.message, source, e.path, scenarioHint(e.hint), e.line, e.column);
  }
  const problem = checkScenario(parsed.data);
  if (problem) {
    const pos = text !== undefined ? locate(text, problem.path) : undefined;
    throw new ScenarioError(problem.message, source, problem.path, problem.hint, pos?.line, pos?.column);
  }
  return parsed.data;
}

function scenarioHint(hint: string): string {
  return hint
    .replace(
      'docs/charter-language.md or the JSON Schema (concert schema)',
      'docs/crisis.md (scenario files)',
    )
    .replace('see docs/charter-language.md', 'see docs/crisis.md (scenario files)');
}

interface Problem {
  message: string;
  path: (string | number)[];
  hint: string;
}

function checkScenario(s: Scenario): Problem | undefined {
  const states = (ids: [string, (string | number)[]][]): Problem | undefined => {
    for (const [sid, path] of ids) {
      if (!isStateId(sid)) {
        const near = closestIds(
          sid,
          world.states.map((x) => x.id),
        );
        return {
          message: `unknown state "${sid}"`,
          path,
          hint: near.length
            ? `did you mean ${near.join(' or ')}?`
            : 'use ISO 3166 alpha-3 ids (concert members OSCE)',
        };
      }
    }
    return undefined;
  };
  const ids: [string, (string | number)[]][] = [
    ...s.parties.map((p, i): [string, (string | number)[]] => [p.id, ['parties', i, 'id']]),
    ...s.incidents.flatMap((e, i): [string, (string | number)[]][] => [
      [e.place, ['incidents', i, 'place']],
      ...(e.by ? [[e.by, ['incidents', i, 'by']] as [string, (string | number)[]]] : []),
    ]),
    ...Object.keys(s.stances.alignments).map((k): [string, (string | number)[]] => [
      k,
      ['stances', 'alignments', k],
    ]),
    ...Object.keys(s.stances.members).map((k): [string, (string | number)[]] => [
      k,
      ['stances', 'members', k],
    ]),
  ];
  const unknown = states(ids);
  if (unknown) return unknown;
  const profiles = new Set([...Object.keys(STANCE_PROFILES), ...Object.keys(s.stances.profiles)]);
  const named: [string, (string | number)[]][] = [
    [s.stances.default, ['stances', 'default']],
    ...Object.entries(s.stances.alignments).map(([k, v]): [string, (string | number)[]] => [
      v,
      ['stances', 'alignments', k],
    ]),
  ];
  for (const [name, path] of named) {
    if (!profiles.has(name))
      return {
        message: `unknown stance profile "${name}"`,
        path,
        hint: `profiles: ${[...profiles].join(', ')}`,
      };
  }
  for (let i = 1; i < s.incidents.length; i++) {
    if (s.incidents[i]!.day < s.incidents[i - 1]!.day)
      return {
        message: `incident on day ${s.incidents[i]!.day} comes after one on day ${s.incidents[i - 1]!.day}`,
        path: ['incidents', i, 'day'],
        hint: 'list incidents in the order they happen',
      };
  }
  const sourceIds = new Set(s.sources.map((x) => x.id));
  for (const [i, e] of s.incidents.entries()) {
    if (e.source !== undefined && !sourceIds.has(e.source))
      return {
        message: `incident cites unknown source "${e.source}"`,
        path: ['incidents', i, 'source'],
        hint: `sources: ${[...sourceIds].join(', ') || 'none — add a sources list'}`,
      };
  }
  if (s.kind === 'historical' && s.sources.length === 0)
    return {
      message: 'a historical scenario needs sources',
      path: ['sources'],
      hint: 'cite where each incident is recorded',
    };
  return undefined;
}

/** JSON Schema of scenario files, for editors. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://concert.invalid/schema/scenario.json',
    title: 'Concert crisis scenario',
  };
}
