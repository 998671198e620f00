import { builtinCharter, builtinCharterIds, builtinScenarioIds } from '@concert/engine';

export interface CrisisSelection {
  scenario: string;
  charters: string[];
  runs: number;
  seed: number;
}

export const MAX_RUNS = 200_000;

/** The built-in charters with a response ladder: the only ones a crisis can be played under. */
export function ladderCharterIds(): string[] {
  return builtinCharterIds().filter((id) => builtinCharter(id).guarantees.some((g) => g.ladder.length > 0));
}

function integerIn(text: string | null, min: number, max: number, fallback: number): number {
  const n = Number(text);
  return text !== null && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** The route's choice, with unknown ids dropped and numbers clamped to what the view can run. */
export function normaliseSelection(params: URLSearchParams): CrisisSelection {
  const scenarios = builtinScenarioIds();
  const wanted = params.get('scenario');
  const scenario = wanted && scenarios.includes(wanted) ? wanted : (scenarios[0] ?? '');
  const ladder = ladderCharterIds();
  const charters = (params.get('charters') ?? '').split(',').filter((id) => ladder.includes(id));
  return {
    scenario,
    charters: charters.length > 0 ? [...new Set(charters)] : ['continental'],
    runs: integerIn(params.get('runs'), 1, MAX_RUNS, 2000),
    seed: integerIn(params.get('seed'), 0, 2 ** 32 - 1, 1),
  };
}

export function selectionParams(s: CrisisSelection): Record<string, string> {
  return { scenario: s.scenario, charters: s.charters.join(','), runs: String(s.runs), seed: String(s.seed) };
}
