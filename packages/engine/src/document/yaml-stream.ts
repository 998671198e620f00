// The first YAML stage: lex and parse into `yaml`'s concrete syntax tree, one token at a time, refusing
// anchors, aliases, tags, directives, extra documents and deep nesting the moment they appear. Nothing is
// expanded, and a hostile stream stops after the first offending token instead of being parsed whole.
import { CST, Lexer, Parser } from 'yaml';
import { refuseDepth } from './plain-data.ts';
import { refuse } from './problem.ts';
import type { DocumentPath, Limits } from './types.ts';

/** The lexer's zero-width markers (start of a document, of a scalar, unexpected end of a flow collection). */
const MARKERS: ReadonlySet<string> = new Set([CST.DOCUMENT, CST.SCALAR, CST.FLOW_END]);

const CORE_TAG_NAMES = ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'];

/** Tags of the YAML 1.2 core schema, in shorthand and verbatim form. `%TAG` cannot rebind `!!` (refused). */
const CORE_TAGS: ReadonlySet<string> = new Set(
  CORE_TAG_NAMES.flatMap((name) => [`!!${name}`, `!<tag:yaml.org,2002:${name}>`]),
);

/** Parses `text` into CST tokens, or refuses it. `text` has passed the size and character checks. */
export function parseYamlStream(text: string, limits: Limits): CST.Token[] {
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  let offset = 0;
  let count = 0;
  let scalarSource = false;
  let documents = 0;
  for (const lexeme of new Lexer().lex(text, false)) {
    count++;
    if (count > limits.maxTokens) refuseTokens(limits.maxTokens, offset);
    // The lexeme after a scalar marker is a plain or block scalar's text, whatever its first character.
    if (scalarSource) scalarSource = false;
    else if (lexeme === CST.SCALAR) scalarSource = true;
    else checkLexeme(lexeme, offset);
    for (const token of parser.next(lexeme)) {
      if (token.type === 'document') documents++;
      tokens.push(token);
    }
    const current = parser.stack[0];
    if (documents > 0 && current?.type === 'document') refuseSecondDocument(current.offset);
    if (parser.stack.length > limits.maxDepth + 1) checkDepth(parser.stack, limits.maxDepth, offset);
    if (!MARKERS.has(lexeme)) offset += lexeme.length;
  }
  for (const token of parser.end()) tokens.push(token);
  return tokens;
}

function checkLexeme(lexeme: string, offset: number): void {
  const type = CST.tokenType(lexeme);
  if (type === 'alias') {
    refuse(
      `aliases are not allowed in charters; write the value out (found "${clip(lexeme)}")`,
      'replace the alias with a copy of the value it refers to',
      { offset },
    );
  }
  if (type === 'anchor') {
    refuse(
      `anchors are not allowed in charters (found "${clip(lexeme)}")`,
      'remove the anchor; charters repeat values instead of sharing them with anchors and aliases',
      { offset },
    );
  }
  if (type === 'tag' && !CORE_TAGS.has(lexeme)) {
    refuse(
      `the tag "${clip(lexeme)}" is not allowed in charters`,
      'remove the tag; charters use plain YAML values (only the core tags !!str, !!int, !!float, !!bool, !!null, !!map and !!seq are accepted)',
      { offset },
    );
  }
  if (type === 'directive-line') {
    refuse(
      `directives such as "${clip(lexeme)}" are not allowed in charters`,
      'delete the line; charters are always read as YAML 1.2 and need no directives',
      { offset },
    );
  }
}

function refuseTokens(maxTokens: number, offset: number): never {
  refuse(
    `the document has more than ${maxTokens} YAML tokens (keys, values, punctuation, line breaks)`,
    'split it into smaller documents, or raise maxTokens if this size is really intended',
    { offset },
  );
}

function refuseSecondDocument(offset: number): never {
  refuse(
    'the text holds more than one YAML document',
    'a charter is a single document: remove the "---" or "..." line that starts the next one, or split the file',
    { offset },
  );
}

/** The parser's stack holds the collections still open at this point of the text: one per level. */
function checkDepth(stack: CST.Token[], maxDepth: number, offset: number): void {
  const open = stack.filter(CST.isCollection);
  if (open.length > maxDepth) refuseDepth(maxDepth, { offset, path: pathOf(open.slice(0, maxDepth + 1)) });
}

/** Where the innermost open collection sits: each open collection's last item leads to the next one. */
function pathOf(open: (CST.BlockMap | CST.BlockSequence | CST.FlowCollection)[]): DocumentPath {
  const path: DocumentPath = [];
  for (const collection of open.slice(0, -1)) {
    // A flow collection's first item is only added once it is complete.
    const index = Math.max(0, collection.items.length - 1);
    const item = collection.items[index];
    const isPair = item?.sep?.some((token) => token.type === 'map-value-ind') ?? false;
    const isMapping =
      collection.type === 'block-map' ||
      (collection.type === 'flow-collection' && collection.start.source === '{');
    if (!isMapping) path.push(index);
    if (isMapping || isPair) path.push(keyText(item?.key));
  }
  return path;
}

function keyText(key: CST.Token | null | undefined): string {
  const scalar = key && CST.isScalar(key) ? CST.resolveAsScalar(key) : null;
  return scalar ? scalar.value : '?';
}

function clip(lexeme: string): string {
  return lexeme.length > 40 ? `${lexeme.slice(0, 37)}...` : lexeme;
}
