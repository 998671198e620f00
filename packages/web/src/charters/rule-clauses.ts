import { describeRule, type Rule } from '@concert/engine';

export interface Clause {
  /** Position in the rule tree ("0", "0.1", …): a stable key. */
  key: string;
  depth: number;
  /** "All of", "Any of", or the clause's label. */
  heading: string;
  /** The threshold in words, for leaf clauses. */
  text: string;
  /** The clause's own citation, else the nearest enclosing one (the category's at the top). */
  cite: string;
  inherited: boolean;
}

/** A rule as an outline of clauses, each with the article it encodes, for reading beside the text. */
export function clausesOf(rule: Rule, cite: string, key = '0'): Clause[] {
  const depth = key.split('.').length - 1;
  const own = rule.cite;
  const here = own ?? cite;
  const head = (fallback: string) => rule.label ?? fallback;
  const node = (heading: string, text: string): Clause => ({
    key,
    depth,
    heading,
    text,
    cite: here,
    inherited: !own,
  });
  if ('all' in rule)
    return [
      node(head('All of'), 'every clause below'),
      ...rule.all.flatMap((r, i) => clausesOf(r, here, `${key}.${i}`)),
    ];
  if ('any' in rule)
    return [
      node(head('Any of'), 'at least one clause below'),
      ...rule.any.flatMap((r, i) => clausesOf(r, here, `${key}.${i}`)),
    ];
  if ('not' in rule) return [node(head('Not'), `not (${describeRule(rule.not)})`)];
  if ('groups' in rule) return [node(head('Groups'), describeRule(rule))];
  return [node(head('Clause'), describeRule(rule))];
}
