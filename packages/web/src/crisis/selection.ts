import {
  builtinCharter,
  builtinCharterIds,
  builtinScenario,
  builtinScenarioIds,
  type Charter,
  type Scenario,
} from '@concert/engine';
import { UPLOADED, type Uploads, uploads } from '../uploads/store.ts';

export interface CrisisSelection {
  /** A built-in scenario's id or UPLOADED (the session's uploaded scenario). */
  scenario: string;
  /** Built-in charter ids with a ladder, and UPLOADED for the session's uploaded charter. */
  charters: string[];
  runs: number;
  seed: number;
  /** The counterfactual in which the parties vote whatever each charter says (`concert simulate --no-recusal`). */
  ignoreRecusal: boolean;
}

export const MAX_RUNS = 200_000;

const hasLadder = (c: Charter) => c.guarantees.some((g) => g.ladder.length > 0);

/** The built-in charters with a response ladder: the only ones a crisis can be played under. */
export function ladderCharterIds(): string[] {
  return builtinCharterIds().filter((id) => hasLadder(builtinCharter(id)));
}

/** The charters that can be ticked: the built-in ones with a ladder, then an uploaded one with a ladder. */
export function charterChoices(up: Uploads = uploads()): { id: string; label: string }[] {
  return [
    ...ladderCharterIds().map((id) => ({ id, label: `${builtinCharter(id).name} (${id})` })),
    ...(up.charter && hasLadder(up.charter.charter)
      ? [{ id: UPLOADED, label: `Uploaded: ${up.charter.charter.name} (${up.charter.source})` }]
      : []),
  ];
}

export function scenarioChoices(up: Uploads = uploads()): { id: string; label: string }[] {
  return [
    ...builtinScenarioIds().map((id) => ({ id, label: builtinScenario(id).title })),
    ...(up.scenario
      ? [{ id: UPLOADED, label: `Uploaded: ${up.scenario.scenario.title} (${up.scenario.source})` }]
      : []),
  ];
}

/** The scenario an id of the selection names; only ids `normaliseSelection` kept reach here. */
export function scenarioOf(id: string, up: Uploads = uploads()): Scenario {
  return id === UPLOADED && up.scenario ? up.scenario.scenario : builtinScenario(id);
}

export function charterOf(id: string, up: Uploads = uploads()): Charter {
  return id === UPLOADED && up.charter ? up.charter.charter : builtinCharter(id);
}

function integerIn(text: string | null, min: number, max: number, fallback: number): number {
  const n = Number(text);
  return text !== null && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** The route's choice, with unknown ids (and uploads gone after a reload) dropped, numbers clamped. */
export function normaliseSelection(params: URLSearchParams, up: Uploads = uploads()): CrisisSelection {
  const scenarios = scenarioChoices(up).map((s) => s.id);
  const wanted = params.get('scenario');
  const scenario = wanted && scenarios.includes(wanted) ? wanted : (scenarios[0] ?? '');
  const ladder = charterChoices(up).map((c) => c.id);
  const charters = (params.get('charters') ?? '').split(',').filter((id) => ladder.includes(id));
  return {
    scenario,
    charters: charters.length > 0 ? [...new Set(charters)] : ['continental'],
    runs: integerIn(params.get('runs'), 1, MAX_RUNS, 2000),
    seed: integerIn(params.get('seed'), 0, 2 ** 32 - 1, 1),
    ignoreRecusal: params.get('recusal') === 'ignored',
  };
}

export function selectionParams(s: CrisisSelection): Record<string, string> {
  return {
    scenario: s.scenario,
    charters: s.charters.join(','),
    runs: String(s.runs),
    seed: String(s.seed),
    ...(s.ignoreRecusal ? { recusal: 'ignored' } : {}),
  };
}
