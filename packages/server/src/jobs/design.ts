import {
  type Charter,
  type DesignInput,
  decisionGame,
  designSearch,
  institutionOn,
  powerGameFromDecision,
} from '@concert/engine';

/** What a design job searches: one body's members on a date, over a grid of weights and quotas; plain data. */
export interface DesignPayload {
  charter: Charter;
  body: string;
  category: string;
  date: string;
  parties: string[];
  populationSeries?: string;
  search: Pick<DesignInput, 'alphas' | 'quotas' | 'countQuotas' | 'goals' | 'maxBytes'>;
}

/** The document `concert design <charter> --json` prints for the same body, category, date, parties and grid. */
export function designReport(p: DesignPayload, onProgress: (fraction: number, stage: string) => void) {
  const institution = institutionOn(
    p.charter,
    p.date,
    p.populationSeries ? { populationSeries: p.populationSeries } : {},
  );
  const game = powerGameFromDecision(decisionGame(institution, p.body, p.category, { parties: p.parties }));
  // designFrom has checked that every member has a population before the thread started.
  const result = designSearch({ ids: game.ids, population: game.population!, ...p.search }, { onProgress });
  return JSON.parse(JSON.stringify({ ...result, game: game.label, members: game.ids }));
}
