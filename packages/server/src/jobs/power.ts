import {
  analysePower,
  type Charter,
  decisionGame,
  institutionOn,
  manifestFor,
  type PowerIndex,
  type PowerMethod,
  powerGameFromDecision,
  verdict,
} from '@concert/engine';

/** What a power job computes: one body's decision category on a date; plain data for the thread boundary. */
export interface PowerPayload {
  charter: Charter;
  body: string;
  category: string;
  date: string;
  parties: string[];
  options: {
    indices: PowerIndex[];
    method: PowerMethod | 'auto';
    maxBytes: number;
    samples?: number;
    seed?: number;
    listLimit?: number;
  };
}

/**
 * The document `concert power <charter> --json` prints for the same body, category, date, parties and options
 * (exact counts as decimal strings, as the CLI writes them).
 */
export function powerReport(p: PowerPayload, onProgress: (fraction: number, stage: string) => void) {
  const institution = institutionOn(p.charter, p.date);
  const game = powerGameFromDecision(decisionGame(institution, p.body, p.category, { parties: p.parties }));
  const result = analysePower(game, { ...p.options, onProgress, now: () => performance.now() });
  const report = {
    ...result,
    verdict: verdict(result),
    manifest: manifestFor(p.charter, p.date, institution.populationSeries),
    body: p.body,
    category: p.category,
    date: p.date,
  };
  return JSON.parse(JSON.stringify(report, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}
