import { describeBound, meets, thresholdValue } from './bound.ts';
import type { CompiledRule } from './compile.ts';
import type { Base, Side, Vote } from './types.ts';

/** One clause of a rule as evaluated on a ballot: its value, threshold, base, outcome and citation. */
export interface ClauseResult {
  op: CompiledRule['op'];
  path: (string | number)[];
  label?: string;
  cite?: string;
  rationale?: string;
  met: boolean;
  /** One line a person can read: "population 67.2% ≥ 65% of members ✓ (Art. 16(4) TEU)". */
  text: string;
  weight?: string;
  side?: Side;
  base?: Base;
  /** Summed weight of the side, in the attribute's own units. */
  value?: number;
  /** Total weight of the base, in the attribute's own units. */
  baseTotal?: number;
  /** The threshold in the attribute's units (a percentage resolved against the base). */
  threshold?: number;
  thresholdText?: string;
  /** Members on the counted side (for unanimity and consensus: those who break it). */
  members?: string[];
  group?: string;
  children?: ClauseResult[];
}

/** Fast yes/no evaluation, used by searches that evaluate many ballots. */
export function passes(rule: CompiledRule, votes: Vote[], inGroup?: (i: number) => boolean): boolean {
  switch (rule.op) {
    case 'quota':
    case 'quorum': {
      let side = 0;
      let base = 0;
      for (let i = 0; i < votes.length; i++) {
        if ((rule.mask && !rule.mask[i]) || (inGroup && !inGroup(i))) continue;
        const v = votes[i]!;
        const w = rule.weights[i]!;
        if (inBase(rule.base, v)) base += w;
        if (onSide(rule.side, v)) side += w;
      }
      return meets(side, rule.bound, base, rule.strict);
    }
    case 'all':
      return rule.children.every((c) => passes(c, votes, inGroup));
    case 'any':
      return rule.children.some((c) => passes(c, votes, inGroup));
    case 'not':
      return !passes(rule.child, votes, inGroup);
    case 'unanimous':
    case 'consensus':
      for (let i = 0; i < votes.length; i++) {
        if ((rule.mask && !rule.mask[i]) || (inGroup && !inGroup(i))) continue;
        if (rule.op === 'unanimous' ? votes[i] !== 'yes' : votes[i] === 'no') return false;
      }
      return true;
    case 'groups': {
      let count = 0;
      for (const g of groupsInScope(rule, votes.length, inGroup)) {
        const member = (i: number) => rule.groupOf[i] === g && (!inGroup || inGroup(i));
        if (passes(rule.child, votes, member)) count++;
      }
      return count >= rule.atLeast;
    }
  }
}

/** Full evaluation with a trace of every clause. */
export function trace(
  rule: CompiledRule,
  votes: Vote[],
  ids: string[],
  inGroup?: (i: number) => boolean,
): ClauseResult {
  const meta = pickMeta(rule);
  switch (rule.op) {
    case 'quota':
    case 'quorum': {
      let side = 0;
      let base = 0;
      const members: string[] = [];
      for (let i = 0; i < votes.length; i++) {
        if ((rule.mask && !rule.mask[i]) || (inGroup && !inGroup(i))) continue;
        const v = votes[i]!;
        const w = rule.weights[i]!;
        if (inBase(rule.base, v)) base += w;
        if (onSide(rule.side, v)) {
          side += w;
          members.push(ids[i]!);
        }
      }
      const met = meets(side, rule.bound, base, rule.strict);
      const value = side / rule.scale;
      const baseTotal = base / rule.scale;
      const threshold = thresholdValue(rule.bound, base) / rule.scale;
      const thresholdText = `${describeBound(rule.bound, rule.strict)}${rule.bound.kind === 'share' ? ` of ${rule.base}` : ''}`;
      const unit = rule.weightName === 'count' ? 'members' : rule.weightName;
      const name = rule.label ?? (rule.op === 'quorum' ? `${unit} present` : unit);
      const shown =
        rule.bound.kind === 'share'
          ? `${formatShare(side, base)} (${formatNumber(value)} of ${formatNumber(baseTotal)})`
          : formatNumber(value);
      const sideText =
        rule.op === 'quorum' ? 'present' : rule.side === 'yes' ? '' : `${rule.side.replace('_', '-')} `;
      const text = `${sideText}${name} ${shown} ${thresholdText} ${met ? '✓' : '✗'}${citeText(rule.cite)}`;
      return {
        ...meta,
        met,
        text,
        weight: rule.weightName,
        side: rule.side,
        base: rule.base,
        value,
        baseTotal,
        threshold,
        thresholdText,
        members,
      };
    }
    case 'all':
    case 'any': {
      const children = rule.children.map((c) => trace(c, votes, ids, inGroup));
      const met = rule.op === 'all' ? children.every((c) => c.met) : children.some((c) => c.met);
      const n = children.filter((c) => c.met).length;
      const need = rule.op === 'all' ? `all ${children.length}` : 'at least 1';
      const text = `${rule.label ?? rule.op}: ${n} of ${children.length} met, ${need} needed ${met ? '✓' : '✗'}${citeText(rule.cite)}`;
      return { ...meta, met, text, children };
    }
    case 'not': {
      const child = trace(rule.child, votes, ids, inGroup);
      const text = `${rule.label ?? 'not'}: the clause below must fail ${!child.met ? '✓' : '✗'}${citeText(rule.cite)}`;
      return { ...meta, met: !child.met, text, children: [child] };
    }
    case 'unanimous':
    case 'consensus': {
      const breakers: string[] = [];
      let considered = 0;
      for (let i = 0; i < votes.length; i++) {
        if ((rule.mask && !rule.mask[i]) || (inGroup && !inGroup(i))) continue;
        considered++;
        if (rule.op === 'unanimous' ? votes[i] !== 'yes' : votes[i] === 'no') breakers.push(ids[i]!);
      }
      const met = breakers.length === 0;
      const what =
        rule.op === 'unanimous'
          ? met
            ? `all ${considered} voted yes`
            : `not yes: ${breakers.join(', ')}`
          : met
            ? `no objection among ${considered}`
            : `objection by ${breakers.join(', ')}`;
      const text = `${rule.label ?? rule.op} — ${what} ${met ? '✓' : '✗'}${citeText(rule.cite)}`;
      return { ...meta, met, text, members: breakers };
    }
    case 'groups': {
      const children = groupsInScope(rule, votes.length, inGroup).map((g) => {
        const member = (i: number) => rule.groupOf[i] === g && (!inGroup || inGroup(i));
        return { ...trace(rule.child, votes, ids, member), group: g };
      });
      const n = children.filter((c) => c.met).length;
      const met = n >= rule.atLeast;
      const metGroups = children.filter((c) => c.met).map((c) => c.group);
      const text = `${rule.label ?? `groups by ${rule.by}`}: met in ${n} of ${children.length} (${metGroups.join(', ') || 'none'}) ≥ ${rule.atLeast} ${met ? '✓' : '✗'}${citeText(rule.cite)}`;
      return { ...meta, met, text, children };
    }
  }
}

/** Groups with at least one member in scope; an empty group (e.g. within an outer group) is no group. */
function groupsInScope(
  rule: Extract<CompiledRule, { op: 'groups' }>,
  n: number,
  inGroup?: (i: number) => boolean,
): string[] {
  if (!inGroup) return rule.groupNames;
  const present = new Set<string>();
  for (let i = 0; i < n; i++) if (inGroup(i) && rule.groupOf[i] !== null) present.add(rule.groupOf[i]!);
  return rule.groupNames.filter((g) => present.has(g));
}

export function inBase(base: Base, v: Vote): boolean {
  if (base === 'members') return true;
  if (base === 'present') return v !== 'absent';
  return v === 'yes' || v === 'no';
}

export function onSide(side: Side, v: Vote): boolean {
  switch (side) {
    case 'yes':
      return v === 'yes';
    case 'no':
      return v === 'no';
    case 'abstain':
      return v === 'abstain';
    case 'not_yes':
      return v !== 'yes';
    case 'present':
      return v !== 'absent';
  }
}

function pickMeta(rule: CompiledRule): Pick<ClauseResult, 'op' | 'path' | 'label' | 'cite' | 'rationale'> {
  const meta: Pick<ClauseResult, 'op' | 'path' | 'label' | 'cite' | 'rationale'> = {
    op: rule.op,
    path: rule.path,
  };
  if (rule.label !== undefined) meta.label = rule.label;
  if (rule.cite !== undefined) meta.cite = rule.cite;
  if (rule.rationale !== undefined) meta.rationale = rule.rationale;
  return meta;
}

function citeText(cite: string | undefined): string {
  return cite ? `, ${cite}` : '';
}

function formatShare(part: number, whole: number): string {
  if (whole === 0) return '0%';
  return `${((part * 100) / whole).toFixed(1)}%`;
}

export function formatNumber(x: number): string {
  return Number.isInteger(x)
    ? x.toLocaleString('en-GB')
    : x.toLocaleString('en-GB', { maximumFractionDigits: 4 });
}
