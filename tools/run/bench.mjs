// `npm run bench`: each case measured side by side with its baseline in the same run, on this
// machine, with autocannon on loopback. Prints req/s, p99 and the ratio, and the API's peak RSS.
import { spawn } from 'node:child_process';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureDependencies, ensureStack, log, root } from './process.mjs';

ensureDependencies();
const stack = ensureStack();
const { buildApi } = await import('./build.mjs');
buildApi();

const { default: autocannon } = await import('autocannon');
const { default: pg } = await import('pg');

const DURATION = Number(process.env.BENCH_DURATION_S ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const OPS_TOKEN = 'bench-ops-token-0123456789abcdef';

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function freshDatabase() {
  const name = `tall_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: stack.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: stack.DATABASE_URL.replace(/\/[^/?]+(\?|$)/, `/${name}$1`),
    drop: async () => {
      const client = new pg.Client({ connectionString: stack.DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function startProcess(label, args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const url = `http://127.0.0.1:${env.PORT}`;
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`${label} exited: ${errors}`);
    const ok = await fetch(`${url}${env.READY_PATH}`).then((r) => r.status < 500, () => false);
    if (ok) return { child, url };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${label} did not start: ${errors}`);
}

function load(url, options = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** Resets the kernel's peak-RSS mark of a process, so each case reports its own peak. */
function resetPeakRss(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Older kernels: the peak then spans the whole run, which only overstates it.
  }
}

function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

const database = await freshDatabase();
const tallPort = await freePort();
// The bench host's internal listener: the progress-only process of the progress cases calls it (MODULE_URLS).
const tallInternalPort = await freePort();
const basePort = await freePort();
// A MongoDB database of its own too, so the vocabulary cases start from the seed alone.
const mongoUri = stack.MONGODB_URI.replace(/\/[^/?]+(\?|$)/, `/tall_bench_${Date.now().toString(36)}$1`);
const common = { ...stack, DATABASE_URL: database.url, MONGODB_URI: mongoUri, DATABASE_POOL_SIZE: '10', LOG_LEVEL: 'warn', NODE_ENV: 'production', OPS_API_TOKEN: OPS_TOKEN };
log('starting Tall (benchmark host) and the bare baseline');
// The account the sign-in cases use; the per-IP limit is lifted: all load comes from loopback.
const BENCH_ADMIN = { email: `bench.admin.${Date.now().toString(36)}@bench.example`, password: 'bench admin passphrase 0123' };
// The same V8 heap cap as the production container (Dockerfile), so RSS is measured as it runs there.
const heapMb = process.env.BENCH_HEAP_MB ?? '192';
// BENCH_CPU_PROFILE=1: a V8 CPU profile of the benchmark host in tmp/bench-profiles (written when it stops).
const profile = process.env.BENCH_CPU_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'tmp/bench-profiles')}`] : [];
const tall = await startProcess('Tall', [...(heapMb === '0' ? [] : [`--max-old-space-size=${heapMb}`]), ...profile, 'dist/api/apps/api/src/bench/bench-main.js'], {
  ...common,
  PORT: String(tallPort),
  HOST: '127.0.0.1',
  INTERNAL_PORT: String(tallInternalPort),
  CRON_ENABLED: 'false',
  READY_PATH: '/health/live',
  ADMIN_EMAIL: BENCH_ADMIN.email,
  ADMIN_PASSWORD: BENCH_ADMIN.password,
  AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
  // The sign-in cases sign one account in thousands of times a minute.
  AUTH_ACCOUNT_RATE_LIMIT_PER_MINUTE: '1000000',
});
const auth = { authorization: `Bearer ${OPS_TOKEN}` };
const info = await (await fetch(`${tall.url}/api/v1/system/info`, { headers: auth })).json();

// History for the DB-backed GET: a year of weekly runs.
const seed = new pg.Client({ connectionString: database.url });
await seed.connect();
for (let week = 1; week <= 52; week += 1) {
  await seed.query(
    `INSERT INTO platform.job_runs (job, period_key, status, started_at, finished_at, holder, attempts)
     VALUES ('weekly-cohorts', $1, 'succeeded', now(), now(), 'bench', 1) ON CONFLICT DO NOTHING`,
    [`2026-W${String(week).padStart(2, '0')}`],
  );
}
await seed.end();

const baseline = await startProcess('baseline', ['tools/bench/baseline-server.mjs'], {
  ...common,
  PORT: String(basePort),
  BASELINE_INFO: JSON.stringify(info),
  BASELINE_PASSWORD: BENCH_ADMIN.password,
  READY_PATH: '/info',
});

const note = JSON.stringify({ text: 'Ik leer elke dag tien nieuwe woorden.' });
const cases = [
  {
    name: 'cached GET (full Nest stack vs bare Fastify)',
    tall: { url: `${tall.url}/api/v1/system/info`, headers: auth },
    base: { url: `${baseline.url}/info`, headers: auth },
    target: (t, b) => t.rps >= 0.6 * b.rps,
    targetText: '≥ 60% of bare req/s',
  },
  {
    name: 'DB-backed GET (Tall vs bare pg)',
    tall: { url: `${tall.url}/api/v1/system/cron/weekly-cohorts/runs`, headers: auth },
    base: { url: `${baseline.url}/runs`, headers: auth },
    target: (t, b) => t.rps >= 0.6 * b.rps,
    targetText: '≥ 60% of bare pg req/s',
  },
  {
    name: 'write: state row + outbox row (Tall vs bare insert)',
    tall: { url: `${tall.url}/api/v1/bench/notes`, method: 'POST', body: note, headers: { 'content-type': 'application/json' } },
    base: { url: `${baseline.url}/notes`, method: 'POST', body: note, headers: { 'content-type': 'application/json' } },
    target: (t) => t.rps >= 1000 && t.p99 <= 150,
    targetText: '≥ 1,000 req/s and p99 ≤ 150 ms',
  },
];

// Issue 12 (ADR 15): an authenticated read with the session check against the same read with the
// signature check alone; and the check with its cache bypassed, to show what the cache saves.
// Both are signed in as the benchmark admin (`signedIn`, before measuring).
const sessionRoute = (path) => ({ url: `${tall.url}/api/v1/bench/session/${path}`, headers: {} });
cases.push(
  {
    name: 'session check: authenticated GET, cached (vs signature check only)',
    signedIn: true,
    tall: sessionRoute('checked'),
    base: sessionRoute('unchecked'),
    target: (t, b) => t.rps >= 0.9 * b.rps,
    targetText: '≥ 90% of signature-only req/s',
  },
  {
    name: 'session check: authenticated GET, profile asked every time (vs signature check only)',
    signedIn: true,
    tall: sessionRoute('uncached'),
    base: sessionRoute('unchecked'),
    target: () => true,
    targetText: 'none: what the cache saves',
  },
);

let benchAdminToken;
/** The benchmark admin's access token, signed in once (the first admin may still be on its way at start). */
async function signedInHeaders() {
  for (let attempt = 0; attempt < 150 && !benchAdminToken; attempt += 1) {
    const answer = await fetch(`${tall.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_ADMIN) }).catch(() => undefined);
    if (answer?.ok) benchAdminToken = (await answer.json()).accessToken;
    else await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!benchAdminToken) throw new Error('the benchmark admin could not sign in');
  return { authorization: `Bearer ${benchAdminToken}` };
}

const summarize = (result) => ({
  rps: Math.round(result.requests.average),
  p99: result.latency.p99,
  errors: result.errors + result.non2xx,
});

const SIGN_IN_CONNECTIONS = Number(process.env.BENCH_SIGN_IN_CONNECTIONS ?? 8);

/**
 * Identity: sign-in throughput — bound by argon2id (m=19456, t=2, p=1), about 40/s on 2 cores —
 * against a bare argon2id verify; and the p99 of GET /api/v1/lobby while a sign-in storm runs,
 * against the same GET on a quiet server.
 */
async function identityCases() {
  const json = { 'content-type': 'application/json' };
  const signIn = { url: `${tall.url}/api/v1/auth/login`, method: 'POST', headers: json, body: JSON.stringify(BENCH_ADMIN) };
  const argon = { url: `${baseline.url}/argon2`, method: 'POST', headers: json, body: JSON.stringify({ password: BENCH_ADMIN.password }) };
  let token;
  for (let attempt = 0; attempt < 150 && !token; attempt += 1) {
    const answer = await fetch(signIn.url, { method: 'POST', headers: json, body: signIn.body }).catch(() => undefined);
    if (answer?.ok) token = (await answer.json()).accessToken;
    else await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!token) throw new Error('the benchmark admin could not sign in');
  const results = [];

  log('sign-in throughput: warm-up');
  await load(signIn.url, { ...signIn, connections: SIGN_IN_CONNECTIONS, duration: 2 });
  await load(argon.url, { ...argon, connections: SIGN_IN_CONNECTIONS, duration: 2 });
  log(`sign-in throughput: measuring ${DURATION}s each, alternating`);
  const b1 = summarize(await load(argon.url, { ...argon, connections: SIGN_IN_CONNECTIONS }));
  const t1 = summarize(await load(signIn.url, { ...signIn, connections: SIGN_IN_CONNECTIONS }));
  const t2 = summarize(await load(signIn.url, { ...signIn, connections: SIGN_IN_CONNECTIONS }));
  const b2 = summarize(await load(argon.url, { ...argon, connections: SIGN_IN_CONNECTIONS }));
  const t = { rps: Math.round((t1.rps + t2.rps) / 2), p99: Math.max(t1.p99, t2.p99), errors: t1.errors + t2.errors };
  const b = { rps: Math.round((b1.rps + b2.rps) / 2), p99: Math.max(b1.p99, b2.p99), errors: b1.errors + b2.errors };
  results.push({
    name: 'sign-in: POST /auth/login (Tall vs bare argon2id verify)',
    tall: t,
    base: b,
    ratio: t.rps / b.rps,
    met: t.rps >= 0.6 * b.rps,
    targetText: '≥ 60% of bare argon2id verifies/s (≈ 40/s on 2 cores)',
  });

  const lobby = { url: `${tall.url}/api/v1/lobby`, headers: { authorization: `Bearer ${token}` }, connections: 4 };
  log('lobby p99: quiet, then during a sign-in storm');
  await load(lobby.url, { ...lobby, duration: 2 });
  const quiet = summarize(await load(lobby.url, lobby));
  const [, stormed] = await Promise.all([load(signIn.url, { ...signIn, connections: 16 }), load(lobby.url, lobby)]);
  const during = summarize(stormed);
  results.push({
    name: 'GET /lobby during a sign-in storm (vs the same GET, quiet)',
    tall: during,
    base: quiet,
    ratio: during.rps / quiet.rps,
    met: during.p99 <= 250 && during.errors === 0,
    targetText: 'p99 ≤ 250 ms during the storm',
  });
  return results;
}

/** One case, Tall against its baseline: warm-up, then alternating measurements, medians. */
async function measure(benchCase) {
  resetPeakRss(tall.child.pid);
  log(`${benchCase.name}: warm-up`);
  await load(benchCase.tall.url, { ...benchCase.tall, duration: 2 });
  await load(benchCase.base.url, { ...benchCase.base, duration: 2 });
  log(`${benchCase.name}: measuring ${DURATION}s each, alternating`);
  // Alternate (baseline, Tall, Tall, baseline, baseline, Tall) so drift on a shared machine hits
  // both sides; report medians. At tens of thousands of req/s the load generator itself shares the
  // two cores, so single measurements of the fast cases swing by ±20%.
  const tallRuns = [];
  const baseRuns = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const pair = round % 2 === 0 ? ['base', 'tall'] : ['tall', 'base'];
    for (const side of pair) {
      const result = summarize(await load(benchCase[side].url, benchCase[side]));
      (side === 'tall' ? tallRuns : baseRuns).push(result);
    }
  }
  const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
  const t = { rps: median(tallRuns.map((r) => r.rps)), p99: median(tallRuns.map((r) => r.p99)), errors: tallRuns.reduce((n, r) => n + r.errors, 0) };
  const b = { rps: median(baseRuns.map((r) => r.rps)), p99: median(baseRuns.map((r) => r.p99)), errors: baseRuns.reduce((n, r) => n + r.errors, 0) };
  return { name: benchCase.name, tall: t, base: b, ratio: t.rps / b.rps, met: benchCase.target(t, b), targetText: benchCase.targetText, peakRssMb: peakRssMb(tall.child.pid) };
}

const rows = [];
try {
  // BENCH_CASES=cached,write runs only the cases whose names contain one of the words.
  const only = (process.env.BENCH_CASES ?? '').split(',').filter(Boolean);
  for (const benchCase of cases.filter((candidate) => only.length === 0 || only.some((word) => candidate.name.includes(word)))) {
    if (benchCase.signedIn) {
      const headers = await signedInHeaders();
      benchCase.tall.headers = headers;
      benchCase.base.headers = headers;
    }
    rows.push(await measure(benchCase));
  }
  const platformPeak = Math.max(0, ...rows.map((row) => row.peakRssMb));
  resetPeakRss(tall.child.pid);
  if (only.length === 0 || only.some((word) => ['sign-in', 'lobby'].includes(word))) rows.push(...(await identityCases()));
  const identityPeak = peakRssMb(tall.child.pid);
  if (only.length === 0 || only.includes('vocabulary')) {
    const { vocabularyCases } = await import('../bench/vocabulary-cases.mjs');
    for (const benchCase of await vocabularyCases({ tall, baseline, log })) rows.push(await measure(benchCase));
  }
  if (only.length === 0 || only.includes('progress')) {
    const { progressCases } = await import('../bench/progress-cases.mjs');
    const { default: kafkajs } = await import('kafkajs');
    rows.push(...(await progressCases({ tall, tallInternalUrl: `tcp://127.0.0.1:${tallInternalPort}`, common, databaseUrl: database.url, kafkaBrokers: stack.KAFKA_BROKERS.split(','), admin: BENCH_ADMIN, pg, kafkajs, load, summarize, log, rounds: ROUNDS, startProcess, freePort, resetPeakRss, peakRssMb })));
  }
  if (only.length === 0 || only.includes('relay')) {
    const { relayCases } = await import('../bench/relay-cases.mjs');
    rows.push(...(await relayCases({ root, mongoUri, kafkaBrokers: stack.KAFKA_BROKERS.split(','), log, rounds: ROUNDS })));
  }
  if (only.length === 0 || only.includes('reader')) {
    const { readerCases } = await import('../bench/reader-cases.mjs');
    for (const benchCase of await readerCases({ tall, baseline, log })) rows.push(await measure(benchCase));
    // Pure CPU: the reader's atomizer in a process of its own (TypeScript from source), per text.
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(process.execPath, ['-r', join(root, 'tools/ts/swc-register.js'), join(root, 'tools/bench/atomize.ts')], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`tools/bench/atomize.ts failed: ${run.stderr}`);
    const { words, atomizer, split } = JSON.parse(run.stdout.trim().split('\n').pop());
    const perSecond = (ms) => Number((1000 / ms).toFixed(1));
    rows.push({
      name: `reader: atomize a ${words}-word text, texts/s (vs splitting it into words)`,
      tall: { rps: perSecond(atomizer.medianMs), p99: atomizer.worstMs, errors: 0 },
      base: { rps: perSecond(split.medianMs), p99: split.worstMs, errors: 0 },
      ratio: split.medianMs / atomizer.medianMs,
      met: atomizer.worstMs < 1000,
      targetText: 'under 1 s per text (worst of the runs)',
      peakRssMb: '—',
    });
  }
  if (only.length === 0 || only.includes('listening')) {
    const { listeningCases } = await import('../bench/listening-cases.mjs');
    rows.push(...(await listeningCases({ tall, admin: BENCH_ADMIN, metricsHeaders: auth, log, resetPeakRss, peakRssMb })));
  }
  const rss = Math.max(platformPeak, identityPeak);
  const out = [];
  out.push(`\nTall benchmarks — ${new Date().toISOString()} — ${CONNECTIONS} connections, ${DURATION}s per measurement, ${ROUNDS} measurements per side (medians)`);
  out.push('case | Tall req/s | Tall p99 ms | baseline req/s | baseline p99 ms | ratio | target | met | API peak RSS MB');
  out.push('---|---|---|---|---|---|---|---|---');
  for (const row of rows) {
    out.push(
      // Cases with an absolute target only (progress) have no baseline: its columns show —.
      `${row.name} | ${row.tall.rps} | ${row.tall.p99} | ${row.base?.rps ?? '—'} | ${row.base?.p99 ?? '—'} | ${row.base ? `${(row.ratio * 100).toFixed(0)}%` : '—'} | ${row.targetText} | ${row.met ? 'yes' : 'NO'} | ${row.peakRssMb ?? identityPeak}` +
        (row.tall.errors || row.base?.errors ? ` (errors: Tall ${row.tall.errors}, baseline ${row.base?.errors ?? 0})` : ''),
    );
  }
  // Cases with more to say than one row (listening: RSS start, end and peak) print it below the table.
  for (const row of rows) out.push(...(row.details ?? []));
  out.push(`API peak RSS: ${platformPeak} MB under the platform cases, ${identityPeak} MB during the sign-in cases (target < 300 MB: ${rss < 300 ? 'yes' : 'NO'})`);
  process.stdout.write(`${out.join('\n')}\n`);
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results', 'latest.json'), JSON.stringify({ at: new Date().toISOString(), rows, peakRssMb: { platform: platformPeak, identity: identityPeak } }, null, 2));
} finally {
  const stopped = new Promise((resolve) => (tall.child.exitCode !== null ? resolve() : tall.child.once('exit', resolve)));
  tall.child.kill('SIGTERM');
  baseline.child.kill('SIGTERM');
  // Until Tall has stopped (it writes its CPU profile then), at most 15 s.
  await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  await database.drop().catch(() => undefined);
}
