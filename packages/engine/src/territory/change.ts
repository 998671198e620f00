// Border-change requests. Valid only with the agreement of every state concerned and, where the charter says
// so, a referendum under international supervision meeting its conditions (000 §V ¶1: "only through mutual
// agreement with democratic validation through referendums under international supervision"). Each condition is
// checked and reported; an accepted change enters the registry from its effect date.
import { z } from 'zod';
import { institutionOn } from '../charter/institution.ts';
import type { Charter } from '../charter/schema.ts';
import { addDays } from '../disputes/calendar.ts';
import { type NeutralityOptions, partialityReasons } from '../disputes/index.ts';
import type { BorderRegistry } from './borders.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const count = z.number().int().nonnegative();
const pair = z.tuple([z.string(), z.string()]);

export const borderChangeSchema = z.strictObject({
  $schema: z.string().optional(),
  charter: z.string().min(1),
  id: z.string().min(1),
  title: z.string().optional(),
  area: z.strictObject({
    name: z.string().min(1),
    from: z.string(),
    to: z.string(),
    area_km2: z.number().positive().optional(),
  }),
  states_concerned: z.array(z.string()).min(1),
  requested: date,
  effective: date,
  agreements: z.array(z.strictObject({ state: z.string(), date, instrument: z.string() })).default([]),
  referendum: z
    .strictObject({
      date,
      supervised_by: z.string(),
      observers: z.array(z.string()).default([]),
      registered: count,
      votes_cast: count,
      valid: count,
      yes: count,
    })
    .optional(),
  borders: z
    .strictObject({ add: z.array(pair).default([]), remove: z.array(pair).default([]) })
    .default({ add: [], remove: [] }),
  note: z.string().optional(),
});

export type BorderChangeRequest = z.infer<typeof borderChangeSchema>;

export interface Check {
  check: string;
  ok: boolean;
  detail: string;
  cite: string;
}

export interface BorderChangeAssessment {
  request: string;
  accepted: boolean;
  /** The failed checks' details, in order: why the request is rejected. */
  reasons: string[];
  checks: Check[];
}

/**
 * Every condition of the charter's border-change rule, checked against the request. `options.neighboursOf`
 * (territory `landNeighbours`) lets the observers' neutrality see changes already accepted.
 */
export function assessBorderChange(
  charter: Charter,
  request: BorderChangeRequest,
  options: Pick<NeutralityOptions, 'neighboursOf'> = {},
): BorderChangeAssessment {
  const rule = charter.territory?.border_change;
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail: string, cite: string) =>
    checks.push({ check: name, ok, detail, cite });
  if (!rule) {
    check('rule', false, `${charter.id} has no border-change rule (territory.border_change)`, charter.id);
    return finish(request, checks);
  }
  const concerned = [...new Set(request.states_concerned)];
  const members = new Set(institutionOn(charter, request.requested).members.map((m) => m.id));
  for (const s of [request.area.from, request.area.to])
    check(
      'concerned',
      concerned.includes(s),
      `${s} ${concerned.includes(s) ? 'is' : 'must be'} among the states concerned`,
      rule.cite,
    );
  const outsiders = concerned.filter((s) => !members.has(s));
  check(
    'members',
    outsiders.length === 0,
    outsiders.length
      ? `not members on ${request.requested}: ${outsiders.join(', ')}`
      : 'every state concerned is a member',
    rule.cite,
  );
  check(
    'dates',
    request.effective >= request.requested,
    `effective ${request.effective}, requested ${request.requested}`,
    rule.cite,
  );
  if (rule.agreement === 'all-states-concerned') {
    const agreed = new Set(request.agreements.filter((a) => a.date <= request.effective).map((a) => a.state));
    const missing = concerned.filter((s) => !agreed.has(s));
    check(
      'agreement',
      missing.length === 0,
      missing.length
        ? `no agreement from ${missing.join(', ')} (every state concerned must agree, on or before the effect date)`
        : `agreed by ${concerned.join(', ')}`,
      rule.cite,
    );
  }
  const r = rule.referendum;
  if (r?.required) {
    const ref = request.referendum;
    if (!ref) check('referendum', false, 'no referendum under international supervision', r.cite);
    else {
      check(
        'referendum-date',
        ref.date <= request.effective && ref.date >= request.requested,
        `held ${ref.date}, between the request and the effect date`,
        r.cite,
      );
      check(
        'observers',
        ref.observers.length >= r.observers_at_least,
        `${ref.observers.length} observer states (at least ${r.observers_at_least})`,
        r.cite,
      );
      if (r.observers_neutral) {
        const partial = ref.observers
          .map((o) => ({ o, why: partialityReasons(charter, o, concerned, ref.date, options) }))
          .filter((x) => x.why.length > 0);
        check(
          'observers-neutral',
          partial.length === 0,
          partial.length
            ? partial.map((x) => `${x.o} ${x.why.join('; ')}`).join(' | ')
            : 'every observer state is neutral towards the states concerned',
          r.cite,
        );
      }
      const consistent =
        ref.votes_cast <= ref.registered && ref.valid <= ref.votes_cast && ref.yes <= ref.valid;
      check(
        'figures',
        consistent,
        consistent ? 'votes cast ≤ registered, valid ≤ cast, yes ≤ valid' : 'inconsistent figures',
        r.cite,
      );
      check(
        'turnout',
        atLeast(ref.votes_cast, ref.registered, r.turnout_at_least),
        `turnout ${pct(ref.votes_cast, ref.registered)} (at least ${r.turnout_at_least})`,
        r.cite,
      );
      check(
        'majority',
        atLeast(ref.yes, ref.valid, r.yes_at_least),
        `${pct(ref.yes, ref.valid)} of valid votes in favour (at least ${r.yes_at_least})`,
        r.cite,
      );
    }
  }
  return finish(request, checks);
}

/** Adds an accepted change to the registry: the area transfer and the border pairs it adds or ends. */
export function applyBorderChange(
  registry: BorderRegistry,
  request: BorderChangeRequest,
  assessment: BorderChangeAssessment,
): BorderRegistry {
  if (!assessment.accepted) return registry;
  const key = (a: string, b: string) => [a, b].sort().join('-');
  const removed = new Set(request.borders.remove.map(([a, b]) => key(a, b)));
  const borders = registry.borders.map((b) =>
    removed.has(key(b.a, b.b)) && b.to === undefined && b.from < request.effective
      ? { ...b, to: addDays(request.effective, -1) }
      : b,
  );
  for (const [x, y] of request.borders.add) {
    const [a, b] = [x, y].sort() as [string, string];
    borders.push({ a, b, from: request.effective, basis: `border change ${request.id}` });
  }
  return {
    ...registry,
    borders,
    transfers: [
      ...registry.transfers,
      {
        area: request.area.name,
        from: request.area.from,
        to: request.area.to,
        effective: request.effective,
        request: request.id,
      },
    ],
  };
}

function finish(request: BorderChangeRequest, checks: Check[]): BorderChangeAssessment {
  const failed = checks.filter((c) => !c.ok);
  return { request: request.id, accepted: failed.length === 0, reasons: failed.map((c) => c.detail), checks };
}

/** amount / base ≥ share, exactly: "55%" → 55/100, "2/3" → 2/3. */
export function atLeast(amount: number, base: number, share: string): boolean {
  if (base === 0) return false;
  const [num, den] = shareFraction(share);
  return BigInt(amount) * den >= num * BigInt(base);
}

function shareFraction(share: string): [bigint, bigint] {
  if (share.endsWith('%')) {
    const [int, frac = ''] = share.slice(0, -1).split('.');
    const den = 100n * 10n ** BigInt(frac.length);
    return [BigInt(`${int}${frac}`), den];
  }
  const [n, d] = share.split('/');
  return [BigInt(n!), BigInt(d!)];
}

function pct(a: number, b: number): string {
  return b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`;
}
