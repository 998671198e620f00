// Errors a user can cause by passing a bad date or id. They are typed so that the CLI and the web can show the
// message and the suggestions without parsing strings.

export class WorldError extends Error {
  override name = 'WorldError';
}

export class InvalidDateError extends WorldError {
  override name = 'InvalidDateError';
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`Invalid date "${input}": ${reason}.`);
  }
}

export type IdKind = 'state' | 'organisation' | 'population series' | 'defence clause' | 'area';

export class UnknownIdError extends WorldError {
  override name = 'UnknownIdError';
  constructor(
    readonly kind: IdKind,
    readonly id: string,
    readonly suggestions: readonly string[],
  ) {
    const hint =
      suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    super(`Unknown ${kind} id "${id}".${hint}`);
  }
}
