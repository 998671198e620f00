import { type Charter, institutionOn, parseCharter } from '@concert/engine';
import { type FileProblem, pastedTooLarge, problemOf } from '../uploads/problem.ts';

export type Validation =
  | { ok: true; charter: Charter; memberCount: number; source: string }
  | ({ ok: false } & FileProblem);

/** Validates a charter's text with the engine: the hardened reader, the schema, references and rules. */
export function validateCharterText(text: string, source: string): Validation {
  const big = pastedTooLarge(text, source, 'charters');
  if (big) return { ok: false, ...big };
  try {
    const charter = parseCharter(text, { source });
    return {
      ok: true,
      charter,
      memberCount: institutionOn(charter, charter.reference_date).members.length,
      source,
    };
  } catch (e) {
    return { ok: false, ...problemOf(e, source) };
  }
}
