// The rules every read value obeys, whatever its syntax: plain JSON data (objects, arrays, strings, finite
// numbers, booleans, null), no key that reaches JavaScript's prototype machinery, no key twice, and bounded
// depth and size.
import { type ProblemPlace, refuse } from './problem.ts';
import type { Limits } from './types.ts';

/** Keys that pollute or confuse objects when code downstream copies or merges them naively. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A mapping under construction: checks each key once, in linear time, before its value is read. */
export class PlainMapping {
  readonly value: Record<string, unknown> = {};
  private readonly seen = new Set<string>();

  /** Accepts `key` for this mapping or refuses it; `place` points at the key. */
  claim(key: string, place: ProblemPlace): void {
    if (FORBIDDEN_KEYS.has(key)) {
      refuse(
        `the key "${key}" is not allowed`,
        `rename it; "__proto__", "constructor" and "prototype" are reserved because they can alter objects`,
        place,
      );
    }
    if (this.seen.has(key)) {
      refuse(
        `the key "${printable(key)}" appears twice in this mapping`,
        'keep one of them; a mapping holds each key once',
        place,
      );
    }
    this.seen.add(key);
  }

  /** Stores a claimed key's value as an own, enumerable property (never through a setter). */
  set(key: string, value: unknown): void {
    Object.defineProperty(this.value, key, { value, enumerable: true, writable: true, configurable: true });
  }
}

/** Counts nodes and checks depth as a parser descends. */
export class NodeBudget {
  private nodes = 0;

  constructor(private readonly limits: Limits) {}

  /** Counts one node (a key, a value, a mapping or a sequence). */
  count(place: ProblemPlace): void {
    this.nodes++;
    if (this.nodes > this.limits.maxNodes) {
      refuse(
        `the document has more than ${this.limits.maxNodes} nodes (keys and values)`,
        'split it into smaller documents, or raise maxNodes if this size is really intended',
        place,
      );
    }
  }

  /** Checks a mapping or sequence at `depth` (the top level is 1). */
  enter(depth: number, place: ProblemPlace): void {
    if (depth > this.limits.maxDepth) refuseDepth(this.limits.maxDepth, place);
  }
}

export function refuseDepth(maxDepth: number, place: ProblemPlace): never {
  refuse(
    `the document nests mappings and sequences more than ${maxDepth} levels deep`,
    'flatten the structure; deep nesting is usually a bracket or indentation mistake',
    place,
  );
}

/** A number as plain data: finite, exact if it is an integer, and never -0. */
export function plainNumber(value: number, written: string, place: ProblemPlace): number {
  if (!Number.isFinite(value)) {
    refuse(
      `the number ${written} is not finite`,
      'write a finite number, or put the value in quotes if it is meant as text',
      place,
    );
  }
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    refuse(
      `the number ${written} is too large to be represented exactly`,
      `use a number between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}, or quote it if it is an identifier`,
      place,
    );
  }
  return value === 0 ? 0 : value;
}

/** A string as plain data: encodable as UTF-8, so no unpaired surrogate from an escape like "\uD800". */
export function plainString(value: string, place: ProblemPlace): string {
  if (UNPAIRED_SURROGATE.test(value)) {
    refuse(
      'the text contains an escape for half of a UTF-16 surrogate pair',
      'escape the whole character (both halves, e.g. "\\uD83D\\uDE00") or write it directly',
      place,
    );
  }
  return value;
}

function printable(key: string): string {
  return key.length > 60 ? `${key.slice(0, 57)}...` : key;
}
