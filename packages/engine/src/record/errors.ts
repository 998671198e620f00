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

  toJSON() {
    return {
      error: 'record',
      path: formatPath(this.path),
      message: this.message,
      ...(this.hint ? { hint: this.hint } : {}),
    };
  }
}
