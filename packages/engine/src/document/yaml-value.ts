// The second YAML stage: compose the checked CST into `yaml`'s document tree with the core schema and every
// extension off, then walk the tree to build plain JSON data, checking keys, numbers and limits ourselves.
import {
  Composer,
  type DocumentOptions,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type ParseOptions,
  type SchemaOptions,
  type YAMLError,
} from 'yaml';
import { NodeBudget, PlainMapping, plainNumber, plainString } from './plain-data.ts';
import { type ProblemPlace, refuse } from './problem.ts';
import type { DocumentPath, Limits, ReadValue } from './types.ts';
import { parseYamlStream } from './yaml-stream.ts';

// `maxAliasCount` is a `toJS` option, and `toJS` is never called: aliases are refused while lexing, and the
// walk below builds values itself. `uniqueKeys: false` skips the library's quadratic duplicate-key check.
const COMPOSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  customTags: [],
  resolveKnownTags: false,
  merge: false,
  uniqueKeys: false,
  intAsBigInt: false,
  prettyErrors: false,
  strict: true,
};

const CORE_TAGS: ReadonlySet<string> = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`),
);

/** Hints for the syntax errors `yaml` reports, by its error code. */
const SYNTAX_HINTS: Partial<Record<YAMLError['code'], string>> = {
  TAB_AS_INDENT: 'indent with spaces; YAML does not allow tabs for indentation',
  BAD_INDENT: 'indent the entries of one mapping or list by the same number of spaces',
  MISSING_CHAR: 'a closing quote or bracket, or the ":" after a key, is missing',
  UNEXPECTED_TOKEN: 'check the brackets, colons and dashes here; a bracket may be unbalanced',
  BLOCK_AS_IMPLICIT_KEY: 'put a nested mapping on its own lines, indented under its key',
  MULTILINE_IMPLICIT_KEY: 'keep each key and its ":" on one line; check for a missing closing quote above',
  BAD_SCALAR_START: 'put the value in quotes; @, `, %, and some other characters cannot start plain text',
  BAD_DQ_ESCAPE: 'use a valid escape such as \\n, \\" or \\\\, or single quotes around text with backslashes',
  BLOCK_IN_FLOW: 'inside [ ] or { } write values on one line, or use an indented list instead of brackets',
  TAG_RESOLVE_FAILED: 'remove the tag, or write a value of the kind the tag names',
  KEY_OVER_1024_CHARS: 'shorten the key to fewer than 1024 characters',
};

export function readYaml(text: string, limits: Limits): ReadValue {
  const tokens = parseYamlStream(text, limits);
  const documents = [...new Composer(COMPOSE_OPTIONS).compose(tokens, true, text.length)];
  const document = documents[0];
  if (documents.length !== 1 || !document) {
    return refuse('the text holds more than one YAML document', 'split it into one file per document');
  }
  const problems = [...document.errors, ...document.warnings].sort((a, b) => a.pos[0] - b.pos[0]);
  const first = problems[0];
  if (first) {
    const message = first.message.charAt(0).toLowerCase() + first.message.slice(1);
    refuse(message, syntaxHint(first), { offset: first.pos[0] });
  }
  const contents = document.contents;
  if (contents === null || isEmptyScalar(contents)) return undefined;
  return { value: new YamlValueBuilder(limits).value(contents, 1), offset: contents.range?.[0] ?? 0 };
}

function syntaxHint(error: YAMLError): string {
  if (/must .*end with a [\]}]/.test(error.message)) {
    return 'a closing bracket or brace is missing; add it, or indent the lines inside the brackets further';
  }
  return SYNTAX_HINTS[error.code] ?? 'check the YAML syntax here';
}

function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && node.value === null && node.source === '' && node.tag === undefined;
}

class YamlValueBuilder {
  private readonly path: DocumentPath = [];
  private readonly budget: NodeBudget;

  constructor(limits: Limits) {
    this.budget = new NodeBudget(limits);
  }

  /** Plain data for `node` at nesting `depth` (the top-level collection is 1). */
  value(node: unknown, depth: number): unknown {
    if (node === null || node === undefined) return null;
    const place = this.place(node);
    this.budget.count(place);
    if (isAlias(node)) {
      refuse(
        'aliases are not allowed in charters; write the value out',
        'replace the alias with a copy',
        place,
      );
    }
    if (!(isScalar(node) || isMap(node) || isSeq(node))) {
      return refuse('this kind of YAML node cannot be read', 'write a plain mapping, list or value', place);
    }
    this.checkProperties(node, place);
    if (isScalar(node)) return this.scalar(node.value, node.source, place);
    if (isMap(node)) return this.mapping(node.items, depth, place);
    return this.sequence(node.items, depth, place);
  }

  private mapping(items: unknown[], depth: number, place: ProblemPlace): Record<string, unknown> {
    this.budget.enter(depth, place);
    const mapping = new PlainMapping();
    for (const pair of items) {
      if (!isPair(pair)) refuse('a mapping entry cannot be read', 'write it as "key: value"', place);
      const key = this.key(pair.key, pair.value, mapping, place);
      this.path.push(key);
      mapping.set(key, this.value(pair.value, depth + 1));
      this.path.pop();
    }
    return mapping.value;
  }

  private sequence(items: unknown[], depth: number, place: ProblemPlace): unknown[] {
    this.budget.enter(depth, place);
    const values: unknown[] = [];
    for (const item of items) {
      this.path.push(values.length);
      values.push(this.value(item, depth + 1));
      this.path.pop();
    }
    return values;
  }

  /** A key as text. Numbers and booleans keep their spelling: `1.0:` is the key "1.0". */
  private key(key: unknown, value: unknown, mapping: PlainMapping, mappingPlace: ProblemPlace): string {
    const place = key === null ? this.place(value, mappingPlace) : this.place(key, mappingPlace);
    if (!isScalar(key)) {
      if (key === null || key === undefined) {
        refuse('a key is missing before ":"', 'write a key before the colon, or remove the colon', place);
      }
      refuse(
        'keys must be plain text, not a list, mapping or alias',
        'use a text key such as "name:"',
        place,
      );
    }
    this.budget.count(place);
    this.checkProperties(key, place);
    const source = key.source ?? '';
    if (key.type === 'PLAIN' && source === '<<') {
      refuse(
        'merge keys ("<<") are not allowed in charters',
        'write the merged keys out in this mapping; quote it ("<<") if you really mean a key named <<',
        place,
      );
    }
    const text = typeof key.value === 'string' ? plainString(key.value, place) : source;
    if (text === '' && key.value === null) {
      refuse('a key is missing before ":"', 'write a key before the colon, or remove the colon', place);
    }
    mapping.claim(text, place);
    return text;
  }

  private scalar(value: unknown, source: string | undefined, place: ProblemPlace): unknown {
    if (value === null || typeof value === 'boolean') return value;
    if (typeof value === 'string') return plainString(value, place);
    if (typeof value === 'number') return plainNumber(value, source ?? String(value), place);
    return refuse(
      'this value cannot be represented as plain data',
      'write text, a number, true, false or null',
      place,
    );
  }

  /** Anchors and tags are refused while parsing; this guards the same rule on the composed tree. */
  private checkProperties(node: Node, place: ProblemPlace): void {
    if (node.anchor !== undefined) {
      refuse('anchors are not allowed in charters', 'remove the anchor and write values out', place);
    }
    if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
      refuse(`the tag "${node.tag}" is not allowed in charters`, 'remove the tag', place);
    }
  }

  private place(node: unknown, fallback?: ProblemPlace): ProblemPlace {
    const range = (node as { range?: readonly number[] | null } | null)?.range;
    const offset = range?.[0] ?? fallback?.offset;
    return offset === undefined ? { path: this.path } : { offset, path: this.path };
  }
}
