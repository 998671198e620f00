/** A problem a user can fix in a charter or game file: where it is, what is wrong, and how to fix it. */
export class CharterError extends Error {
  constructor(
    message: string,
    readonly source: string,
    readonly path: (string | number)[] = [],
    readonly hint = '',
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'CharterError';
  }

  /** "continental.yaml:12:5 (bodies.0.categories.1.rule): message\n  hint: …" */
  format(): string {
    const where = [this.source, this.line, this.column].filter((x) => x !== undefined).join(':');
    const path = this.path.length > 0 ? ` (at ${formatPath(this.path)})` : '';
    return `${where}${path}: ${this.message}${this.hint ? `\n  hint: ${this.hint}` : ''}`;
  }

  toJSON() {
    return {
      error: 'charter',
      source: this.source,
      line: this.line,
      column: this.column,
      path: formatPath(this.path),
      message: this.message,
      hint: this.hint,
    };
  }
}

export function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}
