// Checks on the raw text that come before any parser sees it: its size and its characters.
import { refuse } from './problem.ts';

/** UTF-8 size of `text`, or the first count above `stopAbove` (so a huge string costs no more than the limit). */
export function utf8ByteLength(text: string, stopAbove: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAbove; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** Refuses a text above `maxBytes` in UTF-8, looking at no more of it than the limit. */
export function checkSize(text: string, maxBytes: number): void {
  // Every UTF-16 code unit takes at least one byte, so a long string is refused without reading it.
  const bytes = text.length > maxBytes ? text.length : utf8ByteLength(text, maxBytes);
  if (bytes <= maxBytes) return;
  const size = text.length > maxBytes ? `at least ${text.length} bytes` : `${bytes} bytes`;
  refuse(
    `the document is ${size}, more than the limit of ${describeSize(maxBytes)}`,
    'split it into smaller documents, or raise maxBytes if this size is really intended',
  );
}

/**
 * Refuses characters YAML 1.2 does not allow in a stream (§5.1: C0 and C1 controls other than tab, line feed
 * and carriage return, DEL, U+FFFE/U+FFFF, unpaired surrogates) and U+FFFD, which a decoder leaves where
 * the bytes were not UTF-8. The `yaml` lexer also uses some control characters as internal markers.
 */
export function checkCharacters(text: string): void {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x20 && unit < 0x7f) continue;
    if (unit === 0x09 || unit === 0x0a || unit === 0x0d) continue;
    if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    const problem = characterProblem(unit);
    if (problem) refuse(problem.message, problem.hint, { offset: i });
  }
}

function characterProblem(unit: number): { message: string; hint: string } | undefined {
  const control = unit < 0x20 || (unit >= 0x7f && unit < 0xa0 && unit !== 0x85);
  const surrogate = isHighSurrogate(unit) || isLowSurrogate(unit);
  if (!control && !surrogate && unit !== 0xfffd && unit !== 0xfffe && unit !== 0xffff) return undefined;
  const code = `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
  if (unit === 0xfffd) {
    return {
      message: `the text contains ${code}, the replacement character a decoder leaves for bytes that are not UTF-8`,
      hint: 'save the file as UTF-8 (not Latin-1 or UTF-16) and read it again',
    };
  }
  if (surrogate) {
    return {
      message: `the text contains half of a UTF-16 surrogate pair (${code})`,
      hint: 'save the file as UTF-8; the text was cut in the middle of a character',
    };
  }
  return {
    message: `the text contains the control character ${code}, which YAML and JSON do not allow`,
    hint:
      unit === 0
        ? 'a NUL byte usually means the file is UTF-16 or binary; save it as UTF-8 text'
        : 'delete the character; write it as an escape such as "\\t" inside a double-quoted string if it is wanted',
  };
}

export function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

export function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** 1-based line and column of `offset`; line breaks are LF, CRLF or a lone CR, as in YAML. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x0a || (unit === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
