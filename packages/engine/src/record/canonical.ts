import { RecordError } from './errors.ts';

/**
 * Deterministic JSON: object keys sorted by UTF-16 code unit, no whitespace, arrays in order, numbers as
 * JSON.stringify writes them (shortest round-trip form). Two parties that agree on a value agree on its bytes,
 * which is what makes a hash of it meaningful. Values JSON cannot carry faithfully are refused rather than
 * silently changed: undefined inside an array, functions, symbols, non-finite numbers, BigInt (convert to a
 * string first) and cycles. An object property whose value is undefined is omitted, as JSON.stringify does.
 * Nesting deeper than MAX_JSON_DEPTH is refused too, so hostile input fails as a RecordError rather than
 * overflowing the stack.
 */
export function canonicalJson(value: unknown): string {
  return write(value, [], new Set());
}

/** Deepest nesting accepted; an export (which adds 3 levels around content) is read with a limit of 256. */
export const MAX_JSON_DEPTH = 200;

function write(value: unknown, path: (string | number)[], open: Set<object>): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new RecordError(`${value} is not a finite number`, [...path]);
      return JSON.stringify(value);
    case 'bigint':
      throw new RecordError(
        'a BigInt cannot be written as JSON',
        [...path],
        'convert it to a decimal string',
      );
    case 'undefined':
      throw new RecordError('undefined cannot be written as JSON', [...path], 'use null');
    case 'function':
    case 'symbol':
      throw new RecordError(`a ${typeof value} cannot be written as JSON`, [...path]);
  }
  if (value === null) return 'null';
  const object = value as object;
  if (open.has(object)) throw new RecordError('the value contains a cycle', [...path]);
  if (path.length >= MAX_JSON_DEPTH)
    throw new RecordError(`the value nests deeper than ${MAX_JSON_DEPTH} levels`, path.slice(0, 3));
  open.add(object);
  let text: string;
  if (Array.isArray(object)) {
    const parts: string[] = [];
    for (let i = 0; i < object.length; i++) {
      path.push(i);
      parts.push(write(object[i], path, open));
      path.pop();
    }
    text = `[${parts.join(',')}]`;
  } else {
    const json = (object as { toJSON?: unknown }).toJSON;
    if (typeof json === 'function') {
      // Dates and similar: use the form JSON.stringify would (Date → ISO string).
      text = write(json.call(object), path, open);
    } else {
      const keys = Object.keys(object)
        .filter((k) => (object as Record<string, unknown>)[k] !== undefined)
        .sort(compareCodeUnits);
      const parts: string[] = [];
      for (const k of keys) {
        path.push(k);
        parts.push(`${JSON.stringify(k)}:${write((object as Record<string, unknown>)[k], path, open)}`);
        path.pop();
      }
      text = `{${parts.join(',')}}`;
    }
  }
  open.delete(object);
  return text;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
