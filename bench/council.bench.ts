// The council platform under load: a real server process (bin/server.js) over loopback, driven by a small HTTP
// client of our own (node:http with keep-alive connections), on PGlite and on PostgreSQL.
//
//   npm run bench:council [-- --db pglite|postgresql|both] [--seconds N] [--only a,b,c,d] [--profile DIR] [--trace FILE] > report.md
//
// --only: the measurements to run (default all four), e.g. `--only b` for the open loop alone.
//
// --profile DIR: the server runs with `node --cpu-prof` and writes its CPU profiles (main thread and
// workers, .cpuprofile, for Chrome's DevTools or speedscope) into DIR when it stops.
//
// --trace FILE: writes every open-loop (b) vote as a CSV line (database, ms from the start when it was due,
// latency in ms), to see whether slow votes come alone or together (a stall).
//
// (a) 200 delegations voting flat out (closed loop: each sends its next vote when the last is answered);
// (b) an open loop of 500 votes/s (latency from the scheduled send time, so a stall is not hidden);
// (c) 200 connected event-stream clients: latency from a vote's send to its event at each client, with 20
//     clients dropped mid-run and reconnected with Last-Event-ID, then checked for gaps;
// (d) a probe of the server's responsiveness (GET /api/health every 5 ms) while heavy analyses run (the whole
//     chain's verification, the session log's replay).
// PostgreSQL: CONCERT_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), in a schema of its
// own, dropped afterwards. The report (markdown) goes to stdout, progress to stderr.
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../packages/server/src/database/index.ts';
import {
  exited,
  openAssemblyPoll,
  type SeededAssembly,
  seedAssembly,
  spawnServer,
} from '../packages/server/src/test-assembly.ts';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1]! : fallback;
};
const SECONDS = Number(arg('seconds', '10'));
const WHICH = arg('db', 'both');
const PROFILE = arg('profile', '');
const TRACE = arg('trace', '');
const ONLY = new Set(arg('only', 'a,b,c,d').split(','));
if (!['pglite', 'postgresql', 'both'].includes(WHICH))
  throw new Error('--db takes pglite, postgresql or both');
if (ONLY.size === 0 || [...ONLY].some((m) => !['a', 'b', 'c', 'd'].includes(m)))
  throw new Error('--only takes a comma-separated list of a, b, c and d');
if (!(SECONDS >= 1)) throw new Error('--seconds needs a number of at least 1');
const DATABASE_URL = process.env.CONCERT_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DELEGATIONS = 200;
const CHOICES = ['yes', 'no', 'abstain'] as const;
const log = (s: string) => process.stderr.write(`${s}\n`);

// --- HTTP driver ------------------------------------------------------------------------------------------

const agent = new http.Agent({ keepAlive: true, maxSockets: 400 });

interface Answer {
  status: number;
  body: string;
}

function request(base: string, method: string, path: string, token: string, body?: unknown): Promise<Answer> {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
        timeout: 10_000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

// --- statistics -------------------------------------------------------------------------------------------

class Latencies {
  readonly ms: number[] = [];
  /** When each was due (ms, performance.now()), kept only for --trace. */
  readonly due: number[] = [];
  errors = 0;
  timeouts = 0;
  non2xx = 0;
  add(ms: number, due?: number) {
    this.ms.push(ms);
    if (TRACE && due !== undefined) this.due.push(due);
  }
  summary() {
    const s = [...this.ms].sort((a, b) => a - b);
    const q = (p: number) =>
      s.length === 0 ? Number.NaN : s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
    return {
      n: s.length,
      p50: q(0.5),
      p90: q(0.9),
      p99: q(0.99),
      p999: q(0.999),
      max: s.at(-1) ?? Number.NaN,
    };
  }
}

const f = (x: number) => (Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));

function row(label: string, l: Latencies, extra: string) {
  const s = l.summary();
  return `| ${label} | ${extra} | ${s.n} | ${f(s.p50)} | ${f(s.p90)} | ${f(s.p99)} | ${f(s.p999)} | ${f(s.max)} | ${l.errors} | ${l.timeouts} | ${l.non2xx} |`;
}

async function vote(base: string, token: string, poll: number, choice: string, l: Latencies, start: number) {
  try {
    const r = await request(base, 'POST', `/api/polls/${poll}/votes`, token, { choice });
    l.add(performance.now() - start, start);
    if (r.status !== 204) {
      l.non2xx++;
      if (l.non2xx <= 3) log(`  vote answered ${r.status}: ${r.body}`);
    }
  } catch (e) {
    if ((e as Error).message === 'timeout') l.timeouts++;
    else l.errors++;
  }
}

// --- (a) closed loop --------------------------------------------------------------------------------------

async function closedLoop(base: string, a: SeededAssembly, poll: number, seconds = SECONDS) {
  const l = new Latencies();
  const until = performance.now() + seconds * 1000;
  let n = 0;
  await Promise.all(
    a.members.map(async (m, i) => {
      const token = a.delegates.get(m)!;
      for (let k = i; performance.now() < until; k++) {
        const t0 = performance.now();
        await vote(base, token, poll, CHOICES[k % 3]!, l, t0);
        n++;
      }
    }),
  );
  const ok = l.summary().n - l.non2xx;
  return { l, rate: ok / seconds, sent: n };
}

// --- (b) open loop ----------------------------------------------------------------------------------------

async function openLoop(base: string, a: SeededAssembly, poll: number, perSecond: number) {
  const l = new Latencies();
  const total = perSecond * SECONDS;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let k = 0; k < total; k++) {
    const due = start + (k * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const m = a.members[k % a.members.length]!;
    inFlight.push(
      vote(base, a.delegates.get(m)!, poll, CHOICES[Math.floor(k / a.members.length) % 3]!, l, due),
    );
  }
  await Promise.all(inFlight);
  return { l, achieved: total / ((performance.now() - start) / 1000) };
}

// --- (c) event streams ------------------------------------------------------------------------------------

interface StreamClient {
  ids: number[];
  req?: http.ClientRequest;
  last: number;
}

function connectStream(
  base: string,
  token: string,
  session: number,
  client: StreamClient,
  onEvent: (id: number, data: { delegation?: string }) => void,
): Promise<void> {
  const url = new URL(`/api/sessions/${session}/events`, base);
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        headers: {
          authorization: `Bearer ${token}`,
          'last-event-id': String(client.last),
          accept: 'text/event-stream',
        },
      },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`event stream: ${res.statusCode}`));
        resolve();
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const id = /^id: (\d+)$/m.exec(block);
            const data = /^data: (.*)$/m.exec(block);
            if (!id || !data) continue;
            const n = Number(id[1]);
            client.ids.push(n);
            client.last = n;
            onEvent(n, JSON.parse(data[1]!));
          }
        });
        res.on('error', () => {});
      },
    );
    req.on('error', () => {});
    client.req = req;
  });
}

async function liveUpdates(base: string, a: SeededAssembly, session: number, poll: number) {
  const fromSend = new Latencies();
  const fromAck = new Latencies();
  const sentAt = new Map<string, number>();
  const ackedAt = new Map<string, number>();
  const [first] = JSON.parse(
    (await request(base, 'GET', `/api/sessions/${session}/log`, a.observer)).body,
  ).events.slice(-1);
  const startId = Number(first?.id ?? 0);
  const clients: StreamClient[] = a.members.map(() => ({ ids: [], last: startId }));
  // A vote is known by its delegation and choice (a delegation's consecutive votes differ in choice).
  const onEvent = (_id: number, data: { delegation?: string; choice?: string }) => {
    if (!data.delegation) return;
    const key = `${data.delegation}\n${data.choice}`;
    const now = performance.now();
    const s = sentAt.get(key);
    const k = ackedAt.get(key);
    if (s === undefined) return;
    fromSend.add(now - s);
    // An event may arrive before its own 204: it counts as 0 from the acknowledgement.
    fromAck.add(k !== undefined && k >= s ? now - k : 0);
  };
  await Promise.all(
    a.members.map((m, i) => connectStream(base, a.delegates.get(m)!, session, clients[i]!, onEvent)),
  );
  const votes = new Latencies();
  const perSecond = 100; // each delegation votes every 2 s: at most one of its votes in flight
  const total = perSecond * SECONDS;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  let reconnects = 0;
  for (let k = 0; k < total; k++) {
    const due = start + (k * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (k === Math.floor(total / 2)) {
      // Drop 20 clients; they come back 500 ms later asking for what they missed.
      for (const c of clients.slice(0, 20)) c.req?.destroy();
      setTimeout(() => {
        for (const [i, c] of clients.slice(0, 20).entries()) {
          void connectStream(base, a.delegates.get(a.members[i]!)!, session, c, () => {}).then(
            () => reconnects++,
          );
        }
      }, 500);
    }
    const m = a.members[k % a.members.length]!;
    const choice = CHOICES[Math.floor(k / a.members.length) % 3]!;
    const key = `assembly:${m}\n${choice}`;
    sentAt.set(key, performance.now());
    ackedAt.delete(key);
    inFlight.push(
      vote(base, a.delegates.get(m)!, poll, choice, votes, due).then(() => {
        ackedAt.set(key, performance.now());
      }),
    );
  }
  await Promise.all(inFlight);
  const truth: number[] = (
    JSON.parse((await request(base, 'GET', `/api/sessions/${session}/log`, a.observer)).body).events as {
      id: number;
    }[]
  )
    .map((e) => Number(e.id))
    .filter((id) => id > startId);
  // Let the last events arrive (up to 30 s): a slow delivery shows in the latencies, a gap in the count.
  const lastId = truth.at(-1) ?? startId;
  for (const t0 = performance.now(); performance.now() - t0 < 30_000; ) {
    if (clients.every((c) => c.last >= lastId)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const c of clients) c.req?.destroy();
  let gaps = 0;
  let doubles = 0;
  for (const c of clients) {
    const got = new Set(c.ids);
    doubles += c.ids.length - got.size;
    gaps += truth.filter((id) => !got.has(id)).length;
  }
  return { fromSend, fromAck, votes, gaps, doubles, reconnects, events: truth.length };
}

// --- (d) responsiveness during heavy analysis ------------------------------------------------------------

async function lagUnderAnalysis(base: string, a: SeededAssembly, session: number) {
  const probe = new Latencies();
  const analyses = new Latencies();
  let running = true;
  const heavy = (async () => {
    for (let k = 0; running; k++) {
      const t0 = performance.now();
      const path = k % 2 === 0 ? '/api/audit/verify' : `/api/sessions/${session}/log`;
      try {
        const r = await request(base, 'GET', path, a.observer);
        analyses.add(performance.now() - t0);
        if (r.status !== 200) analyses.non2xx++;
      } catch {
        analyses.errors++;
      }
    }
  })();
  const until = performance.now() + SECONDS * 1000;
  while (performance.now() < until) {
    const t0 = performance.now();
    try {
      const r = await request(base, 'GET', '/api/health', a.observer);
      probe.add(performance.now() - t0);
      if (r.status !== 200) probe.non2xx++;
    } catch {
      probe.errors++;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  running = false;
  await heavy;
  return { probe, analyses };
}

// --- one database -----------------------------------------------------------------------------------------

async function benchOne(kind: 'pglite' | 'postgresql'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'concert-bench-'));
  const env: Record<string, string> = { CONCERT_DATA_DIR: dir };
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  let assembly: SeededAssembly;
  if (kind === 'postgresql') {
    const db = await openDatabase({ databaseUrl: DATABASE_URL, schema });
    assembly = await seedAssembly(db, DELEGATIONS, dir);
    await db.close();
    env.DATABASE_URL = `${DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  } else {
    const db = await openDatabase({ dataDir: dir });
    assembly = await seedAssembly(db, DELEGATIONS, dir);
    await db.close();
  }
  const server = await spawnServer(env, PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : []);
  const lines: string[] = [];
  try {
    const { session, poll } = await openAssemblyPoll(server.base, assembly);
    // Warm-up, not reported: every delegation's login read once and the server's hot paths compiled, so
    // that whichever measurement comes first does not pay for a cold start.
    log(`${kind}: warm-up, 2 s`);
    await closedLoop(server.base, assembly, poll, 2);
    const load0 = loadavg()[0]!;
    const run = async <T>(m: string, what: string, measure: () => Promise<T>): Promise<T | undefined> => {
      if (!ONLY.has(m)) return undefined;
      log(`${kind}: (${m}) ${what}`);
      return measure();
    };
    const a = await run('a', `closed loop, ${SECONDS} s`, () => closedLoop(server.base, assembly, poll));
    const b = await run('b', 'open loop 500/s', () => openLoop(server.base, assembly, poll, 500));
    if (b && TRACE) {
      const t0 = Math.min(...b.l.due);
      appendFileSync(
        TRACE,
        b.l.ms.map((ms, i) => `${kind},${(b.l.due[i]! - t0).toFixed(1)},${ms.toFixed(2)}\n`).join(''),
      );
    }
    const c = await run('c', 'event streams', () => liveUpdates(server.base, assembly, session, poll));
    const d = await run('d', 'responsiveness during analysis', () =>
      lagUnderAnalysis(server.base, assembly, session),
    );
    const load1 = loadavg()[0]!;
    lines.push(
      `### ${kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'}`,
      '',
      `Load average (1 min) before/after: ${load0.toFixed(2)} / ${load1.toFixed(2)} on ${cpus().length} cores.`,
      '',
      '| measurement | rate | n | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors | timeouts | non-2xx |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
      ...(a ? [row('(a) vote, 200 delegations flat out', a.l, `${a.rate.toFixed(0)} votes/s`)] : []),
      ...(b ? [row('(b) vote, open loop', b.l, `500/s asked, ${b.achieved.toFixed(0)}/s sent`)] : []),
      ...(c
        ? [
            row('(c) vote → event at each of 200 clients (from send)', c.fromSend, `${c.events} events`),
            row('(c) vote → event at each client (from the 204)', c.fromAck, '100 votes/s'),
            row('(c) the votes themselves', c.votes, '100/s'),
          ]
        : []),
      ...(d
        ? [
            row('(d) probe GET /api/health every 5 ms', d.probe, 'during analysis'),
            row('(d) the analyses (verify, log replay)', d.analyses, `${d.analyses.summary().n} runs`),
          ]
        : []),
      '',
      ...(c
        ? [
            `(c) reconnects: ${c.reconnects} of 20 clients dropped mid-run came back with Last-Event-ID; events missing at any client: ${c.gaps}; delivered twice: ${c.doubles}.`,
          ]
        : []),
      '',
    );
  } finally {
    server.child.kill('SIGTERM');
    await exited(server.child);
    if (kind === 'postgresql') {
      const db = await openDatabase({ databaseUrl: DATABASE_URL, schema });
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return lines.join('\n');
}

const kinds = WHICH === 'both' ? (['postgresql', 'pglite'] as const) : ([WHICH] as const);
const out = [
  `## Council platform under load (${new Date().toISOString()}, ${SECONDS} s per measurement, ${cpus()[0]?.model ?? ''})`,
  '',
];
for (const kind of kinds) out.push(await benchOne(kind as 'pglite' | 'postgresql'));
agent.destroy();
process.stdout.write(`${out.join('\n')}\n`);
