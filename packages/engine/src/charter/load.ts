import type { z } from 'zod';
import { readDocument } from '../document/index.ts';
import { closestIds, isStateId, world } from '../world/index.ts';
import { CharterError } from './errors.ts';
import { decisionGame, hasSeries, inForce, institutionOn, knownSeries } from './institution.ts';
import { locate } from './locate.ts';
import { type Charter, charterSchema } from './schema.ts';

export interface LoadOptions {
  /** File name or label used in messages. */
  source: string;
  format?: 'yaml' | 'json' | 'auto';
}

/**
 * Reads, validates and checks a charter: hardened parsing, the schema, then the references between its parts and
 * its rules against its members. Throws one CharterError naming where and how to fix the first problem.
 */
export function parseCharter(text: string, options: LoadOptions): Charter {
  const read = readDocument(text, { source: options.source, format: options.format ?? 'auto' });
  if (!read.ok) {
    const e = read.error;
    throw new CharterError(e.message, e.source, e.path ?? [], e.hint, e.line, e.column);
  }
  return validateCharter(read.value, options.source, text);
}

/** Validates an already-parsed value as a charter (see parseCharter). */
export function validateCharter(value: unknown, source: string, text?: string): Charter {
  const parsed = charterSchema.safeParse(value);
  if (!parsed.success) throw fromZod(parsed.error, source, text);
  try {
    checkReferences(parsed.data);
    checkRules(parsed.data);
  } catch (e) {
    if (e instanceof CharterError && text !== undefined && e.line === undefined) {
      const pos = locate(text, e.path);
      throw new CharterError(e.message, source, e.path, e.hint, pos?.line, pos?.column);
    }
    if (e instanceof CharterError)
      throw new CharterError(e.message, source, e.path, e.hint, e.line, e.column);
    throw e;
  }
  return parsed.data;
}

export function fromZod(error: z.ZodError, source: string, text?: string): CharterError {
  // The deepest issue is usually the most specific one.
  const issue = [...error.issues].sort((a, b) => b.path.length - a.path.length)[0]!;
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const pos = text !== undefined ? locate(text, path) : undefined;
  return new CharterError(issueMessage(issue), source, path, hintFor(issue), pos?.line, pos?.column);
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return `missing required field (expected ${issue.expected})`;
  return issue.message;
}

function hintFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return 'check the spelling against docs/charter-language.md or the JSON Schema (concert schema)';
    case 'invalid_value':
      return `allowed: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_type':
      return `expected ${issue.expected}`;
    default:
      return 'see docs/charter-language.md';
  }
}

function checkReferences(c: Charter): void {
  unique(
    c.bodies.map((b) => b.id),
    ['bodies'],
    'body',
  );
  for (const [i, b] of c.bodies.entries()) {
    unique(
      b.categories.map((k) => k.id),
      ['bodies', i, 'categories'],
      'decision category',
    );
  }
  unique(
    c.guarantees.map((g) => g.id),
    ['guarantees'],
    'guarantee',
  );
  unique(
    c.attributes.map((a) => a.name),
    ['attributes'],
    'attribute',
  );
  unique(
    c.provisions.map((p) => p.id),
    ['provisions'],
    'provision',
  );
  const refs: { ref: { body: string; category: string }; path: (string | number)[] }[] = [];
  if (c.accession.decided_by) refs.push({ ref: c.accession.decided_by, path: ['accession', 'decided_by'] });
  c.guarantees.forEach((g, i) => {
    if (g.decided_by) refs.push({ ref: g.decided_by, path: ['guarantees', i, 'decided_by'] });
    checkLadder(g, i);
    g.ladder.forEach((r, j) => {
      if (r.decided_by) refs.push({ ref: r.decided_by, path: ['guarantees', i, 'ladder', j, 'decided_by'] });
    });
  });
  for (const { ref, path } of refs) {
    const body = c.bodies.find((b) => b.id === ref.body);
    if (!body)
      throw new CharterError(
        `no body "${ref.body}"`,
        c.id,
        [...path, 'body'],
        `bodies: ${c.bodies.map((b) => b.id).join(', ')}`,
      );
    if (!body.categories.some((k) => k.id === ref.category)) {
      throw new CharterError(
        `body "${ref.body}" has no category "${ref.category}"`,
        c.id,
        [...path, 'category'],
        `categories: ${body.categories.map((k) => k.id).join(', ')}`,
      );
    }
  }
  if (c.members.organisation && !organisationIds().includes(c.members.organisation.id)) {
    throw new CharterError(
      `unknown organisation "${c.members.organisation.id}"`,
      c.id,
      ['members', 'organisation', 'id'],
      `known: ${organisationIds().join(', ')}`,
    );
  }
  const orgParties = new Set((c.members.organisations ?? []).map((o) => o.id));
  (c.members.states ?? []).forEach((entry, i) => {
    const e = typeof entry === 'string' ? { id: entry, name: undefined } : entry;
    if (!isStateId(e.id) && !e.name) {
      throw new CharterError(
        `unknown state "${e.id}"`,
        c.id,
        ['members', 'states', i],
        `use an ISO 3166 alpha-3 id (${suggest(e.id)}); for a state outside the OSCE area give its name: { id: ${e.id}, name: … }`,
      );
    }
  });
  const declared = new Set((c.members.states ?? []).map((e) => (typeof e === 'string' ? e : e.id)));
  c.attributes.forEach((a, i) => {
    for (const id of Object.keys(a.values)) {
      if (!isStateId(id) && !declared.has(id) && !orgParties.has(id)) {
        throw new CharterError(
          `attribute "${a.name}" names unknown member "${id}"`,
          c.id,
          ['attributes', i, 'values', id],
          suggest(id),
        );
      }
    }
  });
  const series = c.population_series === undefined ? [] : [c.population_series].flat();
  for (const s of series) {
    if (!hasSeries(s))
      throw new CharterError(
        `unknown population series "${s}"`,
        c.id,
        ['population_series'],
        `known series: ${knownSeries()}`,
      );
  }
}

function checkRules(c: Charter): void {
  const institution = institutionOn(c, c.reference_date);
  if (institution.members.length === 0) {
    throw new CharterError(
      `the charter has no members on its reference date ${c.reference_date}`,
      c.id,
      ['members'],
      'check members and reference_date',
    );
  }
  for (const body of c.bodies) {
    for (const category of body.categories) {
      // Check each rule on a date it is in force, so rules that have since lapsed are still checked.
      const date = inForce(category, c.reference_date)
        ? c.reference_date
        : (category.in_force?.to ?? category.in_force?.from)!;
      const inst = date === c.reference_date ? institution : institutionOn(c, date);
      decisionGame(inst, body.id, category.id);
    }
  }
}

/** Rung ids are distinct and a rung's `after` names an earlier rung, so a ladder is climbed in order. */
function checkLadder(g: Charter['guarantees'][number], i: number): void {
  unique(
    g.ladder.map((r) => r.id),
    ['guarantees', i, 'ladder'],
    'rung',
  );
  g.ladder.forEach((r, j) => {
    const after = r.activation.after;
    if (after !== undefined && !g.ladder.slice(0, j).some((e) => e.id === after)) {
      throw new CharterError(
        `rung "${r.id}" comes after "${after}", which is not an earlier rung of this ladder`,
        '',
        ['guarantees', i, 'ladder', j, 'activation', 'after'],
        `earlier rungs: ${
          g.ladder
            .slice(0, j)
            .map((e) => e.id)
            .join(', ') || 'none'
        }`,
      );
    }
  });
}

function unique(ids: string[], path: (string | number)[], what: string): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id))
      throw new CharterError(
        `duplicate ${what} id "${id}"`,
        '',
        [...path, i, 'id'],
        `give each ${what} a distinct id`,
      );
    seen.add(id);
  });
}

function organisationIds(): string[] {
  return ['OSCE', ...world.organisations.map((o) => o.id)];
}

function suggest(id: string): string {
  const near = closestIds(
    id,
    world.states.map((s) => s.id),
  );
  return near.length > 0 ? `did you mean ${near.join(' or ')}?` : 'see concert members OSCE for the ids';
}
