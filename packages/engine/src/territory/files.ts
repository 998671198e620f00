// Border-change requests and DMZ files from YAML or JSON, with line and column on every problem.
import type { z } from 'zod';
import { CharterError } from '../charter/errors.ts';
import { fromZod } from '../charter/load.ts';
import { readDocument } from '../document/index.ts';
import { type BorderChangeRequest, borderChangeSchema } from './change.ts';
import { type DmzFile, dmzFileSchema } from './dmz.ts';

function readWith<T extends z.ZodType>(schema: T, text: string, source: string): z.infer<T> {
  const read = readDocument(text, { source, format: 'auto' });
  if (!read.ok) {
    const e = read.error;
    throw new CharterError(e.message, e.source, e.path ?? [], e.hint, e.line, e.column);
  }
  const parsed = schema.safeParse(read.value);
  if (!parsed.success) throw fromZod(parsed.error, source, text);
  return parsed.data;
}

export function parseBorderChange(text: string, source: string): BorderChangeRequest {
  return readWith(borderChangeSchema, text, source);
}

export function parseDmzFile(text: string, source: string): DmzFile {
  return readWith(dmzFileSchema, text, source);
}
