// Kept apart from the schema (and zod) so that code running an ensemble, e.g. in a browser worker, need not load it.
/** The rungs of a response ladder, from the mildest to the most forceful. */
export const RUNG_KINDS = [
  'consultations',
  'diplomatic',
  'economic',
  'monitoring',
  'peace-keeping',
  'military',
] as const;
