// The peers, run as subprocesses: EPIC (C++/GMP), Kurz's algorithm (frankhuettner/powerindices, numpy) and the
// EU27 C enumerator. bench/peers.sh fetches and builds them outside the repository; this file finds and runs them.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WeightedInput } from './inputs.ts';
import { type ProcessRun, type Timing, timedProcess } from './measure.ts';

export const PEERS_DIR = process.env.CONCERT_PEERS_DIR ?? '/tmp/concert-peers';
const BENCH_DIR = new URL('.', import.meta.url).pathname;

export interface Peers {
  epic?: string;
  kurz?: string;
  enumerator?: string;
  python: string;
  /** What was found or skipped, for the report. */
  notes: string[];
}

/** Runs bench/peers.sh (fetch and build, idempotent) unless told not to, then looks for each peer. */
export function preparePeers(fetch: boolean): Peers {
  const notes: string[] = [];
  if (fetch) {
    const r = timedProcess('bash', [join(BENCH_DIR, 'peers.sh')], { timeoutMs: 30 * 60_000 });
    notes.push(...(r.stdout + r.stderr).trim().split('\n').filter(Boolean));
    if (r.failure) notes.push(`peers.sh failed: ${r.failure}`);
  }
  const found = (path: string, what: string): string | undefined => {
    if (existsSync(path)) return path;
    notes.push(`${what}: not found at ${path} — skipped (run bench/peers.sh)`);
    return undefined;
  };
  return {
    epic: found(join(PEERS_DIR, 'epic', 'epic-bench'), 'EPIC'),
    kurz: found(join(PEERS_DIR, 'powerindices', 'powerindices.py'), 'Kurz (powerindices)')
      ? join(PEERS_DIR, 'powerindices')
      : undefined,
    enumerator: found(join(PEERS_DIR, 'bin', 'eu27-enumerate'), 'EU27 C enumerator'),
    python: process.env.CONCERT_PYTHON ?? '/usr/bin/python3',
    notes,
  };
}

/** One index computed by a peer: per-player values in input order, exact swing counts where the peer has them. */
export interface IndexRun extends Timing {
  values: number[];
  swings?: bigint[];
}

export type EpicIndex = 'BZ' | 'SH';

/** Writes the weights file EPIC reads: one integer weight per line (the quota goes on the command line). */
export function writeEpicWeights(dir: string, input: WeightedInput, name: string): string {
  const path = join(dir, `${name}.weights.csv`);
  writeFileSync(path, `${input.weights.join('\n')}\n`);
  return path;
}

/**
 * `epic-bench -i BZ|SH -w weights -q quota -v`. Values come from the "P<k>: value" lines (player k in input
 * order, 25 digits thanks to bench/epic-precision.cpp); -v adds Banzhaf's exact raw counts ("Player k: swings")
 * and EPIC's own timing of the computation ("Calculation completed (N µs)"). EPIC asks y/n on stdin when it
 * thinks memory is short; it is answered "n" so a run never hangs.
 */
export function runEpic(bin: string, weightsFile: string, quota: number, index: EpicIndex): IndexRun {
  const r = timedProcess(bin, ['-i', index, '-w', weightsFile, '-q', String(quota), '-v'], {
    input: 'n\n',
    timeoutMs: 30 * 60_000,
  });
  const out = mustSucceed(r, `EPIC ${index}`);
  const values: number[] = [];
  const swings: bigint[] = [];
  for (const m of out.matchAll(/^P(\d+): (\S+)$/gm)) values[Number(m[1]) - 1] = Number(m[2]);
  for (const m of out.matchAll(/^\s*Player (\d+): (\d+)\s*$/gm)) swings[Number(m[1]) - 1] = BigInt(m[2]!);
  const micros = /Calculation completed \((\d+) µs\)/.exec(out);
  if (!micros) throw new Error(`EPIC ${index}: no "Calculation completed" line in its output`);
  return {
    wallMs: r.wallMs,
    computeMs: Number(micros[1]) / 1000,
    values,
    ...(index === 'BZ' ? { swings } : {}),
  };
}

export type KurzIndex = 'banzhaf' | 'shapley';

/**
 * bench/kurz-driver.py imports powerindices from the checkout. For 'banzhaf' the values are Penrose's absolute
 * index (swings / 2^(n-1)), for 'shapley' the Shapley–Shubik index.
 */
export function runKurz(python: string, checkout: string, input: WeightedInput, index: KurzIndex): IndexRun {
  const r = timedProcess(python, [join(BENCH_DIR, 'kurz-driver.py'), checkout, index], {
    input: JSON.stringify({ quota: input.quota, weights: input.weights }),
    timeoutMs: 3 * 60 * 60_000,
  });
  const parsed = JSON.parse(mustSucceed(r, `Kurz ${index}`)) as { values: number[]; computeMs: number };
  return { wallMs: r.wallMs, computeMs: parsed.computeMs, values: parsed.values };
}

export interface EnumeratorPlayer {
  id: string;
  swings: bigint;
  /** Swings in winning coalitions of each size 0..n. */
  bySize: bigint[];
  banzhaf: number;
  shapley: number;
}

export interface EnumeratorRun extends Timing {
  winning: bigint;
  threads: number;
  players: EnumeratorPlayer[];
}

/** bench/eu27-enumerate.c over a populations file ("id population" per line). */
export function runEnumerator(bin: string, file: string, threads: number, naive = false): EnumeratorRun {
  const r = timedProcess(bin, [file, String(threads), ...(naive ? ['--naive'] : [])], {
    timeoutMs: 10 * 60_000,
  });
  // Counts are parsed as BigInt from the text: JSON.parse would round anything past 2^53.
  const text = mustSucceed(r, 'EU27 enumerator').replace(/("swings":|"winning":)(\d+)/g, '$1"$2"');
  const raw = JSON.parse(text.replace(/"bySize":\[([\d,]*)\]/g, (_, xs: string) => `"bySize":"${xs}"`)) as {
    computeMs: number;
    winning: string;
    threads: number;
    players: { id: string; swings: string; bySize: string; banzhaf: number; shapley: number }[];
  };
  return {
    wallMs: r.wallMs,
    computeMs: raw.computeMs,
    winning: BigInt(raw.winning),
    threads: raw.threads,
    players: raw.players.map((p) => ({
      id: p.id,
      swings: BigInt(p.swings),
      bySize: p.bySize.split(',').map((x) => BigInt(x)),
      banzhaf: p.banzhaf,
      shapley: p.shapley,
    })),
  };
}

function mustSucceed(r: ProcessRun, what: string): string {
  if (r.failure) throw new Error(`${what}: ${r.failure}`);
  return r.stdout;
}
