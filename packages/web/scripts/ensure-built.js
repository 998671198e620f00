#!/usr/bin/env node
// `npm start` runs this first: build the UI into packages/web/dist when it is missing or older than its sources
// (the web's own files or the engine it imports), so a fresh clone and an edited checkout both serve a current UI.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(web, 'dist', 'index.html');
const sources = [
  join(web, 'src'),
  join(web, 'index.html'),
  join(web, 'vite.config.ts'),
  join(web, 'scripts', 'builtin-data.ts'),
  join(web, '..', 'engine', 'src'),
];

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const entry of readdirSync(path)) t = Math.max(t, newest(join(path, entry)));
  return t;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (built && sources.every((s) => !existsSync(s) || newest(s) <= built)) process.exit(0);
console.log('concert: building the web UI (packages/web/dist)…');
const vite = join(web, '..', '..', 'node_modules', 'vite', 'bin', 'vite.js');
// NODE_ENV is pinned: under vitest it is `test`, and Vite would then bundle React's development build
// (StrictMode's doubled effects and requests, a larger bundle) into what the browser tests measure.
const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
  cwd: web,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
if (r.status !== 0) {
  console.error(
    'concert: the web UI did not build; the API still works. Fix the error above and run npm start again.',
  );
  process.exit(r.status ?? 1);
}
