// What a report's figures were measured on: the machine, the tools, and the engine's exact source, so a figure
// can be traced and a run that raced an edit of the engine (or another load on the machine) is flagged.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchOptions, table } from './measure.ts';
import { PEERS_DIR, type Peers } from './peers.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const ENGINE_SRC = join(REPO, 'packages', 'engine', 'src');

/** First line of a command's output, or "unavailable". */
export function shell(command: string, args: string[]): string {
  try {
    const out = execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return out.trim().split('\n')[0] ?? '';
  } catch {
    return 'unavailable';
  }
}

/** sha256 over every engine source file (path and content), to notice the engine changing mid-run. */
export function engineFingerprint(): string {
  const hash = createHash('sha256');
  const files = (readdirSync(ENGINE_SRC, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .sort();
  for (const f of files)
    hash
      .update(f)
      .update('\0')
      .update(readFileSync(join(ENGINE_SRC, f)))
      .update('\0');
  return hash.digest('hex').slice(0, 12);
}

/** "abc1234" or "abc1234 + uncommitted changes to packages/engine". */
export function engineCommit(): string {
  const commit = shell('git', ['-C', REPO, 'rev-parse', '--short', 'HEAD']);
  const dirty = shell('git', ['-C', REPO, 'status', '--porcelain', '--', 'packages/engine']);
  return dirty && dirty !== 'unavailable' ? `${commit} + uncommitted changes to packages/engine` : commit;
}

function load(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
}

export function machineTable(peers: Peers, options: BenchOptions, fingerprint: string): string {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  const commit = (dir: string | undefined) =>
    dir ? shell('git', ['-C', dir, 'rev-parse', '--short', 'HEAD']) : 'absent';
  const numpy = shell(peers.python, ['-c', 'import numpy; print(numpy.__version__)']);
  return table(
    ['', ''],
    [
      ['cores (nproc)', String(availableParallelism())],
      ['CPU', cpu],
      ['load average at start (1 / 5 / 15 min)', load()],
      ['node', process.version],
      ['Concert engine', `${engineCommit()} (source fingerprint ${fingerprint})`],
      ['C/C++ compiler', shell('cc', ['--version'])],
      ['python (Kurz)', `${shell(peers.python, ['--version'])}, numpy ${numpy}`],
      ['EPIC commit', commit(peers.epic ? join(PEERS_DIR, 'epic') : undefined)],
      ['powerindices commit', commit(peers.kurz)],
      [
        'repetitions',
        `up to ${options.reps}, median; a measurement stops repeating after ${options.budgetMs / 1000} s`,
      ],
    ],
  );
}

/** Closing lines: the load at the end, and a warning if the engine's source changed while the run went on. */
export function closingNotes(fingerprint: string): string[] {
  const now = engineFingerprint();
  const notes = [`Load average at the end (1 / 5 / 15 min): ${load()}.`];
  if (now !== fingerprint)
    notes.push(
      `**Warning:** the engine's source changed during the run (fingerprint ${fingerprint} → ${now}); Concert's figures mix versions — run again.`,
    );
  return notes;
}
