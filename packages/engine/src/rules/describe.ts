import type { Filter, Rule } from './types.ts';

/** A rule in words, e.g. "count ≥ 55% of members and population ≥ 65% of members". */
export function describeRule(rule: Rule): string {
  if ('all' in rule) return rule.all.map((r) => wrap(r)).join(' and ');
  if ('any' in rule) return rule.any.map((r) => wrap(r)).join(' or ');
  if ('not' in rule) return `not (${describeRule(rule.not)})`;
  if ('unanimous' in rule) return `unanimity${where(rule.unanimous.where)}`;
  if ('consensus' in rule) return `consensus${where(rule.consensus.where)} (no objection)`;
  if ('groups' in rule) {
    return `in at least ${rule.groups.at_least} groups by ${rule.groups.by}${where(rule.groups.where)}: ${describeRule(rule.groups.rule)}`;
  }
  if ('quorum' in rule) {
    const q = rule.quorum;
    return `quorum ${q.weight === 'count' ? 'members' : q.weight} present ${bound(q.at_least, q.more_than)}${where(q.where)}`;
  }
  const q = rule.quota;
  const side = q.side && q.side !== 'yes' ? `${q.side.replace('_', '-')} ` : '';
  const what = q.weight === 'count' ? 'members' : q.weight;
  const b = q.more_than ?? q.at_least;
  const base = typeof b === 'string' && q.of && q.of !== 'members' ? ` of those ${q.of}` : '';
  return `${side}${what} ${bound(q.at_least, q.more_than)}${base}${where(q.where)}`;
}

function wrap(rule: Rule): string {
  const text = describeRule(rule);
  return 'all' in rule || 'any' in rule ? `(${text})` : text;
}

function bound(atLeast: unknown, moreThan: unknown): string {
  return moreThan !== undefined ? `> ${moreThan}` : `≥ ${atLeast}`;
}

function where(filter: Filter | undefined): string {
  if (!filter) return '';
  const parts = Object.entries(filter).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : v}`);
  return parts.length ? ` [among ${parts.join(', ')}]` : '';
}
