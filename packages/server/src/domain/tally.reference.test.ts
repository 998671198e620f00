import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { InstitutionRow } from './institutions.ts';
import type { MotionRow } from './motions.ts';
import { gameOf } from './motions.ts';
import { ballotsFor, type Choice, decide } from './polls.ts';
import type { SessionRow } from './sessions.ts';

// The platform's result (what closePoll stores: gameOf → ballotsFor → decide) checked against a reference
// written here, deliberately naive, from the rule language's definition (docs/charter-language.md, "Rules")
// and the platform's ballot rules (docs/server.md: a delegation present but not voting abstains, one not
// checked in is absent, recused parties are left out). Random charters (rules, dated memberships, weights
// with zeros), random motions' parties and random ballots: 1,000 charters × 10 polls = 10,000 polls.

type Position = 'yes' | 'no' | 'abstain' | 'absent';
interface Person {
  id: string;
  weight: number;
  bloc: string;
}
type Bound = number | string;
type Filter = { bloc?: string | string[]; weight?: number | number[] };
// biome-ignore lint/suspicious/noExplicitAny: rules are generated and read as plain data
type Rule = any;

function meets(amount: number, base: number, spec: { at_least?: Bound; more_than?: Bound }): boolean {
  const strict = spec.more_than !== undefined;
  const bound = (strict ? spec.more_than : spec.at_least)!;
  // Compare amount with bound × base without division: amount × den against num × base.
  let left = amount;
  let right: number;
  if (typeof bound === 'number') right = bound;
  else if (bound.endsWith('%')) {
    left = amount * 100;
    right = Number(bound.slice(0, -1)) * base;
  } else {
    const [num, den] = bound.split('/').map(Number) as [number, number];
    left = amount * den;
    right = num * base;
  }
  return strict ? left > right : left >= right;
}

function inFilter(p: Person, where?: Filter): boolean {
  if (!where) return true;
  for (const [key, wanted] of Object.entries(where)) {
    const value = key === 'bloc' ? p.bloc : p.weight;
    if (!(Array.isArray(wanted) ? (wanted as unknown[]) : [wanted]).includes(value)) return false;
  }
  return true;
}

function reference(rule: Rule, people: Person[], position: (id: string) => Position): boolean {
  if (rule.all) return rule.all.every((r: Rule) => reference(r, people, position));
  if (rule.any) return rule.any.some((r: Rule) => reference(r, people, position));
  if (rule.not) return !reference(rule.not, people, position);
  if (rule.unanimous)
    return people.filter((p) => inFilter(p, rule.unanimous.where)).every((p) => position(p.id) === 'yes');
  if (rule.consensus)
    return people.filter((p) => inFilter(p, rule.consensus.where)).every((p) => position(p.id) !== 'no');
  if (rule.groups) {
    const scope = people.filter((p) => inFilter(p, rule.groups.where));
    const blocs = [...new Set(scope.map((p) => p.bloc))];
    const holding = blocs.filter((b) =>
      reference(
        rule.groups.rule,
        scope.filter((p) => p.bloc === b),
        position,
      ),
    );
    return holding.length >= rule.groups.at_least;
  }
  const weightOf = (spec: { weight: string }) => (p: Person) => (spec.weight === 'count' ? 1 : p.weight);
  if (rule.quorum) {
    const q = rule.quorum;
    const scope = people.filter((p) => inFilter(p, q.where));
    const w = weightOf(q);
    const present = scope.filter((p) => position(p.id) !== 'absent').reduce((s, p) => s + w(p), 0);
    return meets(
      present,
      scope.reduce((s, p) => s + w(p), 0),
      q,
    );
  }
  const q = rule.quota;
  const scope = people.filter((p) => inFilter(p, q.where));
  const w = weightOf(q);
  const side: string = q.side ?? 'yes';
  const onSide = (v: Position) =>
    side === 'not_yes' ? v !== 'yes' : side === 'present' ? v !== 'absent' : v === side;
  const base: string = q.of ?? 'members';
  const inBase = (v: Position) =>
    base === 'members' ? true : base === 'present' ? v !== 'absent' : v === 'yes' || v === 'no';
  const amount = scope.filter((p) => onSide(position(p.id))).reduce((s, p) => s + w(p), 0);
  const total = scope.filter((p) => inBase(position(p.id))).reduce((s, p) => s + w(p), 0);
  return meets(amount, total, q);
}

// --- random charters, motions and ballots ----------------------------------------------------------------

const BLOCS = ['north', 'south', 'east'];
const bound: fc.Arbitrary<Bound> = fc.oneof(
  fc.integer({ min: 0, max: 12 }),
  fc.integer({ min: 0, max: 100 }).map((p) => `${p}%`),
  fc
    .integer({ min: 1, max: 5 })
    .chain((den) => fc.integer({ min: 0, max: den }).map((num) => `${num}/${den}`)), // at most the whole
);
const threshold = fc
  .tuple(fc.boolean(), bound)
  .map(([strict, b]) => (strict ? { more_than: b } : { at_least: b }));
const filter: fc.Arbitrary<Filter | undefined> = fc.option(
  fc.oneof(
    fc.subarray(BLOCS, { minLength: 1 }).map((b) => ({ bloc: b.length === 1 ? b[0]! : b })),
    fc.integer({ min: 0, max: 4 }).map((w) => ({ weight: w })),
  ),
  { nil: undefined, freq: 3 },
);
const withWhere = <T extends object>(spec: T, where: Filter | undefined) =>
  where ? { ...spec, where } : spec;
const weightName = fc.constantFrom('count', 'weight');

const { rule: ruleArb } = fc.letrec<{ rule: Rule }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .record({
        weight: weightName,
        t: threshold,
        of: fc.constantFrom(undefined, 'members', 'present', 'voting'),
        side: fc.constantFrom(undefined, 'yes', 'no', 'abstain', 'not_yes', 'present'),
        where: filter,
      })
      .map(({ weight, t, of, side, where }) => ({
        quota: withWhere({ weight, ...t, ...(of ? { of } : {}), ...(side ? { side } : {}) }, where),
      })),
    fc.record({ weight: weightName, t: threshold, where: filter }).map(({ weight, t, where }) => ({
      quorum: withWhere({ weight, ...t }, where),
    })),
    filter.map((where) => ({ unanimous: withWhere({}, where) })),
    filter.map((where) => ({ consensus: withWhere({}, where) })),
    fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('rule').map((not) => ({ not })),
    fc
      .record({ rule: tie('rule'), at_least: fc.integer({ min: 1, max: 3 }), where: filter })
      .map(({ rule, at_least, where }) => ({ groups: withWhere({ by: 'bloc', rule, at_least }, where) })),
  ),
}));

interface Declared extends Person {
  from?: string;
  to?: string;
}

const ADOPTED = '2026-01-01';
const declaredArb: fc.Arbitrary<Declared[]> = fc
  .array(
    fc.record({
      weight: fc.integer({ min: 0, max: 4 }), // zero-population members
      bloc: fc.constantFrom(...BLOCS),
      // Dated memberships: joined after, or left before, the adoption date means not a member then.
      dates: fc.constantFrom(
        'always',
        'always',
        'always',
        'joins-later',
        'left-before',
        'joined-before',
        'leaves-later',
      ),
    }),
    { minLength: 1, maxLength: 10 },
  )
  .map((rows) =>
    // The first member is always a member, so every charter has members on the adoption date.
    rows.map(({ weight, bloc, dates: d }, i) => ({ weight, bloc, dates: i === 0 ? 'always' : d, i })),
  )
  .map((rows) =>
    rows.map(({ weight, bloc, dates, i }) => ({
      id: `P${String(i + 1).padStart(2, '0')}`,
      weight,
      bloc,
      ...(dates === 'joins-later' ? { from: '2026-06-01' } : {}),
      ...(dates === 'left-before' ? { to: '2025-12-31' } : {}),
      ...(dates === 'joined-before' ? { from: '2020-01-01' } : {}),
      ...(dates === 'leaves-later' ? { to: '2026-01-01' } : {}),
    })),
  );

/** Per declared member: not checked in, present without voting, or a vote (perhaps after checking out). */
type Conduct = 'away' | 'silent' | Choice | 'voted-then-left';
const conductArb = fc.constantFrom<Conduct>(
  'away',
  'silent',
  'yes',
  'no',
  'abstain',
  'yes',
  'no',
  'voted-then-left',
);

const caseArb = declaredArb.chain((declared) =>
  fc.record({
    declared: fc.constant(declared),
    rule: ruleArb,
    recusal: fc.constantFrom('vote', 'excluded'),
    // P01 is never a party: with every member recused the engine has no game to play (a separate question).
    parties: fc.subarray(
      declared.slice(1).map((d) => d.id),
      { maxLength: Math.min(2, declared.length - 1) },
    ),
    polls: fc.array(fc.array(conductArb, { minLength: declared.length, maxLength: declared.length }), {
      minLength: 10,
      maxLength: 10,
    }),
  }),
);

function charterSource(declared: Declared[], rule: Rule, recusal: string): string {
  // JSON is YAML: the charter goes in as the text a secretariat would upload.
  return JSON.stringify({
    id: 'random',
    name: 'Random council (test charter)',
    summary: 'Generated by the reference-tally property.',
    status: { kind: 'draft' },
    reference_date: ADOPTED,
    legal_nature: { kind: 'political', cite: 'test' },
    scope: { dimensions: ['politico-military'], cite: 'test' },
    members: {
      states: declared.map((d) => ({
        id: d.id,
        name: `State ${d.id}`,
        ...(d.from ? { from: d.from } : {}),
        ...(d.to ? { to: d.to } : {}),
      })),
      cite: 'test',
    },
    attributes: [
      {
        name: 'weight',
        description: 'test weight',
        values: Object.fromEntries(declared.map((d) => [d.id, d.weight])),
        cite: 'test',
      },
      {
        name: 'bloc',
        description: 'test bloc',
        values: Object.fromEntries(declared.map((d) => [d.id, d.bloc])),
        cite: 'test',
      },
    ],
    bodies: [
      {
        id: 'council',
        name: 'Council',
        cite: 'test',
        categories: [
          { id: 'matter', name: 'Matter', cite: 'test', rule, recusal: { parties: recusal, cite: 'test' } },
        ],
      },
    ],
    accession: { open_to: 'nobody', objectors: 'none', ratification: 'none', cite: 'test' },
    withdrawal: { allowed: true, conditions: 'none', cite: 'test' },
  });
}

const isMember = (d: Declared) => (!d.from || d.from <= ADOPTED) && (!d.to || ADOPTED <= d.to);

it('decides 10,000 random polls exactly as an independent reference of the rules does', () => {
  let polls = 0;
  let adopted = 0;
  fc.assert(
    fc.property(caseArb, ({ declared, rule, recusal, parties, polls: ballots }) => {
      const institution: InstitutionRow = {
        id: 'random',
        charter_id: 'random',
        charter_source: charterSource(declared, rule, recusal),
        name: 'Random',
        adopted_on: ADOPTED,
        created_at: ADOPTED,
      };
      const session = { id: 1, institution_id: 'random', body_id: 'council' } as SessionRow;
      const members = declared.filter(isMember);
      const recused = recusal === 'excluded' ? parties.filter((p) => members.some((m) => m.id === p)) : [];
      const motion = { id: 1, category_id: 'matter', parties } as MotionRow;
      const ctx = { institution, session, motion };
      const game = gameOf(institution, session, motion);
      const taking = members.filter((m) => !recused.includes(m.id));
      expect(game.players.map((p) => p.id).sort()).toEqual(taking.map((m) => m.id).sort());
      for (const conduct of ballots) {
        const votes = new Map<string, Choice>();
        const present = new Set<string>();
        declared.forEach((d, i) => {
          const c = conduct[i]!;
          const delegation = `random:${d.id}`;
          if (c === 'silent' || c === 'yes' || c === 'no' || c === 'abstain') present.add(delegation);
          if (c === 'yes' || c === 'no' || c === 'abstain') votes.set(delegation, c);
          if (c === 'voted-then-left') votes.set(delegation, 'yes'); // the vote stands after checking out
        });
        const position = (id: string): Position => {
          const c = conduct[declared.findIndex((d) => d.id === id)]!;
          if (c === 'voted-then-left') return 'yes';
          if (c === 'away') return 'absent';
          if (c === 'silent') return 'abstain';
          return c;
        };
        const decision = decide(
          ctx,
          ballotsFor(
            institution,
            game.players.map((p) => p.id),
            votes,
            present,
          ),
        );
        const expected = reference(rule, taking, position);
        expect(decision.adopted, JSON.stringify({ rule, taking, conduct })).toBe(expected);
        const tally = { yes: 0, no: 0, abstain: 0, absent: 0 };
        for (const m of taking) tally[position(m.id)]++;
        expect(decision.tally).toEqual(tally);
        polls++;
        if (expected) adopted++;
      }
    }),
    { numRuns: 1000, seed: 20261201 },
  );
  expect(polls).toBe(10_000);
  // Both outcomes are exercised in earnest.
  expect(adopted).toBeGreaterThan(polls / 10);
  expect(polls - adopted).toBeGreaterThan(polls / 10);
}, 120_000);
