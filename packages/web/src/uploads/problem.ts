import { CharterError, DEFAULT_LIMITS } from '@concert/engine';

/** What is wrong with a user's file, in the engine's words: message, hint, and where (path, line, column). */
export interface FileProblem {
  source: string;
  message: string;
  hint?: string;
  path?: string;
  line?: number;
  column?: number;
}

/** The engine's own size limit for documents (1 MiB), applied before a file is read. */
export const MAX_FILE_BYTES = DEFAULT_LIMITS.maxBytes;

export function tooLarge(source: string, bytes: number, what: string): FileProblem {
  return {
    source,
    message: `the file is ${(bytes / 1024 / 1024).toFixed(1)} MiB; ${what} larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB are refused`,
    hint: `${what} are texts of a few hundred lines; check that this is the right file`,
  };
}

/** The size limit for pasted text, counted in bytes as the file limit is. */
export function pastedTooLarge(text: string, source: string, what: string): FileProblem | null {
  const bytes = new TextEncoder().encode(text).length;
  return bytes > MAX_FILE_BYTES ? tooLarge(source, bytes, what) : null;
}

/** A CharterError (or ScenarioError, its subclass) as a problem to show; anything else is a bug and rethrown. */
export function problemOf(e: unknown, source: string): FileProblem {
  if (!(e instanceof CharterError)) throw e;
  const path = e.toJSON().path;
  return {
    source,
    message: e.message,
    ...(e.hint ? { hint: e.hint } : {}),
    ...(path ? { path } : {}),
    ...(e.line !== undefined ? { line: e.line } : {}),
    ...(e.column !== undefined ? { column: e.column } : {}),
  };
}
