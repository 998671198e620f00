// An independent, deliberately naive reading of the rule language straight from its definition in
// docs/charter-language.md, used only by tests to check the compiled evaluator.
import type { Player } from './players.ts';
import type { Bound, Filter, Rule, Vote } from './types.ts';

export function oracle(rule: Rule, players: Player[], votes: Record<string, Vote>): boolean {
  return holds(rule, players, votes);
}

function holds(rule: Rule, players: Player[], votes: Record<string, Vote>): boolean {
  if ('all' in rule) return rule.all.every((r) => holds(r, players, votes));
  if ('any' in rule) return rule.any.some((r) => holds(r, players, votes));
  if ('not' in rule) return !holds(rule.not, players, votes);
  if ('unanimous' in rule)
    return players.filter((p) => matches(p, rule.unanimous.where)).every((p) => votes[p.id] === 'yes');
  if ('consensus' in rule)
    return !players.filter((p) => matches(p, rule.consensus.where)).some((p) => votes[p.id] === 'no');
  if ('groups' in rule) {
    const g = rule.groups;
    const inScope = players.filter((p) => matches(p, g.where));
    const names = [...new Set(inScope.map((p) => String(p.attributes[g.by])))];
    const met = names.filter((n) =>
      holds(
        g.rule,
        inScope.filter((p) => String(p.attributes[g.by]) === n),
        votes,
      ),
    );
    return met.length >= g.at_least;
  }
  const spec =
    'quota' in rule ? rule.quota : { ...rule.quorum, side: 'present' as const, of: 'members' as const };
  const counted = players.filter((p) => matches(p, spec.where));
  const w = (p: Player) => (spec.weight === 'count' ? 1 : (p.attributes[spec.weight] as number));
  const vote = (p: Player) => votes[p.id] ?? 'no';
  const inBase = (p: Player) =>
    (spec.of ?? 'members') === 'members'
      ? true
      : spec.of === 'present'
        ? vote(p) !== 'absent'
        : vote(p) === 'yes' || vote(p) === 'no';
  const side = spec.side ?? 'yes';
  const onSide = (p: Player) =>
    side === 'yes'
      ? vote(p) === 'yes'
      : side === 'no'
        ? vote(p) === 'no'
        : side === 'abstain'
          ? vote(p) === 'abstain'
          : side === 'not_yes'
            ? vote(p) !== 'yes'
            : vote(p) !== 'absent';
  const amount = counted.filter(onSide).reduce((s, p) => s + w(p), 0);
  const base = counted.filter(inBase).reduce((s, p) => s + w(p), 0);
  const strict = spec.more_than !== undefined;
  const threshold = resolve((spec.more_than ?? spec.at_least) as Bound, base);
  // Rationals compared by cross-multiplication with a tolerance-free integer check.
  return strict ? amount * threshold.den > threshold.num : amount * threshold.den >= threshold.num;
}

function resolve(bound: Bound, base: number): { num: number; den: number } {
  if (typeof bound === 'number') return { num: bound, den: 1 };
  if (bound.endsWith('%')) return { num: Number.parseFloat(bound) * 1000 * base, den: 100_000 };
  const [a, b] = bound.split('/').map(Number);
  return { num: a! * base, den: b! };
}

function matches(p: Player, where: Filter | undefined): boolean {
  if (!where) return true;
  return Object.entries(where).every(([k, v]) =>
    (Array.isArray(v) ? v : [v]).some((x) => x === p.attributes[k]),
  );
}
