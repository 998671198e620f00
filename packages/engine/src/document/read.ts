// The reader's entry point: limits first, then the syntax the caller or the text asks for, then the shape.
// Whatever the text, the answer is a `ReadResult`; nothing a user writes can make this throw.
import { readJson } from './json.ts';
import { DocumentProblem, refuse } from './problem.ts';
import { checkCharacters, checkSize, positionAt } from './text.ts';
import {
  DEFAULT_LIMITS,
  DEPTH_CEILING,
  type DocumentError,
  type DocumentFormat,
  type Limits,
  type ReadOptions,
  type ReadResult,
  type TopLevel,
} from './types.ts';
import { readYaml } from './yaml-value.ts';

export const INTERNAL_ERROR_MESSAGE = 'internal error reading the document; please report';

/** Reads a charter, game file or other user document from its text into plain JSON data. */
export function readDocument(text: string, options: ReadOptions): ReadResult {
  let source = 'document';
  try {
    // Inside the `try`: a caller's options object with a throwing getter still gets a result.
    source = typeof options?.source === 'string' ? options.source : source;
    return { ok: true, value: readChecked(text, options, source) };
  } catch (thrown) {
    if (thrown instanceof DocumentProblem) return { ok: false, error: toDocumentError(thrown, text, source) };
    return { ok: false, error: internalError(thrown, source) };
  }
}

function readChecked(text: string, options: ReadOptions, source: string): unknown {
  if (typeof text !== 'string') {
    refuse('the document is not text', 'pass the contents of the file as a string');
  }
  const limits = resolveLimits(options);
  checkSize(text, limits.maxBytes);
  checkCharacters(text);
  const read =
    chooseFormat(text, options?.format, source) === 'json' ? readJson(text, limits) : readYaml(text, limits);
  if (read === undefined) {
    refuse(
      'the document is empty',
      'write the document out, e.g. starting with "name: ..."; check the right file was read',
      { offset: 0 },
    );
  }
  checkTopLevel(read.value, options?.expect ?? 'mapping', read.offset);
  return read.value;
}

function resolveLimits(options: ReadOptions | undefined): Limits {
  return {
    maxBytes: limit(options?.maxBytes, DEFAULT_LIMITS.maxBytes),
    maxDepth: Math.min(limit(options?.maxDepth, DEFAULT_LIMITS.maxDepth), DEPTH_CEILING),
    maxNodes: limit(options?.maxNodes, DEFAULT_LIMITS.maxNodes),
    maxTokens: limit(options?.maxTokens, DEFAULT_LIMITS.maxTokens),
  };
}

/** A usable limit: the given one if it is a non-negative number, otherwise the default. */
function limit(given: number | undefined, fallback: number): number {
  return typeof given === 'number' && given >= 0 ? Math.floor(given) : fallback;
}

/** An explicit format wins; then the file extension; then JSON if the text opens with `{` or `[`. */
export function chooseFormat(text: string, format: ReadOptions['format'], source: string): DocumentFormat {
  if (format === 'json' || format === 'yaml') return format;
  const extension = /\.([A-Za-z]+)$/.exec(source)?.[1]?.toLowerCase();
  if (extension === 'json') return 'json';
  if (extension === 'yaml' || extension === 'yml') return 'yaml';
  const first = /[^\s\uFEFF]/.exec(text)?.[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

function checkTopLevel(value: unknown, expect: TopLevel, offset: number): void {
  const found = Array.isArray(value)
    ? 'sequence'
    : typeof value === 'object' && value !== null
      ? 'mapping'
      : null;
  if (expect === 'any' || found === expect) return;
  const what = found
    ? `a ${found}`
    : value === null
      ? 'null'
      : typeof value === 'string'
        ? 'text'
        : `a ${typeof value}`;
  const hint =
    expect === 'mapping'
      ? 'start the document with keys, e.g. "name: Council" on the first line (in JSON, wrap it in { })'
      : 'make the document a list, each item starting with "- " (in JSON, wrap it in [ ])';
  refuse(`the document must be a ${expect} at the top level, but it is ${what}`, hint, { offset });
}

function toDocumentError(problem: DocumentProblem, text: string, source: string): DocumentError {
  const error: DocumentError = { source, message: problem.message, hint: problem.hint };
  if (problem.offset !== undefined) {
    const { line, column } = positionAt(text, problem.offset);
    error.line = line;
    error.column = column;
  }
  if (problem.path !== undefined && problem.path.length > 0) error.path = problem.path;
  return error;
}

function internalError(thrown: unknown, source: string): DocumentError {
  let detail = 'unknown failure';
  try {
    detail = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  } catch {
    // An exotic thrown value that cannot even be described; the generic detail stands.
  }
  return {
    source,
    message: INTERNAL_ERROR_MESSAGE,
    hint: `this is a bug in Concert, not in the document; please report it with the document attached (${detail})`,
  };
}
