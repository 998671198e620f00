import { formatPath } from '../charter/errors.ts';

/** A problem with audit data a user or client supplied: where it is (a path into the value) and what is wrong. */
export class RecordError extends Error {
  constructor(
    message: string,
    readonly path: (string | number)[] = [],
    readonly hint = '',
  ) {
    super(path.length > 0 ? `${message} (at ${formatPath(path)})` : message);
    this.name = 'RecordError';
  }

  /** The message without the path, for callers that print the path themselves. */
  get reason(): string {
    return this.path.length > 0 ? this.message.slice(0, this.message.lastIndexOf(' (at ')) : this.message;
  }

  toJSON() {
    return {
      error: 'record',
      path: formatPath(this.path),
      message: this.message,
      ...(this.hint ? { hint: this.hint } : {}),
    };
  }
}
