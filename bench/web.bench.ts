// Web UI budgets (issue 5): the JavaScript the browser downloads, and how soon the map view is interactive.
//
//   npm run bench:web [-- --runs N] > report.md
//
//   --runs N   page loads of /#/map, each in a fresh browser context (default 20)
//
// (1) gzip size of every dist/assets/*.js (the map geometry is a .json asset and not counted), in total and for the
// initial load: the entry script and its static imports. Budget: 400 KB gzip in total.
// (2) The real server (PGlite, seeded as on a first start) serving the built UI, Debian's chromium headless:
// the time of performance.mark('concert:map-interactive') after navigation start. Budget: 1.5 s.
// The report (markdown) goes to stdout, progress to stderr; the exit status is 1 when a budget is exceeded.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { browserAvailable, startUiPlatform } from '../packages/web/test/platform.ts';
import { median } from './measure.ts';

const BUNDLE_BUDGET_KB = 400;
const INTERACTIVE_BUDGET_MS = 1500;
const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(argv[runsAt + 1]) : 20;
if (!Number.isInteger(RUNS) || RUNS < 1) {
  process.stderr.write('--runs needs a whole number of at least 1\n');
  process.exit(2);
}

const dist = join(import.meta.dirname, '..', 'packages', 'web', 'dist');
const kb = (bytes: number) => bytes / 1024;

interface Asset {
  file: string;
  bytes: number;
  gzip: number;
}

/** A fresh production build: a dist/ left by another tool may be stale or a development build. */
function buildProduction(): void {
  rmSync(join(dist, 'index.html'), { force: true });
  const ensure = join(import.meta.dirname, '..', 'packages', 'web', 'scripts', 'ensure-built.js');
  const r = spawnSync(process.execPath, [ensure], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`web build failed:\n${r.stdout}\n${r.stderr}`);
}

function scripts(): Asset[] {
  return readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const code = readFileSync(join(dist, 'assets', file));
      return { file, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

/** The entry script named by index.html, then every chunk it imports statically, transitively. */
function initialFiles(): Set<string> {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('dist/index.html names no module entry script');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dist, 'assets', file), 'utf8');
    // Static imports only: `import{…}from"./x.js"` and `import"./x.js"`; `import("./x.js")` is loaded on demand.
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(m[1]!);
  };
  visit(entry);
  return seen;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

async function interactiveTimes(): Promise<number[]> {
  const platform = await startUiPlatform();
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await platform.context();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto('/#/map');
      const handle = await page.waitForFunction(
        () => performance.getEntriesByName('concert:map-interactive')[0]?.startTime,
        undefined,
        { timeout: 30_000 },
      );
      times.push(Number(await handle.jsonValue()));
      if (errors.length > 0) throw new Error(`page errors on /#/map: ${errors.join('; ')}`);
      await context.close();
      process.stderr.write(`  load ${i + 1}/${RUNS}: ${times.at(-1)!.toFixed(0)} ms\n`);
    }
  } finally {
    await platform.close();
  }
  return times;
}

async function main(): Promise<void> {
  process.stderr.write('building the UI…\n');
  buildProduction();
  const assets = scripts();
  const initial = initialFiles();
  const total = assets.reduce((s, a) => s + a.gzip, 0);
  const initialGzip = assets.filter((a) => initial.has(a.file)).reduce((s, a) => s + a.gzip, 0);
  const load = loadavg();
  const out: string[] = [];
  out.push('## Web UI budgets', '');
  out.push(
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores; load average ${load.map((l) => l.toFixed(2)).join(' / ')} at the start; Node ${process.version}.`,
    '',
  );
  out.push(
    '### JavaScript bundle (gzip -9)',
    '',
    '| file | bytes | gzip KB | initial load |',
    '|---|---:|---:|:---:|',
  );
  for (const a of assets) {
    out.push(`| ${a.file} | ${a.bytes} | ${kb(a.gzip).toFixed(1)} | ${initial.has(a.file) ? 'yes' : ''} |`);
  }
  const bundleOk = kb(total) <= BUNDLE_BUDGET_KB;
  out.push(
    '',
    `Total ${kb(total).toFixed(1)} KB gzip (budget ${BUNDLE_BUDGET_KB} KB: ${bundleOk ? 'within' : 'OVER'}); initial load ${kb(initialGzip).toFixed(1)} KB gzip.`,
    '',
  );

  let interactiveOk = true;
  if (browserAvailable()) {
    process.stderr.write(`loading /#/map ${RUNS} times in headless chromium…\n`);
    const times = await interactiveTimes();
    const p95 = percentile(times, 95);
    interactiveOk = percentile(times, 100) <= INTERACTIVE_BUDGET_MS;
    out.push(
      `### Map interactive (${RUNS} loads of /#/map, fresh context each)`,
      '',
      '| median ms | p95 ms | max ms | min ms |',
      '|---:|---:|---:|---:|',
      `| ${median(times).toFixed(0)} | ${p95.toFixed(0)} | ${Math.max(...times).toFixed(0)} | ${Math.min(...times).toFixed(0)} |`,
      '',
      `Budget ${INTERACTIVE_BUDGET_MS} ms for every load: ${interactiveOk ? 'within' : 'OVER'}.`,
      '',
    );
  } else {
    out.push('### Map interactive', '', 'Not measured: no chromium on this machine.', '');
  }
  process.stdout.write(`${out.join('\n')}\n`);
  if (!bundleOk || !interactiveOk) process.exitCode = 1;
}

await main();
