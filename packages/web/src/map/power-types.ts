import type { Player, Rule } from '@concert/engine';

/** A decision whose voting power the worker computes. */
export interface PowerRequest {
  charter: string;
  body: string;
  category: string;
  date: string;
}

/**
 * What the worker is sent: the decision's players (members on the date, with their attributes) and its rule,
 * worked out on the page, so the worker needs neither the YAML parser nor the world data.
 */
export interface PowerJob {
  players: Player[];
  rule: Rule;
  label: string;
}

export type PowerReply =
  | {
      ok: true;
      members: { id: string; name: string; banzhaf: number }[];
      method: string;
      exact: boolean;
      computeMs: number;
    }
  | { ok: false; message: string };
