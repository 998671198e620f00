// Fast evaluation of one ballot and of every single-vote change to it. An ensemble casts millions of ballots and
// asks, for each, whose vote decided it; `passes` re-sums every clause per question, so this evaluator sums
// each clause once per ballot and answers "what if member k voted otherwise?" from the sums. It agrees with
// `passes` on every ballot (tested), and falls back to it for rules it does not specialise (nested groups).
import { type CompiledRule, onSide, passes, type Vote } from '../rules/index.ts';

const YES = 0;
const NO = 1;
const ABSTAIN = 2;
const ABSENT = 3;
const CODE: Record<Vote, number> = { yes: YES, no: NO, abstain: ABSTAIN, absent: ABSENT };
const VOTE: Vote[] = ['yes', 'no', 'abstain', 'absent'];
/** `inGroup` outside any `groups` clause: a changed vote counts wherever it is summed. */
const EVERYWHERE = -2;

type Node =
  | {
      op: 'quota';
      weights: Float64Array;
      base: Uint8Array; // per vote code: 1 if in the base
      side: Uint8Array; // per vote code: 1 if on the side
      absolute: number | null;
      num: number;
      den: number;
      strict: boolean;
      sideSum: Float64Array;
      baseSum: Float64Array;
    }
  | { op: 'all' | 'any'; children: Node[] }
  | { op: 'not'; child: Node }
  | { op: 'count'; mask: Uint8Array; breaks: Uint8Array; breakers: Float64Array }
  | { op: 'groups'; groupOf: Int32Array; groups: number; child: Node; atLeast: number };

/** A compiled rule ready for repeated ballots over `n` players. */
export interface Swing {
  /** Sets the ballot (vote codes 0 yes, 1 no, 2 abstain, 3 absent) and returns whether it passes. */
  cast(votes: Uint8Array): boolean;
  /** Whether the last ballot would pass if player k voted `code` instead. */
  passesWith(k: number, code: number): boolean;
}

export function voteCode(v: Vote): number {
  return CODE[v];
}

export function swingFor(rule: CompiledRule, n: number): Swing {
  const root = build(rule, n, 1);
  if (!root) return fallback(rule, n);
  let ballot: Uint8Array = new Uint8Array(n);
  return {
    cast(votes) {
      ballot = votes;
      sum(root, votes);
      return evaluate(root, -1, 0, 0, 0, EVERYWHERE);
    },
    passesWith(k, code) {
      return evaluate(root, k, ballot[k]!, code, 0, EVERYWHERE);
    },
  };

  // The evaluation of a node in group `g` (0 outside groups), with player k's vote changed from `from` to `to`.
  function evaluate(node: Node, k: number, from: number, to: number, g: number, inGroup: number): boolean {
    switch (node.op) {
      case 'quota': {
        let s = node.sideSum[g]!;
        let b = node.baseSum[g]!;
        if (k >= 0 && (inGroup === EVERYWHERE || inGroup === g)) {
          const w = node.weights[k]!;
          s += w * (node.side[to]! - node.side[from]!);
          b += w * (node.base[to]! - node.base[from]!);
        }
        if (node.absolute !== null) return node.strict ? s > node.absolute : s >= node.absolute;
        const left = s * node.den;
        const right = node.num * b;
        return node.strict ? left > right : left >= right;
      }
      case 'all':
        for (const c of node.children) if (!evaluate(c, k, from, to, g, inGroup)) return false;
        return true;
      case 'any':
        for (const c of node.children) if (evaluate(c, k, from, to, g, inGroup)) return true;
        return false;
      case 'not':
        return !evaluate(node.child, k, from, to, g, inGroup);
      case 'count': {
        let c = node.breakers[g]!;
        if (k >= 0 && node.mask[k] && (inGroup === EVERYWHERE || inGroup === g))
          c += node.breaks[to]! - node.breaks[from]!;
        return c === 0;
      }
      case 'groups': {
        const kg = k >= 0 ? node.groupOf[k]! : -1;
        let met = 0;
        for (let h = 0; h < node.groups; h++) if (evaluate(node.child, k, from, to, h, kg)) met++;
        return met >= node.atLeast;
      }
    }
  }
}

/** Sums every clause over the ballot, per group below a `groups` node. */
function sum(node: Node, votes: Uint8Array, groupOf?: Int32Array): void {
  switch (node.op) {
    case 'quota': {
      node.sideSum.fill(0);
      node.baseSum.fill(0);
      for (let i = 0; i < votes.length; i++) {
        const w = node.weights[i]!;
        if (w === 0) continue;
        const g = groupOf ? groupOf[i]! : 0;
        if (g < 0) continue;
        const v = votes[i]!;
        node.sideSum[g]! += w * node.side[v]!;
        node.baseSum[g]! += w * node.base[v]!;
      }
      return;
    }
    case 'all':
    case 'any':
      for (const c of node.children) sum(c, votes, groupOf);
      return;
    case 'not':
      sum(node.child, votes, groupOf);
      return;
    case 'count': {
      node.breakers.fill(0);
      for (let i = 0; i < votes.length; i++) {
        if (!node.mask[i]) continue;
        const g = groupOf ? groupOf[i]! : 0;
        if (g < 0) continue;
        node.breakers[g]! += node.breaks[votes[i]!]!;
      }
      return;
    }
    case 'groups':
      sum(node.child, votes, node.groupOf);
      return;
  }
}

/** Builds the node tree; undefined when the rule has a shape this evaluator does not specialise. */
function build(rule: CompiledRule, n: number, groups: number, nested = false): Node | undefined {
  switch (rule.op) {
    case 'quota':
    case 'quorum': {
      const weights = Float64Array.from({ length: n }, (_, i) =>
        rule.mask && !rule.mask[i] ? 0 : rule.weights[i]!,
      );
      const total = weights.reduce((a, b) => a + b, 0);
      let absolute: number | null = null;
      let num = 0;
      let den = 1;
      if (rule.bound.kind === 'absolute') absolute = rule.bound.value;
      else {
        num = Number(rule.bound.num);
        den = Number(rule.bound.den);
        // Products must stay exact in doubles; otherwise use the exact path.
        if (!Number.isSafeInteger(total * Math.max(num, den))) return undefined;
        if (!weights.every(Number.isInteger)) return undefined;
      }
      return {
        op: 'quota',
        weights,
        base: Uint8Array.from(VOTE, (v) => (inBase(rule.base, v) ? 1 : 0)),
        side: Uint8Array.from(VOTE, (v) => (onSide(rule.side, v) ? 1 : 0)),
        absolute,
        num,
        den,
        strict: rule.strict,
        sideSum: new Float64Array(groups),
        baseSum: new Float64Array(groups),
      };
    }
    case 'all':
    case 'any': {
      const children = rule.children.map((c) => build(c, n, groups, nested));
      if (children.some((c) => c === undefined)) return undefined;
      return { op: rule.op, children: children as Node[] };
    }
    case 'not': {
      const child = build(rule.child, n, groups, nested);
      return child ? { op: 'not', child } : undefined;
    }
    case 'unanimous':
    case 'consensus':
      return {
        op: 'count',
        mask: Uint8Array.from({ length: n }, (_, i) => (rule.mask && !rule.mask[i] ? 0 : 1)),
        breaks: Uint8Array.from(VOTE, (v) => ((rule.op === 'unanimous' ? v !== 'yes' : v === 'no') ? 1 : 0)),
        breakers: new Float64Array(groups),
      };
    case 'groups': {
      if (nested) return undefined;
      const index = new Map(rule.groupNames.map((g, i) => [g, i]));
      const groupOf = Int32Array.from(rule.groupOf, (g) => (g === null ? -1 : (index.get(g) ?? -1)));
      const child = build(rule.child, n, rule.groupNames.length, true);
      return child
        ? { op: 'groups', groupOf, groups: rule.groupNames.length, child, atLeast: rule.atLeast }
        : undefined;
    }
  }
}

function fallback(rule: CompiledRule, n: number): Swing {
  const votes: Vote[] = new Array(n).fill('no');
  return {
    cast(codes) {
      for (let i = 0; i < n; i++) votes[i] = VOTE[codes[i]!]!;
      return passes(rule, votes);
    },
    passesWith(k, code) {
      const was = votes[k]!;
      votes[k] = VOTE[code]!;
      const r = passes(rule, votes);
      votes[k] = was;
      return r;
    },
  };
}

function inBase(base: 'members' | 'present' | 'voting', v: Vote): boolean {
  if (base === 'members') return true;
  if (base === 'present') return v !== 'absent';
  return v === 'yes' || v === 'no';
}
