import {
  analysePower,
  decisionGame,
  institutionOn,
  manifestFor,
  type PowerGame,
  type PowerOptions,
  type PowerResult,
  passProbability,
  powerGameFromDecision,
  powerGameFromGame,
  verdict,
} from '@concert/engine';
import { UsageError } from '../errors.ts';
import { loadCharterOrGame, parseDate, parseIds } from '../inputs.ts';

/** What the power command asks a worker to compute; plain data, so it crosses the thread boundary. */
export interface PowerJob {
  target: string;
  body?: string;
  category?: string;
  date?: string;
  population?: string;
  parties?: string;
  probabilities?: Record<string, number>;
  options: Pick<PowerOptions, 'method' | 'samples' | 'seed' | 'maxBytes' | 'listLimit' | 'indices'>;
}

export interface PowerJobResult extends PowerResult {
  verdict: string[];
  probabilistic?: ReturnType<typeof passProbability> & { probabilities: Record<string, number> };
  manifest: ReturnType<typeof manifestFor> | { engine: string; game: { source: string; hash: string } };
  body?: string;
  category?: string;
  date?: string;
}

/** Builds the simple game a job names, checking every input; throws a clear error for bad ones. */
export function gameForJob(job: PowerJob): {
  game: PowerGame;
  meta: Pick<PowerJobResult, 'manifest' | 'body' | 'category' | 'date'>;
} {
  const loaded = loadCharterOrGame(job.target);
  if (loaded.kind === 'game') {
    return {
      game: powerGameFromGame(loaded.game),
      meta: { manifest: { engine: '0.1.0', game: { source: loaded.game.source, hash: loaded.game.hash } } },
    };
  }
  const charter = loaded.charter;
  const date = parseDate(job.date, charter.reference_date);
  const body = charter.bodies.find((b) => b.id === (job.body ?? charter.bodies[0]!.id));
  if (!body)
    throw new UsageError(
      `no body "${job.body}" in ${charter.id}`,
      `bodies: ${charter.bodies.map((b) => b.id).join(', ')}`,
    );
  if (!job.category && body.categories.length > 1) {
    throw new UsageError(
      `--category is needed: ${body.id} decides under several rules`,
      `categories: ${body.categories.map((c) => c.id).join(', ')}`,
    );
  }
  const category = job.category ?? body.categories[0]!.id;
  const inst = institutionOn(charter, date, job.population ? { populationSeries: job.population } : {});
  const parties = parseIds(job.parties, '--parties', new Set(inst.members.map((m) => m.id)));
  const game = powerGameFromDecision(decisionGame(inst, body.id, category, { parties }));
  return {
    game,
    meta: { manifest: manifestFor(charter, date, inst.populationSeries), body: body.id, category, date },
  };
}

export function runPowerJob(
  job: PowerJob,
  control: Pick<PowerOptions, 'onProgress' | 'shouldStop'>,
): PowerJobResult {
  const { game, meta } = gameForJob(job);
  const result = analysePower(game, { ...job.options, ...control, now: () => performance.now() });
  const out: PowerJobResult = { ...result, verdict: verdict(result), ...meta };
  if (job.probabilities) {
    const p = game.ids.map((id) => job.probabilities![id] ?? 0.5);
    out.probabilistic = {
      ...passProbability(game, p, control),
      probabilities: Object.fromEntries(game.ids.map((id, i) => [id, p[i]!])),
    };
  }
  return out;
}
