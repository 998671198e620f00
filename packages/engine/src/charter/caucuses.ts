import type { Rule } from '../rules/types.ts';
import type { Institution } from './institution.ts';
import type { Charter } from './schema.ts';

/**
 * A caucus: the members sharing a value of an attribute that some rule of the charter groups by (the
 * continental charter's regional sub-groupings, 000 §V ¶2, are its members grouped by `subregion`).
 */
export interface Caucus {
  by: string;
  name: string;
  members: string[];
}

/** The attributes the charter's rules group members by (`groups: { by: … }`), in order of first use. */
export function groupingAttributes(charter: Charter): string[] {
  const found = new Set<string>();
  const visit = (rule: Rule) => {
    if ('groups' in rule) {
      found.add(rule.groups.by);
      visit(rule.groups.rule);
    } else if ('all' in rule) rule.all.forEach(visit);
    else if ('any' in rule) rule.any.forEach(visit);
    else if ('not' in rule) visit(rule.not);
  };
  for (const body of charter.bodies) for (const category of body.categories) visit(category.rule as Rule);
  return [...found];
}

/**
 * The institution's caucuses on its date: for each grouping attribute, one caucus per value, members in
 * the institution's order. A member without the attribute belongs to no caucus of it. None if no rule groups.
 */
export function caucusesOf(institution: Institution): Caucus[] {
  return groupingAttributes(institution.charter).flatMap((by) => {
    const byName = new Map<string, string[]>();
    for (const m of institution.members) {
      const v = m.attributes[by];
      if (v === undefined) continue;
      const name = String(v);
      byName.set(name, [...(byName.get(name) ?? []), m.id]);
    }
    return [...byName.keys()].sort().map((name) => ({ by, name, members: byName.get(name)! }));
  });
}
