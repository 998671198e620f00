import type { Charter } from '../charter/schema.ts';
import { describeRule } from '../rules/describe.ts';

/** One point on which two architectures may differ. */
export interface DiffPoint {
  topic: string;
  aspect: string;
  a: string;
  b: string;
  same: boolean;
  citeA?: string;
  citeB?: string;
}

export interface CharterDiff {
  a: string;
  b: string;
  points: DiffPoint[];
  differences: number;
}

/** How two architectures differ point by point: nature, scope, guarantees, accession, withdrawal, each body's rules. */
export function diffCharters(a: Charter, b: Charter): CharterDiff {
  const points: DiffPoint[] = [
    point('status', 'kind', a.status.kind, b.status.kind),
    point(
      'legal nature',
      'kind',
      a.legal_nature.kind,
      b.legal_nature.kind,
      a.legal_nature.cite,
      b.legal_nature.cite,
    ),
    point(
      'scope',
      'dimensions',
      a.scope.dimensions.join(', '),
      b.scope.dimensions.join(', '),
      a.scope.cite,
      b.scope.cite,
    ),
    point('members', 'who', membersText(a), membersText(b), a.members.cite, b.members.cite),
    ...guaranteePoints(a, b),
    point(
      'accession',
      'open to',
      a.accession.open_to,
      b.accession.open_to,
      a.accession.cite,
      b.accession.cite,
    ),
    point(
      'accession',
      'who may object',
      a.accession.objectors,
      b.accession.objectors,
      a.accession.cite,
      b.accession.cite,
    ),
    point('accession', 'ratification', a.accession.ratification, b.accession.ratification),
    point(
      'alliance choice',
      'may parties object to a state joining another alliance?',
      allianceText(a),
      allianceText(b),
      a.alliance_choice?.cite,
      b.alliance_choice?.cite,
    ),
    point(
      'withdrawal',
      'allowed',
      withdrawalText(a),
      withdrawalText(b),
      a.withdrawal.cite,
      b.withdrawal.cite,
    ),
    ...bodyPoints(a, b),
  ];
  return { a: a.id, b: b.id, points, differences: points.filter((p) => !p.same).length };
}

function point(
  topic: string,
  aspect: string,
  a: string,
  b: string,
  citeA?: string,
  citeB?: string,
): DiffPoint {
  const p: DiffPoint = { topic, aspect, a, b, same: a === b };
  if (citeA) p.citeA = citeA;
  if (citeB) p.citeB = citeB;
  return p;
}

function membersText(c: Charter): string {
  const parts: string[] = [];
  if (c.members.organisation)
    parts.push(
      `members of ${c.members.organisation.id}${c.members.organisation.as_of ? ` as of ${c.members.organisation.as_of}` : ''}`,
    );
  if (c.members.states?.length) parts.push(`${c.members.states.length} listed states`);
  if (c.members.organisations?.length)
    parts.push(`organisations: ${c.members.organisations.map((o) => o.id).join(', ')}`);
  if (c.members.exclude?.length) parts.push(`except ${c.members.exclude.join(', ')}`);
  return parts.join('; ');
}

function guaranteePoints(a: Charter, b: Charter): DiffPoint[] {
  const describe = (c: Charter, f: (g: Charter['guarantees'][number]) => string) =>
    c.guarantees.map(f).join('; ') || 'none';
  const collective = (g: Charter['guarantees'][number]) => g.triggers.includes('armed-attack');
  const main = (c: Charter) => c.guarantees.find(collective);
  const ga = main(a);
  const gb = main(b);
  return [
    point(
      'guarantee',
      'armed attack: obligation or right',
      ga ? ga.nature : 'none',
      gb ? gb.nature : 'none',
      ga?.cite,
      gb?.cite,
    ),
    point(
      'guarantee',
      'legally binding',
      ga ? String(ga.legally_binding) : 'n/a',
      gb ? String(gb.legally_binding) : 'n/a',
    ),
    point(
      'guarantee',
      'decided by',
      ga?.decided_by ? `${ga.decided_by.body}/${ga.decided_by.category}` : 'each member',
      gb?.decided_by ? `${gb.decided_by.body}/${gb.decided_by.category}` : 'each member',
    ),
    point(
      'guarantee',
      'all guarantees',
      describe(a, (g) => `${g.title} (${g.nature})`),
      describe(b, (g) => `${g.title} (${g.nature})`),
    ),
  ];
}

function allianceText(c: Charter): string {
  if (!c.alliance_choice) return 'not addressed';
  return c.alliance_choice.others_may_object
    ? `yes: ${c.alliance_choice.who} (${c.alliance_choice.basis})`
    : `no (${c.alliance_choice.basis})`;
}

function withdrawalText(c: Charter): string {
  const w = c.withdrawal;
  if (!w.allowed) return 'no';
  const notice =
    w.notice_days === null
      ? 'notice period left open'
      : w.notice_days !== undefined
        ? `${w.notice_days} days' notice`
        : 'no notice period stated';
  return `yes, ${notice}${w.earliest ? ` from ${w.earliest}` : ''}`;
}

function bodyPoints(a: Charter, b: Charter): DiffPoint[] {
  const rules = (c: Charter) =>
    c.bodies.flatMap((body) =>
      body.categories.map((k) => ({
        key: `${body.name}: ${k.name}`,
        text:
          describeRule(k.rule) +
          (k.recusal && k.recusal.parties !== 'vote' ? ` [parties to the matter: ${k.recusal.parties}]` : ''),
        cite: k.cite,
      })),
    );
  const ra = rules(a);
  const rb = rules(b);
  const list = (r: typeof ra) => r.map((x) => `${x.key} — ${x.text}`).join('\n');
  const points = [
    point(
      'decision rules',
      'bodies and categories',
      `${a.bodies.length} bodies, ${ra.length} categories`,
      `${b.bodies.length} bodies, ${rb.length} categories`,
    ),
  ];
  points.push(point('decision rules', 'every rule', list(ra), list(rb)));
  return points;
}
