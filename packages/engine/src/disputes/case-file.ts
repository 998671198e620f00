// Case files: a dispute as YAML or JSON — the charter it runs under and its events in date order. Read with the
// hardened document reader; every problem comes back as a CharterError with line and column.
import { z } from 'zod';
import { DISPUTE_SUBJECTS } from '../charter/disputes-schema.ts';
import { CharterError } from '../charter/errors.ts';
import { fromZod } from '../charter/load.ts';
import { locate } from '../charter/locate.ts';
import { readDocument } from '../document/index.ts';
import type { DisputeError, DisputeEvent } from './types.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const base = { date, note: z.string().optional() };
const who = z.union([z.string(), z.array(z.string()).min(1)]);

/** One event, as a server validates it before appending it to a case. */
export const disputeEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('file'),
    by: z.string(),
    parties: z.array(z.string()).min(2),
    subject: z.enum(DISPUTE_SUBJECTS),
    title: z.string().optional(),
  }),
  z.strictObject({ ...base, type: z.literal('open-step'), step: z.string(), by: who }),
  z.strictObject({ ...base, type: z.literal('propose-mediator'), by: z.string(), mediator: z.string() }),
  z.strictObject({ ...base, type: z.literal('draw-mediator'), by: z.string(), seed: z.number().int() }),
  z.strictObject({
    ...base,
    type: z.literal('appoint-arbitrator'),
    by: z.string(),
    arbitrator: z.string(),
    role: z.enum(['party', 'presiding']),
    for: z.string().optional(),
  }),
  z.strictObject({ ...base, type: z.literal('report'), by: z.string().optional() }),
  z.strictObject({
    ...base,
    type: z.literal('award'),
    by: z.string().optional(),
    in_favour_of: z.string().optional(),
    summary: z.string().optional(),
  }),
  z.strictObject({ ...base, type: z.literal('comply'), by: z.string() }),
  z.strictObject({ ...base, type: z.literal('report-non-compliance'), by: z.string(), against: z.string() }),
  z.strictObject({ ...base, type: z.literal('settle'), by: who, summary: z.string().optional() }),
  z.strictObject({ ...base, type: z.literal('escalate'), by: z.string() }),
  z.strictObject({ ...base, type: z.literal('withdraw'), by: z.string() }),
  z.strictObject({ ...base, type: z.literal('deadline'), by: z.string().optional(), deadline: z.string() }),
]);

export const caseFileSchema = z.strictObject({
  $schema: z.string().optional(),
  charter: z.string().min(1).describe('built-in charter id or a charter file path'),
  title: z.string().optional(),
  note: z.string().optional(),
  events: z.array(disputeEventSchema).min(1),
});

export type CaseFile = z.infer<typeof caseFileSchema> & { events: DisputeEvent[] };

/** Reads and validates a case file; throws CharterError with the line and column of the first problem. */
export function parseCaseFile(text: string, source: string): CaseFile {
  const read = readDocument(text, { source, format: 'auto' });
  if (!read.ok) {
    const e = read.error;
    throw new CharterError(e.message, e.source, e.path ?? [], e.hint, e.line, e.column);
  }
  const parsed = caseFileSchema.safeParse(read.value);
  if (!parsed.success) throw fromZod(parsed.error, source, text);
  return parsed.data as CaseFile;
}

/** A DisputeError from replaying a case file, placed at its event's line and column. */
export function locateDisputeError(e: DisputeError, source: string, text: string): CharterError {
  const path = e.index === undefined ? [] : ['events', e.index];
  const pos = e.index === undefined ? undefined : locate(text, path);
  return new CharterError(e.message, source, path, e.hint, pos?.line, pos?.column);
}
