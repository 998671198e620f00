// A strict JSON (RFC 8259) reader. `JSON.parse` would accept duplicate keys and, depending on the engine,
// report errors without a line; this one stops at the first problem with its place and a hint.
import { NodeBudget, PlainMapping, plainNumber, plainString } from './plain-data.ts';
import { refuse } from './problem.ts';
import type { DocumentPath, Limits, ReadValue } from './types.ts';

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WORD = /[A-Za-z_$][A-Za-z0-9_$-]*/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

export function readJson(text: string, limits: Limits): ReadValue {
  return new JsonReader(text, limits).read();
}

class JsonReader {
  private pos = 0;
  private readonly path: DocumentPath = [];
  private readonly budget: NodeBudget;

  constructor(
    private readonly text: string,
    limits: Limits,
  ) {
    this.budget = new NodeBudget(limits);
  }

  read(): ReadValue {
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.skipSpace();
    if (this.pos >= this.text.length) return undefined;
    const offset = this.pos;
    const value = this.value(1);
    this.skipSpace();
    if (this.pos < this.text.length) {
      this.fail(
        'unexpected text after the end of the JSON value',
        'a JSON document holds exactly one value; remove what follows, or wrap the values in [ ] separated by commas',
      );
    }
    return { value, offset };
  }

  private value(depth: number): unknown {
    const char = this.text[this.pos];
    if (char === '{') return this.object(depth);
    if (char === '[') return this.array(depth);
    this.budget.count(this.place());
    if (char === '"') return this.string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.number();
    return this.literal();
  }

  private object(depth: number): Record<string, unknown> {
    this.budget.enter(depth, this.place());
    this.budget.count(this.place());
    const mapping = new PlainMapping();
    this.pos++;
    this.skipSpace();
    if (this.eat('}')) return mapping.value;
    for (;;) {
      if (this.text[this.pos] !== '"') this.unexpected('a key in double quotes');
      const keyPlace = this.place();
      const key = this.string();
      mapping.claim(key, keyPlace);
      this.budget.count(keyPlace);
      this.skipSpace();
      if (!this.eat(':')) this.unexpected('":" after the key');
      this.skipSpace();
      this.path.push(key);
      mapping.set(key, this.value(depth + 1));
      this.path.pop();
      if (this.endOfItem('}')) return mapping.value;
    }
  }

  private array(depth: number): unknown[] {
    this.budget.enter(depth, this.place());
    this.budget.count(this.place());
    const items: unknown[] = [];
    this.pos++;
    this.skipSpace();
    if (this.eat(']')) return items;
    for (;;) {
      this.path.push(items.length);
      items.push(this.value(depth + 1));
      this.path.pop();
      if (this.endOfItem(']')) return items;
    }
  }

  /** After an item: `true` at the closing bracket, `false` after a comma with another item to follow. */
  private endOfItem(close: '}' | ']'): boolean {
    this.skipSpace();
    if (this.eat(close)) return true;
    const comma = this.pos;
    if (!this.eat(',')) this.unexpected(`"," or "${close}"`);
    this.skipSpace();
    if (this.text[this.pos] === close) {
      this.pos = comma;
      this.fail('trailing comma before the closing bracket', 'remove the comma after the last item');
    }
    return false;
  }

  private string(): string {
    const start = this.pos;
    const text = this.text;
    let value = '';
    let chunk = ++this.pos;
    for (;;) {
      const unit = text.charCodeAt(this.pos);
      if (unit === 0x22) break;
      if (Number.isNaN(unit)) {
        this.pos = start;
        this.fail('this string is never closed', 'add the closing double quote');
      }
      if (unit < 0x20) {
        this.fail(
          'a line break or control character inside a string',
          'write it as \\n or \\t, or close the string',
        );
      }
      if (unit === 0x5c) {
        value += text.slice(chunk, this.pos) + this.escape();
        chunk = this.pos;
      } else this.pos++;
    }
    value += text.slice(chunk, this.pos);
    this.pos++;
    return plainString(value, { offset: start, path: this.path });
  }

  private escape(): string {
    const letter = this.text[this.pos + 1] ?? '';
    const simple = ESCAPES[letter];
    if (simple !== undefined) {
      this.pos += 2;
      return simple;
    }
    const hex = this.text.slice(this.pos + 2, this.pos + 6);
    if (letter === 'u' && /^[0-9A-Fa-f]{4}$/.test(hex)) {
      this.pos += 6;
      return String.fromCharCode(Number.parseInt(hex, 16));
    }
    return this.fail(
      `invalid escape "\\${letter}" in a string`,
      'JSON escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash as \\\\',
    );
  }

  private number(): number {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    const next = this.text[this.pos + (match?.[0].length ?? 0)] ?? '';
    if (!match || /[0-9.eE]/.test(next)) {
      this.fail(
        'this is not a valid JSON number',
        'write numbers like 12, -3.5 or 1e6, without leading zeros',
      );
    }
    const place = this.place();
    this.pos += match[0].length;
    return plainNumber(Number(match[0]), match[0], place);
  }

  private literal(): boolean | null {
    WORD.lastIndex = this.pos;
    const word = WORD.exec(this.text)?.[0];
    if (word === 'true' || word === 'false' || word === 'null') {
      this.pos += word.length;
      return word === 'true' ? true : word === 'false' ? false : null;
    }
    if (word === 'NaN' || word === 'Infinity') {
      this.fail(`${word} is not a JSON number`, 'use a finite number, or null for a missing value');
    }
    if (word !== undefined) {
      this.fail(
        `unquoted text "${word.slice(0, 40)}"`,
        'put text in double quotes; the only bare words are true, false and null',
      );
    }
    return this.unexpected('a value');
  }

  private unexpected(wanted: string): never {
    const char = this.text[this.pos];
    if (char === undefined) {
      return this.fail(
        `the JSON text ends where ${wanted} was expected`,
        'a closing bracket, brace or quote is missing',
      );
    }
    if (char === "'") return this.fail('JSON strings use double quotes', `replace the single quotes with "`);
    if (char === '/' || char === '#') {
      return this.fail('JSON does not allow comments', 'remove the comment, or write the document in YAML');
    }
    if (wanted.startsWith('a key') && /[A-Za-z_$]/.test(char)) {
      return this.fail(
        'JSON keys must be in double quotes',
        'write "key": value; for unquoted keys use YAML',
      );
    }
    const hint = wanted.startsWith('","')
      ? 'a comma is missing between two items, or a bracket is not closed'
      : '';
    return this.fail(
      `expected ${wanted} but found "${char}"`,
      hint || 'check the punctuation here; JSON separates items with commas and closes every bracket',
    );
  }

  private fail(message: string, hint: string): never {
    return refuse(message, hint, this.place());
  }

  private place(): { offset: number; path: DocumentPath } {
    return { offset: this.pos, path: this.path };
  }

  private eat(char: string): boolean {
    if (this.text[this.pos] !== char) return false;
    this.pos++;
    return true;
  }

  private skipSpace(): void {
    for (;;) {
      const unit = this.text.charCodeAt(this.pos);
      if (unit !== 0x20 && unit !== 0x0a && unit !== 0x0d && unit !== 0x09) return;
      this.pos++;
    }
  }
}
