import { type Charter, CharterError, DEFAULT_LIMITS, institutionOn, parseCharter } from '@concert/engine';

export type Validation =
  | { ok: true; charter: Charter; memberCount: number; source: string }
  | {
      ok: false;
      source: string;
      message: string;
      hint?: string;
      path?: string;
      line?: number;
      column?: number;
    };

/** The engine's own size limit for charter files (1 MiB), applied before a file is read. */
export const MAX_CHARTER_BYTES = DEFAULT_LIMITS.maxBytes;

export function tooLarge(source: string, bytes: number): Validation {
  return {
    ok: false,
    source,
    message: `the file is ${(bytes / 1024 / 1024).toFixed(1)} MiB; charters larger than ${MAX_CHARTER_BYTES / 1024 / 1024} MiB are refused`,
    hint: 'a charter is a text of a few hundred lines; check that this is the right file',
  };
}

/** Validates a charter's text with the engine: the hardened reader, the schema, references and rules. */
export function validateCharterText(text: string, source: string): Validation {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_CHARTER_BYTES) return tooLarge(source, bytes);
  try {
    const charter = parseCharter(text, { source });
    return {
      ok: true,
      charter,
      memberCount: institutionOn(charter, charter.reference_date).members.length,
      source,
    };
  } catch (e) {
    if (!(e instanceof CharterError)) throw e;
    const path = e.toJSON().path;
    return {
      ok: false,
      source,
      message: e.message,
      ...(e.hint ? { hint: e.hint } : {}),
      ...(path ? { path } : {}),
      ...(e.line !== undefined ? { line: e.line } : {}),
      ...(e.column !== undefined ? { column: e.column } : {}),
    };
  }
}
