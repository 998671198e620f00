// How a reading error is shown to a person: the file, line and column editors understand, then the fix.
import type { DocumentError, DocumentPath } from './types.ts';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Paths longer than this are shortened in the middle; a depth error's path can have hundreds of steps. */
const SHOWN_STEPS = 12;

/** `charter.yaml:12:5: <message> (at bodies[0].quota)` and, on the next line, `  hint: <hint>`. */
export function formatDocumentError(error: DocumentError): string {
  let place = error.source;
  if (error.line !== undefined) place += `:${error.line}`;
  if (error.line !== undefined && error.column !== undefined) place += `:${error.column}`;
  const at = error.path && error.path.length > 0 ? ` (at ${formatPath(error.path)})` : '';
  return `${place}: ${error.message}${at}\n  hint: ${error.hint}`;
}

/** A path as a reader would write it in JavaScript: `bodies[0].rules["qualified majority"]`. */
export function formatPath(path: DocumentPath): string {
  if (path.length > SHOWN_STEPS) {
    const head = formatPath(path.slice(0, SHOWN_STEPS / 2));
    const tail = path
      .slice(-SHOWN_STEPS / 2)
      .map(formatStep)
      .join('');
    return `${head}…${tail}`;
  }
  const text = path.map(formatStep).join('');
  return text.startsWith('.') ? text.slice(1) : text;
}

function formatStep(step: string | number): string {
  if (typeof step === 'number') return `[${step}]`;
  return IDENTIFIER.test(step) ? `.${step}` : `[${JSON.stringify(step)}]`;
}
