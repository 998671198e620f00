// Inside the reader a problem travels as an exception, so that recursive parsers can stop at the first one;
// `readDocument` catches it and turns it into a `DocumentError`. It never leaves the module.
import type { DocumentPath } from './types.ts';

export interface ProblemPlace {
  /** Offset into the text (UTF-16 code units). */
  offset?: number;
  path?: DocumentPath;
}

export class DocumentProblem extends Error {
  readonly offset: number | undefined;
  readonly path: DocumentPath | undefined;
  readonly hint: string;

  constructor(message: string, hint: string, place: ProblemPlace = {}) {
    super(message);
    this.name = 'DocumentProblem';
    this.hint = hint;
    this.offset = place.offset;
    this.path = place.path === undefined ? undefined : [...place.path];
  }
}

/** Stops reading with a problem the author can fix. */
export function refuse(message: string, hint: string, place?: ProblemPlace): never {
  throw new DocumentProblem(message, hint, place);
}
