import type { Bound } from './types.ts';

/** A threshold kept exact: either an absolute amount or a rational share of the base total. */
export type ParsedBound =
  | { kind: 'absolute'; value: number }
  | { kind: 'share'; num: bigint; den: bigint; text: string };

const PERCENT = /^(\d{1,3}(?:\.\d{1,6})?)\s*%$/;
const FRACTION = /^(\d{1,9})\s*\/\s*(\d{1,9})$/;

/** Parses "65%", "2/3" or a number. Returns an error message for anything else. */
export function parseBound(bound: Bound): ParsedBound | string {
  if (typeof bound === 'number') {
    if (!Number.isFinite(bound) || bound < 0) return `threshold ${bound} must be a non-negative number`;
    return { kind: 'absolute', value: bound };
  }
  const text = bound.trim();
  const percent = PERCENT.exec(text);
  if (percent) {
    const [whole, frac = ''] = percent[1]!.split('.');
    const den = 100n * 10n ** BigInt(frac.length);
    const num = BigInt(whole! + frac);
    if (num > den) return `threshold ${text} exceeds 100%`;
    return { kind: 'share', num, den, text };
  }
  const fraction = FRACTION.exec(text);
  if (fraction) {
    const num = BigInt(fraction[1]!);
    const den = BigInt(fraction[2]!);
    if (den === 0n) return `threshold ${text} divides by zero`;
    if (num > den) return `threshold ${text} exceeds the whole`;
    return { kind: 'share', num, den, text };
  }
  return `threshold "${text}" is not a number, a percentage like "65%" or a fraction like "2/3"`;
}

/**
 * Whether `amount` reaches the bound over a base whose total is `baseTotal`. Shares compare exactly in integer
 * arithmetic (amount·den ≥ num·base), so no result hinges on rounding a percentage.
 */
export function meets(amount: number, bound: ParsedBound, baseTotal: number, strict: boolean): boolean {
  if (bound.kind === 'absolute') return strict ? amount > bound.value : amount >= bound.value;
  const left = toBig(amount) * bound.den;
  const right = bound.num * toBig(baseTotal);
  return strict ? left > right : left >= right;
}

/** The threshold in the base's units, as a display number (exact comparison is done by `meets`). */
export function thresholdValue(bound: ParsedBound, baseTotal: number): number {
  if (bound.kind === 'absolute') return bound.value;
  return (Number(bound.num) * baseTotal) / Number(bound.den);
}

/** The smallest integer amount that meets the bound, for integer weights. */
export function minimumIntegerAmount(bound: ParsedBound, baseTotal: number, strict: boolean): number {
  if (bound.kind === 'absolute') return strict ? Math.floor(bound.value) + 1 : Math.ceil(bound.value);
  const product = bound.num * toBig(baseTotal);
  const q = product / bound.den;
  const exact = q * bound.den === product;
  return Number(strict || !exact ? q + 1n : q);
}

export function describeBound(bound: ParsedBound, strict: boolean): string {
  const text = bound.kind === 'absolute' ? String(bound.value) : bound.text;
  return `${strict ? '>' : '≥'} ${text}`;
}

function toBig(x: number): bigint {
  if (Number.isInteger(x)) return BigInt(x);
  // Non-integer weights (e.g. user attributes like 0.5) are scaled exactly through their decimal expansion.
  throw new RangeError(`non-integer weight ${x} reached exact comparison`);
}
