// Reading user documents (charters, game files) from text: hardened YAML 1.2 and strict JSON, into plain data.
export { formatDocumentError, formatPath } from './format.ts';
export { readDocument } from './read.ts';
export type {
  DocumentError,
  DocumentFormat,
  DocumentPath,
  ReadOptions,
  ReadResult,
  TopLevel,
} from './types.ts';
export { DEFAULT_LIMITS } from './types.ts';
