import { isMonotone } from '../rules/changes.ts';
import { type BlockingReport, blockingReport } from './blocking.ts';
import type { Control, SwingCounts } from './counts.ts';
import { type DominationReport, dominationReport } from './domination.ts';
import { enumerateCoalitions, MAX_ENUMERATE } from './enumerate.ts';
import { type PowerGame, type ThresholdForm, thresholdForm } from './game.ts';
import { hybridCounts, hybridPlan } from './hybrid.ts';
import { indicesFrom, ratio } from './indices.ts';
import { keyedForm } from './keyed.ts';
import { keyedMeetInTheMiddle, MAX_KEYED_MITM } from './keyed-mitm.ts';
import { linearForm } from './linear.ts';
import { MAX_MITM, meetInTheMiddle } from './mitm.ts';
import { monteCarlo } from './montecarlo.ts';
import { regionalCounts } from './regional-mitm.ts';
import { regionalPlanOf } from './regional-plan.ts';
import { sizeGeneratingFunction, sizeGfBytes, sizeGfWork } from './size-gf.ts';
import { weightedGeneratingFunction } from './weighted-gf.ts';

/** Every method `analysePower` can run, for option parsers and request schemas. */
export const POWER_METHODS = [
  'weighted-generating-function',
  'size-generating-function',
  'meet-in-the-middle',
  'keyed-meet-in-the-middle',
  'hybrid-generating-function',
  'regional-meet-in-the-middle',
  'enumeration',
  'monte-carlo',
] as const;
export type PowerMethod = (typeof POWER_METHODS)[number];
export const POWER_INDICES = ['banzhaf', 'shapley', 'coleman'] as const;
export type PowerIndex = (typeof POWER_INDICES)[number];

export interface PowerOptions extends Control {
  indices?: PowerIndex[];
  /** 'auto' (default) picks the fastest exact method that fits; others force one. */
  method?: PowerMethod | 'auto';
  /** Memory the computation may use, in bytes (default 2 GiB); methods above it are not chosen. */
  maxBytes?: number;
  /** Monte Carlo only: samples and seed. */
  samples?: number;
  seed?: number;
  /** How many smallest winning/blocking coalitions to list. */
  listLimit?: number;
  /** Count minimal winning coalitions (default true; costs about as much as the indices themselves). */
  minimalWinning?: boolean;
  /** Wall-clock source for computeMs (pure engine: the caller may pass performance.now). */
  now?: () => number;
}

export interface PlayerPower {
  id: string;
  name?: string;
  banzhaf: number;
  banzhafAbsolute: number;
  /** Absent when not asked for and cheaper to skip (one-weight games, Banzhaf only). */
  shapley?: number;
  /** Exact raw Banzhaf count (exact methods only). */
  swings?: bigint;
  colemanPrevent?: number;
  colemanInitiate?: number;
}

export interface PowerResult {
  game: string;
  n: number;
  method: PowerMethod;
  exact: boolean;
  /** 0 for exact methods; for Monte Carlo the half-width of a 99% confidence interval. */
  errorBound: number;
  samples?: number;
  /** Coleman's power of the collectivity to act: the probability a motion passes when all vote at random. */
  passProbability: number;
  winningCoalitions?: bigint;
  totalCoalitions?: bigint;
  computeMs: number;
  players: PlayerPower[];
  blocking: BlockingReport;
  domination?: DominationReport;
  /** Why this method, and anything a reader should know. */
  notes: string[];
}

export class PowerError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'PowerError';
  }
}

const DEFAULT_BYTES = 2 * 1024 ** 3;
// Roughly how many table cells or coalitions one second buys on a modest core; used only to choose methods.
const CELLS_PER_SECOND = 4e8;

/** Voting power of every member of a simple game, by the fastest exact method that fits. */
export function analysePower(game: PowerGame, options: PowerOptions = {}): PowerResult {
  const now = options.now ?? (() => Date.now());
  const started = now();
  const n = game.ids.length;
  if (!isMonotone(game.rule)) {
    throw new PowerError(
      'the rule is not monotone (a member joining the yes side can defeat a motion)',
      'power indices assume monotone rules; check "not" clauses and quotas over those voting',
    );
  }
  const form = thresholdForm(game.rule, n);
  const choice = chooseMethod(game, form, options);
  const notes = [choice.why];
  if (choice.method === 'monte-carlo') {
    const samples = options.samples ?? 200_000;
    const mc = monteCarlo(linearForm(game.rule, n), samples, options.seed ?? 1, options);
    const sum = mc.banzhafAbsolute.reduce((a, b) => a + b, 0);
    return {
      game: game.label,
      n,
      method: 'monte-carlo',
      exact: false,
      errorBound: mc.errorBound,
      samples,
      passProbability: mc.passProbability,
      computeMs: now() - started,
      players: game.ids.map((id, i) => ({
        id,
        ...(game.names[i] ? { name: game.names[i] } : {}),
        banzhaf: sum === 0 ? 0 : mc.banzhafAbsolute[i]! / sum,
        banzhafAbsolute: mc.banzhafAbsolute[i]!,
        shapley: mc.shapley[i]!,
      })),
      blocking: blockingReport(game, null, form, options.listLimit, options.minimalWinning ?? true),
      ...withDomination(
        game,
        mc.banzhafAbsolute.map((b) => (sum === 0 ? 0 : b / sum)),
      ),
      notes,
    };
  }
  if (choice.method === 'weighted-generating-function')
    return weightedResult(game, form!, options, notes, started, now);
  const counts = exactCounts(choice.method, game, form, options);
  const idx = indicesFrom(counts);
  return {
    game: game.label,
    n,
    method: choice.method,
    exact: true,
    errorBound: 0,
    passProbability: idx.passProbability,
    winningCoalitions: idx.winning,
    totalCoalitions: idx.total,
    computeMs: now() - started,
    players: game.ids.map((id, i) => ({
      id,
      ...(game.names[i] ? { name: game.names[i] } : {}),
      ...idx.players[i]!,
    })),
    blocking: blockingReport(game, counts, form, options.listLimit, options.minimalWinning ?? true),
    ...withDomination(
      game,
      idx.players.map((p) => p.banzhaf),
    ),
    notes,
  };
}

/** Banzhaf and Coleman only (no Shapley–Shubik), by the one-dimensional generating function. */
function weightedResult(
  game: PowerGame,
  form: ThresholdForm,
  options: PowerOptions,
  notes: string[],
  started: number,
  now: () => number,
): PowerResult {
  const n = game.ids.length;
  const quota = form.minWeight[n]!;
  const wc = weightedGeneratingFunction(form.weights, quota, options);
  const total = 1n << BigInt(n);
  const losing = total - wc.winning;
  const sum = wc.swings.reduce((a, b) => a + b, 0n);
  const half = 1n << BigInt(Math.max(0, n - 1));
  const players = game.ids.map((id, i) => {
    const s = wc.swings[i]!;
    return {
      id,
      ...(game.names[i] ? { name: game.names[i] } : {}),
      swings: s,
      banzhafAbsolute: ratio(s, half),
      banzhaf: sum === 0n ? 0 : ratio(s, sum),
      colemanPrevent: wc.winning === 0n ? 0 : ratio(s, wc.winning),
      colemanInitiate: losing === 0n ? 0 : ratio(s, losing),
    };
  });
  return {
    game: game.label,
    n,
    method: 'weighted-generating-function',
    exact: true,
    errorBound: 0,
    passProbability: ratio(wc.winning, total),
    winningCoalitions: wc.winning,
    totalCoalitions: total,
    computeMs: now() - started,
    players,
    blocking: blockingReport(game, null, form, options.listLimit, options.minimalWinning ?? true),
    ...withDomination(
      game,
      players.map((p) => p.banzhaf),
    ),
    notes: [...notes, 'Shapley–Shubik not computed (ask for it with the shapley index)'],
  };
}

function exactCounts(
  method: PowerMethod,
  game: PowerGame,
  form: ThresholdForm | null,
  control: Control,
): SwingCounts {
  const n = game.ids.length;
  if (method === 'size-generating-function') return sizeGeneratingFunction(form!, control);
  if (method === 'meet-in-the-middle') return meetInTheMiddle(form!, control);
  if (method === 'hybrid-generating-function') {
    const linear = linearForm(game.rule, n);
    return hybridCounts(linear, hybridPlan(linear)!, control);
  }
  if (method === 'regional-meet-in-the-middle') return regionalCounts(regionalPlanOf(game.rule, n)!, control);
  if (method === 'keyed-meet-in-the-middle')
    return keyedMeetInTheMiddle(keyedForm(linearForm(game.rule, n))!, control);
  return enumerateCoalitions(linearForm(game.rule, n), control);
}

function withDomination(game: PowerGame, banzhaf: number[]): { domination?: DominationReport } {
  return game.population ? { domination: dominationReport(game.ids, banzhaf, game.population) } : {};
}

interface Choice {
  method: PowerMethod;
  why: string;
}

/** The fastest exact method that fits in memory and time, or the one asked for if it can run at all. */
export function chooseMethod(game: PowerGame, form: ThresholdForm | null, options: PowerOptions): Choice {
  const n = game.ids.length;
  const maxBytes = options.maxBytes ?? DEFAULT_BYTES;
  const forced = options.method && options.method !== 'auto' ? options.method : null;
  const gfBytes = form ? sizeGfBytes(form) : Number.POSITIVE_INFINITY;
  const gfSeconds = form ? sizeGfWork(form) / CELLS_PER_SECOND : Number.POSITIVE_INFINITY;
  const mitmSeconds =
    form && n <= MAX_MITM
      ? (2 ** Math.floor(n / 2) * n * (n / 2)) / CELLS_PER_SECOND
      : Number.POSITIVE_INFINITY;
  const enumSeconds = n <= MAX_ENUMERATE ? (2 ** n * 10) / CELLS_PER_SECOND : Number.POSITIVE_INFINITY;
  const gb = (b: number) => `${(b / 1024 ** 3).toFixed(2)} GiB`;
  const regional =
    !form && (!forced || forced === 'regional-meet-in-the-middle') ? regionalPlanOf(game.rule, n) : null;
  if (forced) {
    const problem =
      forced === 'weighted-generating-function' &&
      !form?.minWeight.slice(1).every((t) => t === form.minWeight[n])
        ? 'it needs a rule with one weight and one quota'
        : forced === 'size-generating-function' && !form
          ? 'the rule needs more than a member count and one weight'
          : forced === 'size-generating-function' && gfBytes > maxBytes
            ? `it needs about ${gb(gfBytes)}, over the limit of ${gb(maxBytes)}`
            : forced === 'meet-in-the-middle' && (!form || n > MAX_MITM)
              ? `it needs a one-weight rule and at most ${MAX_MITM} players`
              : forced === 'keyed-meet-in-the-middle' &&
                  (n > MAX_KEYED_MITM || !keyedForm(linearForm(game.rule, n)))
                ? `it needs at most ${MAX_KEYED_MITM} players and small criteria besides one weight`
                : forced === 'regional-meet-in-the-middle' && !regional
                  ? 'it needs an "all" of quotas and one groups clause, with few members differing from the rest'
                  : forced === 'regional-meet-in-the-middle' && regional!.bytes > maxBytes
                    ? `it needs about ${gb(regional!.bytes)}, over the limit of ${gb(maxBytes)}`
                    : forced === 'enumeration' && n > MAX_ENUMERATE
                      ? `it is limited to ${MAX_ENUMERATE} players (2^${n} coalitions)`
                      : null;
    if (problem)
      throw new PowerError(`method ${forced} cannot run on this game: ${problem}`, 'use --method auto');
    return { method: forced, why: `method ${forced} as requested` };
  }
  const options_: (Choice & { seconds: number })[] = [];
  const wantsShapley = !options.indices || options.indices.includes('shapley');
  const pureWeighted =
    form?.minWeight.slice(1).every((t) => t === form.minWeight[n]) && Number.isFinite(form.minWeight[n]!);
  if (form && pureWeighted && !wantsShapley && form.total * 16 <= maxBytes) {
    // Always the cheapest exact method for this family, so it is taken whenever it fits.
    return {
      method: 'weighted-generating-function',
      why: `exact generating function in ${form.weightName} (Banzhaf and Coleman)`,
    };
  }
  if (form && gfBytes <= maxBytes) {
    options_.push({
      method: 'size-generating-function',
      seconds: gfSeconds,
      why: `exact generating function in size and ${form.weightName} (about ${gb(gfBytes)})`,
    });
  }
  if (form && n <= MAX_MITM)
    options_.push({
      method: 'meet-in-the-middle',
      seconds: mitmSeconds,
      why: `exact meet-in-the-middle over two halves of ${Math.floor(n / 2)} and ${n - Math.floor(n / 2)} members`,
    });
  const plan = form ? null : hybridPlan(linearForm(game.rule, n));
  if (plan) {
    const m = plan.rest.length;
    const W = plan.restWeights.reduce((a, b) => a + b, 0);
    const cells = (m * m * (W / 2 + 1)) / 2 + 2 ** plan.enumerated.length * m * m * 20;
    const bytes = (m + 1) * (W / 2 + 1) * 8;
    if (bytes <= maxBytes) {
      options_.push({
        method: 'hybrid-generating-function',
        seconds: cells / CELLS_PER_SECOND,
        why: `exact: ${plan.enumerated.length} distinct members enumerated, a generating function over the other ${m}`,
      });
    }
  }
  const keyed = !form && n <= MAX_KEYED_MITM ? keyedForm(linearForm(game.rule, n)) : null;
  if (keyed) {
    // Buckets of the right half are far fewer than its coalitions in practice (EU Nice: ~1,500 of 16,384).
    const buckets = Math.min(
      2 ** (n - Math.floor(n / 2)),
      keyed.dimTotals.reduce((p, t) => p * (Math.ceil(t / 2) + 1), 1),
    );
    options_.push({
      method: 'keyed-meet-in-the-middle',
      seconds: (2 ** Math.floor(n / 2) * buckets * 4) / CELLS_PER_SECOND,
      why: `exact meet-in-the-middle keyed by ${keyed.dims.length} small criteria`,
    });
  }
  // Other methods are proven on rules without a groups clause; this one is their fallback there.
  const groupsClause = regional && Number.isFinite(regional.form.allowedFails);
  if (regional && regional.bytes <= maxBytes && (groupsClause || options_.length === 0)) {
    const [a, b] = regional.sides;
    options_.push({
      method: 'regional-meet-in-the-middle',
      seconds: regional.work / CELLS_PER_SECOND,
      why: `exact meet-in-the-middle over groups: ${regional.live.length} yes-sets of the ${regional.form.heavy.length} distinct members enumerated, the others in halves of ${a.members.length} and ${b.members.length} (about ${gb(regional.bytes)})`,
    });
  }
  if (n <= MAX_ENUMERATE)
    options_.push({
      method: 'enumeration',
      seconds: enumSeconds,
      why: `exact enumeration of all 2^${n} coalitions`,
    });
  const best = options_.sort((a, b) => a.seconds - b.seconds)[0];
  if (best && best.seconds < 120) return { method: best.method, why: best.why };
  return {
    method: 'monte-carlo',
    why: form
      ? `no exact method fits (generating function ${gb(gfBytes)}, ${n} players): estimated by sampling`
      : regional && regional.bytes > maxBytes
        ? `exact regional meet-in-the-middle would need about ${gb(regional.bytes)}, over the limit of ${gb(maxBytes)}: estimated by sampling`
        : `the rule combines several criteria over ${n} members, beyond exact enumeration: estimated by sampling`,
  };
}
