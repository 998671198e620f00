/** A decision whose voting power the map colours by. */
export interface PowerRequest {
  charter: string;
  body: string;
  category: string;
  date: string;
}

/** What the map shows of the power worker's answer (src/power/power.worker.ts, shared with the power lab). */
export type PowerReply =
  | {
      ok: true;
      members: { id: string; name: string; banzhaf: number }[];
      method: string;
      exact: boolean;
      computeMs: number;
    }
  | { ok: false; message: string };
