import { type ParsedBound, parseBound } from './bound.ts';
import { COUNT, type Player } from './players.ts';
import type { AttributeValue, Base, Filter, Rule, Side } from './types.ts';
import { operatorOf } from './types.ts';

/** A rule bound to a list of players: weights resolved to integers, filters to masks. Pure data. */
export type CompiledRule = CompiledMeta &
  (
    | {
        op: 'quota' | 'quorum';
        weightName: string;
        /** Integer weight per player (scaled by `scale` when the attribute has decimals). */
        weights: number[];
        scale: number;
        bound: ParsedBound;
        strict: boolean;
        base: Base;
        side: Side;
        mask: boolean[] | null;
      }
    | { op: 'all' | 'any'; children: CompiledRule[] }
    | { op: 'not'; child: CompiledRule }
    | { op: 'unanimous' | 'consensus'; mask: boolean[] | null }
    | {
        op: 'groups';
        by: string;
        groupOf: (string | null)[];
        groupNames: string[];
        child: CompiledRule;
        atLeast: number;
      }
  );

interface CompiledMeta {
  label?: string;
  cite?: string;
  rationale?: string;
  /** JSON path of the clause in its document, for error messages and traces. */
  path: (string | number)[];
}

export class RuleError extends Error {
  constructor(
    message: string,
    readonly path: (string | number)[],
    readonly hint: string,
  ) {
    super(message);
    this.name = 'RuleError';
  }
}

/** Binds a rule to players. Throws RuleError (with the clause's path and a hint) for unusable rules. */
export function compileRule(
  rule: Rule,
  players: Player[],
  path: (string | number)[] = ['rule'],
): CompiledRule {
  const meta: CompiledMeta = { path };
  if (rule.label !== undefined) meta.label = rule.label;
  if (rule.cite !== undefined) meta.cite = rule.cite;
  if (rule.rationale !== undefined) meta.rationale = rule.rationale;
  const op = operatorOf(rule);
  switch (op) {
    case 'quota':
    case 'quorum': {
      const spec =
        'quota' in rule ? rule.quota : 'quorum' in rule ? { ...rule.quorum, side: 'present' as Side } : null;
      if (!spec) throw new Error('unreachable');
      const at = [...path, op];
      const raw = spec.more_than ?? spec.at_least;
      if (raw === undefined || (spec.more_than !== undefined && spec.at_least !== undefined)) {
        throw new RuleError(
          `${op} needs exactly one of "at_least" or "more_than"`,
          at,
          'write e.g. at_least: "65%"',
        );
      }
      const bound = parseBound(raw);
      if (typeof bound === 'string')
        throw new RuleError(
          bound,
          [...at, spec.more_than ? 'more_than' : 'at_least'],
          'use a number, "65%" or "2/3"',
        );
      const { weights, scale } = resolveWeights(spec.weight, players, [...at, 'weight']);
      return {
        ...meta,
        op,
        weightName: spec.weight,
        weights,
        scale,
        bound,
        strict: spec.more_than !== undefined,
        base: op === 'quorum' ? 'members' : (spec.of ?? 'members'),
        side: spec.side ?? 'yes',
        mask: compileFilter(spec.where, players, [...at, 'where']),
      };
    }
    case 'all':
    case 'any': {
      const list = (rule as { all?: Rule[]; any?: Rule[] })[op]!;
      if (list.length === 0)
        throw new RuleError(`"${op}" needs at least one rule`, [...path, op], 'list one or more rules');
      return { ...meta, op, children: list.map((r, i) => compileRule(r, players, [...path, op, i])) };
    }
    case 'not':
      return { ...meta, op, child: compileRule((rule as { not: Rule }).not, players, [...path, 'not']) };
    case 'unanimous':
    case 'consensus': {
      const spec = (rule as { unanimous?: { where?: Filter }; consensus?: { where?: Filter } })[op] ?? {};
      return { ...meta, op, mask: compileFilter(spec.where, players, [...path, op, 'where']) };
    }
    case 'groups': {
      const spec = (rule as Extract<Rule, { groups: unknown }>).groups;
      const at = [...path, 'groups'];
      const mask = compileFilter(spec.where, players, [...at, 'where']);
      const groupOf = players.map((p, i) => {
        if (mask && !mask[i]) return null;
        const v = p.attributes[spec.by];
        if (v === undefined) {
          throw new RuleError(
            `player ${p.id} has no attribute "${spec.by}" to group by`,
            [...at, 'by'],
            hintForAttribute(spec.by, players),
          );
        }
        return String(v);
      });
      const groupNames = [...new Set(groupOf.filter((g): g is string => g !== null))].sort();
      if (!Number.isInteger(spec.at_least) || spec.at_least < 1) {
        throw new RuleError(
          'groups.at_least must be a positive whole number',
          [...at, 'at_least'],
          'e.g. at_least: 4',
        );
      }
      return {
        ...meta,
        op,
        by: spec.by,
        groupOf,
        groupNames,
        atLeast: spec.at_least,
        child: compileRule(spec.rule, players, [...at, 'rule']),
      };
    }
  }
}

function resolveWeights(
  name: string,
  players: Player[],
  path: (string | number)[],
): { weights: number[]; scale: number } {
  if (name === COUNT) return { weights: players.map(() => 1), scale: 1 };
  const raw = players.map((p) => {
    const v = p.attributes[name];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      const why = v === undefined ? 'has no' : 'has a non-numeric or negative';
      throw new RuleError(
        `player ${p.id} ${why} weight attribute "${name}"`,
        path,
        hintForAttribute(name, players),
      );
    }
    return v;
  });
  // Decimal weights are scaled to integers once, here, so every comparison downstream is exact.
  const decimals = Math.max(0, ...raw.map(decimalPlaces));
  const scale = 10 ** Math.min(decimals, 9);
  return { weights: raw.map((v) => Math.round(v * scale)), scale };
}

function decimalPlaces(x: number): number {
  if (Number.isInteger(x)) return 0;
  const text = x.toString();
  const m = /\.(\d+)(?:e-(\d+))?$/.exec(text) ?? /e-(\d+)$/.exec(text);
  if (!m) return 0;
  return (m[1]?.length ?? 0) + Number(m[2] ?? 0);
}

function compileFilter(
  filter: Filter | undefined,
  players: Player[],
  path: (string | number)[],
): boolean[] | null {
  if (!filter || Object.keys(filter).length === 0) return null;
  // With no players at all (every member recused) there is nobody to check the attribute against.
  for (const key of players.length > 0 ? Object.keys(filter) : []) {
    if (!players.some((p) => p.attributes[key] !== undefined)) {
      throw new RuleError(
        `no player has the attribute "${key}" used in a filter`,
        [...path, key],
        hintForAttribute(key, players),
      );
    }
  }
  return players.map((p) =>
    Object.entries(filter).every(([key, want]) => {
      const have = p.attributes[key];
      const options: AttributeValue[] = Array.isArray(want) ? want : [want];
      return have !== undefined && options.some((o) => o === have);
    }),
  );
}

function hintForAttribute(name: string, players: Player[]): string {
  const known = new Set<string>([COUNT]);
  for (const p of players) for (const k of Object.keys(p.attributes)) known.add(k);
  return `known attributes: ${[...known].sort().join(', ')}${name ? '' : ''}`;
}
