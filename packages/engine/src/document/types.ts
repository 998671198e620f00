// The reader's public shapes. A charter or game file arrives as text from a user; everything the reader can
// say about it is a `ReadResult`, never an exception.

/** A key or an index on the way from the document's root to a value. */
export type DocumentPath = (string | number)[];

/** Why a document could not be read, where, and what the author should do about it. */
export interface DocumentError {
  /** The name the caller gave the text, usually its file name. */
  source: string;
  /** 1-based line, when the problem has a place in the text. */
  line?: number;
  /** 1-based column (UTF-16 code units), when the problem has a place in the text. */
  column?: number;
  /** Keys and indices from the root to the offending value, when known. */
  path?: DocumentPath;
  message: string;
  hint: string;
}

export type ReadResult = { ok: true; value: unknown } | { ok: false; error: DocumentError };

export type DocumentFormat = 'yaml' | 'json';

/** What the top level of the document must be; charters and game files are mappings. */
export type TopLevel = 'mapping' | 'sequence' | 'any';

export interface ReadOptions {
  /** Name of the text in messages, e.g. `charter.yaml`; its extension also guides `format: 'auto'`. */
  source: string;
  /** `auto` (default): `.json`/`.yaml`/`.yml` by extension, otherwise JSON if the text starts with `{` or `[`. */
  format?: DocumentFormat | 'auto';
  /** Largest accepted UTF-8 size; default 1 MiB. Checked before any parsing. */
  maxBytes?: number;
  /** Deepest nesting of mappings and sequences (the top level is 1); default 64, at most 256. */
  maxDepth?: number;
  /** Most nodes (keys, values, mappings, sequences); default 100,000. */
  maxNodes?: number;
  /**
   * Most YAML tokens (keys, values, indicators, line breaks, indentation runs); default 120,000, about 17,000
   * lines of ordinary YAML. The `yaml` package spends 3-6 microseconds per token, so this bound, not the size,
   * is what keeps any YAML input under a second (it binds before `maxNodes` does). Not used for JSON.
   */
  maxTokens?: number;
  /** Default `mapping`. */
  expect?: TopLevel;
}

/** What a parser hands back: the value and the offset where it starts, or `undefined` for no value at all. */
export type ReadValue = { value: unknown; offset: number } | undefined;

export interface Limits {
  maxBytes: number;
  maxDepth: number;
  maxNodes: number;
  maxTokens: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBytes: 1024 * 1024,
  maxDepth: 64,
  maxNodes: 100_000,
  maxTokens: 120_000,
};

/** Both parsers recurse once per level; beyond this a browser's stack may run out before the limit is hit. */
export const DEPTH_CEILING = 256;
