import type { Choice, Clause, Criterion, Poll, Standing } from './types.ts';

/** `continental:DEU` → `DEU`: the API names delegations by institution and member, standings by member. */
export const memberOf = (delegation: string) => delegation.slice(delegation.indexOf(':') + 1);

export function criterionLabel(c: Pick<Criterion, 'label' | 'group' | 'weight'>): string {
  const base = c.label ?? (c.weight === 'count' ? 'Members' : weightName(c.weight));
  return c.group ? `${c.group} (${base.toLowerCase()})` : base;
}

function weightName(weight: string): string {
  if (weight === 'population_thousands') return 'Population';
  const words = weight.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** A weight in words a reader can check: states counted as states, population in millions. */
export function formatAmount(value: number, weight: string): string {
  if (weight === 'count') return oneDecimal.format(value);
  if (weight === 'population_thousands') return `${oneDecimal.format(value / 1000)} million`;
  return integer.format(value);
}

export function share(value: number, total: number): string {
  if (total <= 0) return '0%';
  return `${oneDecimal.format((100 * value) / total)}%`;
}

/** The line under a bar: the count, the threshold and how far off it is, in text (never colour alone). */
export function criterionSummary(c: Criterion): string {
  const amount = `${formatAmount(c.value, c.weight)} of ${formatAmount(c.baseTotal, c.weight)} (${share(c.value, c.baseTotal)})`;
  const threshold = `threshold ${c.thresholdText ?? ''} = ${formatAmount(c.threshold, c.weight)}`.replace(
    '  ',
    ' ',
  );
  const status = c.met
    ? 'met'
    : c.distance > 0
      ? `not met, ${formatAmount(c.distance, c.weight)} short`
      : 'not met';
  return `${amount}; ${threshold}; ${status}`;
}

/** The bar's fill and threshold marker as percentages of its base, clamped to the bar. */
export function barGeometry(c: Pick<Criterion, 'value' | 'baseTotal' | 'threshold'>) {
  const pct = (x: number) => (c.baseTotal > 0 ? Math.min(100, Math.max(0, (100 * x) / c.baseTotal)) : 0);
  return { fill: pct(c.value), marker: pct(c.threshold) };
}

/**
 * What the live region says after a change. A secret poll's running tally is withheld by the server, so only
 * the number who have voted is announced.
 */
export function tallyAnnouncement(poll: Poll, standing: Standing | null): string {
  const eligible = standing?.eligible;
  const voted = `${poll.voted.length}${eligible ? ` of ${eligible}` : ''} delegations have voted`;
  if (poll.status === 'closed' && poll.result) {
    return `Poll ${poll.id} closed: ${poll.result.adopted ? 'adopted' : 'not adopted'}.`;
  }
  if (!poll.tally) return `Poll ${poll.id}: ${voted}.`;
  const t = poll.tally;
  return `Poll ${poll.id}: ${voted}; ${t.yes} yes, ${t.no} no, ${t.abstain} abstain.`;
}

export const CHOICE_LABEL: Record<Choice | 'absent', string> = {
  yes: 'Yes',
  no: 'No',
  abstain: 'Abstain',
  absent: 'Absent',
};

/**
 * One readable line per clause of the engine's explanation. Roll-call results carry the engine's own text; a
 * secret poll's aggregate does not, so the line is rebuilt from its totals (no member names exist to leak).
 */
const OP_NAME: Record<string, string> = { all: 'All of the following', any: 'Any of the following' };

export function clauseLine(c: Clause): string {
  // The engine's text for a clause inside a group names the group's rule, not the group.
  if (c.text) return c.group && !c.text.includes(c.group) ? `${c.group}: ${c.text}` : c.text;
  const mark = c.met ? '✓ met' : '✗ not met';
  const name = c.label ?? c.group ?? OP_NAME[c.op] ?? c.op;
  if (c.value !== undefined && c.baseTotal !== undefined && c.weight) {
    const threshold = c.threshold !== undefined ? `, threshold ${formatAmount(c.threshold, c.weight)}` : '';
    return `${name}: ${formatAmount(c.value, c.weight)} of ${formatAmount(c.baseTotal, c.weight)}${threshold} ${c.thresholdText ? `(${c.thresholdText}) ` : ''}${mark}`;
  }
  return `${name} ${mark}`;
}
