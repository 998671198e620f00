// Assembles Concert's world data from the sourced JSON files in ../data. The JSON is imported (not read from disk)
// so the engine stays free of I/O and runs in the browser too.
import defenceClauses from '../data/defence-clauses.json' with { type: 'json' };
import organisations from '../data/organisations.json' with { type: 'json' };
import populations from '../data/populations.json' with { type: 'json' };
import sources from '../data/sources.json' with { type: 'json' };
import states from '../data/states.json' with { type: 'json' };
import type { DefenceClause, Organisation, PopulationSeries, Source, State, WorldData } from './types.ts';

/**
 * The OSCE's membership timeline is not kept separately: it is derived from each state's `osceJoined`, so the two
 * can never disagree. No participating State has ever left (Yugoslavia's 1992 suspension predates Serbia's
 * admission as a new State in 2000).
 */
function osceOrganisation(all: readonly State[]): Organisation {
  const events = all
    .map((state) => ({
      state: state.id,
      type: 'joined' as const,
      date: state.osceJoined.value,
      source: state.osceJoined.source,
      ...(state.osceJoined.confidence ? { confidence: state.osceJoined.confidence } : {}),
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.state.localeCompare(b.state));
  return {
    id: 'OSCE',
    name: 'Organization for Security and Co-operation in Europe (CSCE until 1994)',
    founded: {
      value: '1973-06-25',
      source: 'osce-states-table',
      note: 'Date used by the OSCE for its original participating States (Helsinki Consultations); renamed OSCE on 1995-01-01.',
    },
    events,
  };
}

const stateList = states as State[];

export const world: WorldData = {
  dataset: { id: 'concert-world', version: '1.0.0', compiled: '2026-11-22' },
  sources: sources as Record<string, Source>,
  states: stateList,
  populations: populations as PopulationSeries[],
  organisations: [...(organisations as Organisation[]), osceOrganisation(stateList)],
  defenceClauses: defenceClauses as DefenceClause[],
};
