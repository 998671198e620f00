import { minimumIntegerAmount } from '../rules/bound.ts';
import type { CompiledRule } from '../rules/compile.ts';

/**
 * A rule as a boolean tree over linear leaves "Σ_{i in S} coef_i ≥ atLeast" (or "≤ atMost"), with S the yes-set
 * and everyone present. Enumeration and sampling update the leaf sums incrementally as one member joins or
 * leaves, so a coalition costs a few additions and one walk of the tree.
 */
export interface LinearForm {
  n: number;
  leaves: { coef: Float64Array; atLeast: number; atMost: number }[];
  /** For each player, the leaves it contributes to and how much. */
  touches: { leaf: number; coef: number }[][];
  /** Whether the coalition wins, given the current leaf sums. */
  wins: (sums: Float64Array) => boolean;
}

type Node = (sums: Float64Array) => boolean;

// Method choice, the exact methods and the blocking report all need the same form of one rule: build it once.
const cache = new WeakMap<CompiledRule, LinearForm>();

export function linearForm(rule: CompiledRule, n: number): LinearForm {
  const known = cache.get(rule);
  if (known && known.n === n) return known;
  const built = buildForm(rule, n);
  cache.set(rule, built);
  return built;
}

function buildForm(rule: CompiledRule, n: number): LinearForm {
  const leaves: LinearForm['leaves'] = [];
  const scopeAll = new Array<boolean>(n).fill(true);
  const wins = build(rule, scopeAll, leaves);
  const touches = Array.from({ length: n }, (_, i) =>
    leaves.flatMap((l, j) => (l.coef[i] !== 0 ? [{ leaf: j, coef: l.coef[i]! }] : [])),
  );
  return { n, leaves, touches, wins };
}

function build(rule: CompiledRule, scope: boolean[], leaves: LinearForm['leaves']): Node {
  const n = scope.length;
  switch (rule.op) {
    case 'quota':
    case 'quorum': {
      const inScope = scope.map((s, i) => s && (!rule.mask || rule.mask[i]!));
      const total = rule.weights.reduce((a, w, i) => a + (inScope[i] ? w : 0), 0);
      const need = minimumIntegerAmount(rule.bound, total, rule.strict);
      const side = rule.op === 'quorum' ? 'present' : rule.side;
      if (side === 'present') return constant(total >= need);
      if (side === 'abstain') return constant(0 >= need);
      const coef = Float64Array.from(rule.weights, (w, i) => (inScope[i] ? w : 0));
      const yes = side === 'yes';
      return leaf(
        leaves,
        coef,
        yes ? need : Number.NEGATIVE_INFINITY,
        yes ? Number.POSITIVE_INFINITY : total - need,
      );
    }
    case 'unanimous':
    case 'consensus': {
      // Everyone present votes yes or no, so "no objection" means everyone in scope says yes.
      const coef = Float64Array.from({ length: n }, (_, i) =>
        scope[i] && (!rule.mask || rule.mask[i]) ? 1 : 0,
      );
      const count = coef.reduce((a, b) => a + b, 0);
      return leaf(leaves, coef, count, Number.POSITIVE_INFINITY);
    }
    case 'all': {
      const kids = rule.children.map((c) => build(c, scope, leaves));
      return (s) => kids.every((k) => k(s));
    }
    case 'any': {
      const kids = rule.children.map((c) => build(c, scope, leaves));
      return (s) => kids.some((k) => k(s));
    }
    case 'not': {
      const kid = build(rule.child, scope, leaves);
      return (s) => !kid(s);
    }
    case 'groups': {
      const kids = rule.groupNames
        .map((g) => scope.map((s, i) => s && rule.groupOf[i] === g))
        .filter((groupScope) => groupScope.some(Boolean))
        .map((groupScope) => build(rule.child, groupScope, leaves));
      const need = rule.atLeast;
      return (s) => {
        let met = 0;
        for (const k of kids) if (k(s) && ++met >= need) return true;
        return false;
      };
    }
  }
}

function leaf(leaves: LinearForm['leaves'], coef: Float64Array, atLeast: number, atMost: number): Node {
  const j = leaves.length;
  leaves.push({ coef, atLeast, atMost });
  return (s) => s[j]! >= atLeast && s[j]! <= atMost;
}

function constant(value: boolean): Node {
  return () => value;
}
