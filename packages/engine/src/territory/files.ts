// Border-change requests and DMZ files from YAML or JSON, with line and column on every problem.
import type { z } from 'zod';
import { CharterError } from '../charter/errors.ts';
import { fromZod } from '../charter/load.ts';
import { locate } from '../charter/locate.ts';
import { readDocument } from '../document/index.ts';
import { type BorderChangeRequest, borderChangeSchema } from './change.ts';
import { type DmzFile, dmzFileSchema } from './dmz.ts';

function readValue(text: string, source: string, expect: 'mapping' | 'any' = 'mapping'): unknown {
  const read = readDocument(text, { source, format: 'auto', expect });
  if (!read.ok) {
    const e = read.error;
    throw new CharterError(e.message, e.source, e.path ?? [], e.hint, e.line, e.column);
  }
  return read.value;
}

function readWith<T extends z.ZodType>(schema: T, text: string, source: string): z.infer<T> {
  return validateWith(schema, readValue(text, source), source, text);
}

function validateWith<T extends z.ZodType>(
  schema: T,
  value: unknown,
  source: string,
  text: string,
): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fromZod(parsed.error, source, text);
  return parsed.data;
}

/**
 * One or more border changes from a file: a border-change request, a list of them, or the server's list of
 * accepted changes (`GET /api/territory/border-changes`, entries `{ id, request, … }`) saved to a file.
 */
export function parseBorderChanges(text: string, source: string): BorderChangeRequest[] {
  const value = readValue(text, source, 'any');
  if (!Array.isArray(value)) return [validateWith(borderChangeSchema, value, source, text)];
  return value.map((entry, i) => {
    const listed = entry !== null && typeof entry === 'object' && 'request' in entry;
    const request = listed ? (entry as { request: unknown }).request : entry;
    const parsed = borderChangeSchema.safeParse(request);
    if (parsed.success) return parsed.data;
    const e = fromZod(parsed.error, source);
    const path = [i, ...(listed ? ['request'] : []), ...e.path];
    const pos = locate(text, path);
    throw new CharterError(e.message, source, path, e.hint, pos?.line, pos?.column);
  });
}

export function parseBorderChange(text: string, source: string): BorderChangeRequest {
  return readWith(borderChangeSchema, text, source);
}

export function parseDmzFile(text: string, source: string): DmzFile {
  return readWith(dmzFileSchema, text, source);
}
