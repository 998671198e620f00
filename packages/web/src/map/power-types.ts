import type { Charter } from '@concert/engine';

/** A decision whose voting power the worker computes. */
export interface PowerRequest {
  charter: string;
  body: string;
  category: string;
  date: string;
}

/** What the worker is sent: the parsed charter travels with the request, so the worker needs no YAML parser. */
export interface PowerJob extends PowerRequest {
  parsed: Charter;
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
