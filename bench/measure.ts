// Repetition, medians and subprocess timing shared by every section of the benchmark.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { Agreement } from './agreement.ts';

/** One timed run: wall clock as the benchmark saw it, and the tool's own timing of its computation. */
export interface Timing {
  wallMs: number;
  computeMs: number;
}

export interface Measured<T> {
  /** The last run's result (all runs compute the same thing; agreement is checked on one). */
  result: T;
  runs: Timing[];
  wallMs: number; // median
  computeMs: number; // median
}

export interface RepeatOptions {
  reps: number;
  /** Stop repeating once this much time has gone by (at least one run always happens). */
  budgetMs: number;
}

export function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Runs `once` up to `reps` times and reports medians. Slow runs (EPIC's Shapley–Shubik, Kurz's algorithm) would
 * make a fixed count take hours, so repetition stops when the budget is spent; the report says how many ran.
 */
export function repeat<T extends Timing>(once: () => T, options: RepeatOptions): Measured<T> {
  const runs: T[] = [];
  const started = performance.now();
  do runs.push(once());
  while (runs.length < options.reps && performance.now() - started < options.budgetMs);
  return {
    result: runs[runs.length - 1]!,
    runs: runs.map(({ wallMs, computeMs }) => ({ wallMs, computeMs })),
    wallMs: median(runs.map((r) => r.wallMs)),
    computeMs: median(runs.map((r) => r.computeMs)),
  };
}

export interface ProcessRun {
  stdout: string;
  stderr: string;
  wallMs: number;
  /** Why the process did not finish normally, or null. */
  failure: string | null;
}

/** Runs a command to completion and times it from spawn to exit (process start and output included). */
export function timedProcess(
  command: string,
  args: string[],
  options: { input?: string; timeoutMs?: number; cwd?: string } = {},
): ProcessRun {
  const started = performance.now();
  const r = spawnSync(command, args, {
    input: options.input,
    cwd: options.cwd,
    timeout: options.timeoutMs,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  const failure = r.error
    ? (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT'
      ? `timed out after ${((options.timeoutMs ?? 0) / 1000).toFixed(0)} s`
      : r.error.message
    : r.status !== 0
      ? `exit ${r.status ?? r.signal}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' / ')}`
      : null;
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', wallMs, failure };
}

/** Milliseconds for a table: "412 ms", "1.24 s", "23.9 s". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** "12.3×": how many times faster `fast` is than `slow`. */
export function formatRatio(slow: number, fast: number): string {
  if (!Number.isFinite(slow) || !Number.isFinite(fast) || fast <= 0) return '—';
  const r = slow / fast;
  return `${r < 10 ? r.toFixed(2) : r.toFixed(0)}×`;
}

/** A markdown table. */
export function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Settings every section of the benchmark reads (from power.bench.ts's command line). */
export interface BenchOptions extends RepeatOptions {
  /** Per child process running Concert; a game still running then counts as past the limit. */
  timeoutMs: number;
  /** Threads for the C enumerator (the machine's core count by default). */
  threads: number;
  /** Kurz's Shapley–Shubik is pure-Python loops over a (weight × size) table: many minutes per quota. */
  kurzShapley: boolean;
  /** Whether Concert's power module is present; without it only the peers run. */
  concert: boolean;
  /** Scratch directory for peer input files (outside the repository). */
  workDir: string;
}

/** One of the bars: met, missed, or not measurable in this run (ok null). */
export interface Criterion {
  name: string;
  ok: boolean | null;
  detail: string;
}

/** What a section of the benchmark hands back to be assembled into the report. */
export interface SectionResult {
  markdown: string;
  agreements: Agreement[];
  criteria: Criterion[];
}
