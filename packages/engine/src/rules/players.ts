import type { AttributeValue } from './types.ts';

/** Someone who votes under a rule: a member state, an organisation party, or a player of a game file. */
export interface Player {
  id: string;
  name?: string;
  attributes: Record<string, AttributeValue>;
}

/** The built-in weight every player has: one. */
export const COUNT = 'count';
