import {
  CancelledError,
  CharterError,
  DisputeError,
  PowerError,
  RecordError,
  WorldError,
} from '@concert/engine';

/** A usage error: bad flags or arguments. Printed as one message with a hint; exit code 1. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint = '',
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A request the engine examined and refused (its report is already printed); exit code 1. */
export class Refused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Refused';
  }
}

/** A failure reported from inside a worker thread, already described for the user. */
export class JobError extends Error {
  constructor(
    readonly text: string,
    readonly json: Record<string, unknown>,
  ) {
    super(text);
    this.name = 'JobError';
  }
}

/** A check that ran and found a problem (e.g. a tampered audit log): the verdict is the message; exit code 1. */
export class VerificationFailed extends Error {
  constructor(
    readonly text: string,
    readonly json: Record<string, unknown>,
  ) {
    super(text);
    this.name = 'VerificationFailed';
  }
}

/** Turns any error into the message a user sees (never a stack trace) and a JSON form for --json. */
export function describeError(e: unknown): { text: string; json: Record<string, unknown> } {
  if (e instanceof CharterError) return { text: `error: ${e.format()}`, json: e.toJSON() };
  if (e instanceof JobError || e instanceof VerificationFailed) return { text: e.text, json: e.json };
  if (e instanceof PowerError || e instanceof CancelledError) {
    const hint = e instanceof PowerError ? e.hint : '';
    return {
      text: `error: ${e.message}${hint ? `\n  hint: ${hint}` : ''}`,
      json: { error: 'analysis', message: e.message, ...(hint ? { hint } : {}) },
    };
  }
  if (e instanceof DisputeError) {
    return {
      text: `error: ${e.message}${e.hint ? `\n  hint: ${e.hint}` : ''}`,
      json: {
        error: 'dispute',
        message: e.message,
        ...(e.index !== undefined ? { event: e.index } : {}),
        ...(e.hint ? { hint: e.hint } : {}),
      },
    };
  }
  if (e instanceof RecordError) {
    return { text: `error: ${e.message}${e.hint ? `\n  hint: ${e.hint}` : ''}`, json: e.toJSON() };
  }
  if (e instanceof UsageError || e instanceof WorldError) {
    const hint = 'hint' in e && typeof e.hint === 'string' && e.hint ? e.hint : '';
    return {
      text: `error: ${e.message}${hint ? `\n  hint: ${hint}` : ''}`,
      json: {
        error: e instanceof UsageError ? 'usage' : 'data',
        message: e.message,
        ...(hint ? { hint } : {}),
      },
    };
  }
  const message = e instanceof Error ? e.message : String(e);
  return {
    text: `internal error: ${message}\n  hint: this is a bug in Concert; please report it with the command you ran (set CONCERT_DEBUG=1 for details)`,
    json: { error: 'internal', message },
  };
}
