#!/usr/bin/env node
// Tall local stack: installs (once, cached) and runs the servers the apps and tests talk to,
// without Docker, from package registries only:
//   postgres -> PostgreSQL from Debian's packages
//   mongo    -> FerretDB 1.24.2 (MongoDB wire protocol) built from its Go module, storing its data
//               in a database of its own (`ferretdb`) on the stack's PostgreSQL
//   kafka    -> Apache Kafka 3.9.1 (single KRaft node) from Maven Central jars
//   moto     -> moto 5.2.5 server (S3, Secrets Manager) from PyPI
//   versitygw -> Versity S3 Gateway 1.8.0 built from its Go module: a second, strict S3 (checks
//               SigV4 signatures and the expiry of pre-signed URLs, which moto does not) for the
//               tests that prove signing; the apps and other tests stay on moto
//
// Usage: node tools/stack/stack.mjs <up|down|start|stop|status|env|tool> [service...|tool] [--purge] [--json]
// Plain Node.js (20+) with built-in modules only: it runs before `npm ci`.
// Importable too: up(), down(), start(), stop(), env(), status() (see the exports below).

import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const HOST = '127.0.0.1';

export const SERVICES = Object.freeze(['postgres', 'mongo', 'kafka', 'moto', 'versitygw']);
const ALIASES = { pg: 'postgres', postgresql: 'postgres', ferretdb: 'mongo', mongodb: 'mongo', s3: 'moto', aws: 'moto', 's3-strict': 'versitygw' };

const V = {
  ferretdb: 'v1.24.2',
  kafka: '3.9.1',
  scala: '2.13',
  slf4jReload4j: '1.7.36',
  reload4j: '1.2.25',
  dependencyPlugin: '3.8.1',
  moto: '5.2.5',
  versitygw: 'v1.8.0',
  schemathesis: '4.32.5',
};

const PORTS = {
  postgres: { env: 'TALL_PG_PORT', def: 54329 },
  mongo: { env: 'TALL_MONGO_PORT', def: 27027 },
  kafka: { env: 'TALL_KAFKA_PORT', def: 19092 }, // controller listener: this port + 1
  moto: { env: 'TALL_MOTO_PORT', def: 45660 },
  versitygw: { env: 'TALL_VERSITYGW_PORT', def: 45670 },
};

const READY_TIMEOUT_MS = { postgres: 90_000, mongo: 60_000, kafka: 180_000, moto: 90_000, versitygw: 30_000 };
const STOP_TIMEOUT_MS = { postgres: 60_000, mongo: 15_000, kafka: 60_000, moto: 15_000, versitygw: 15_000 };

// ---------------------------------------------------------------------------------------------
// small helpers

function log(...args) {
  process.stderr.write(`[stack] ${format(...args)}\n`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function paths() {
  const root = path.resolve(process.env.TALL_STACK_DIR || path.join(REPO, '.stack'));
  const pg = path.join(root, 'postgres');
  const kafka = path.join(root, 'kafka');
  return {
    root,
    logs: path.join(root, 'logs'),
    run: path.join(root, 'run'),
    bin: path.join(root, 'bin'),
    build: path.join(root, 'build'),
    pg,
    pgData: path.join(pg, 'data'),
    pgSock: path.join(pg, 'run'),
    pgMarker: path.join(pg, 'initdb.done'),
    mongo: path.join(root, 'mongo'),
    mongoData: path.join(root, 'mongo', 'data'),
    ferretdb: path.join(root, 'bin', 'ferretdb'),
    ferretdbMarker: path.join(root, 'bin', 'ferretdb.installed'),
    kafka,
    kafkaLibs: path.join(kafka, 'libs'),
    kafkaMarker: path.join(kafka, 'libs.installed'),
    kafkaData: path.join(kafka, 'data'),
    kafkaConfig: path.join(kafka, 'server.properties'),
    kafkaLog4j: path.join(kafka, 'log4j.properties'),
    kafkaClusterId: path.join(kafka, 'cluster-id'),
    motoVenv: path.join(root, 'moto-venv'),
    motoMarker: path.join(root, 'moto-venv', '.tall-installed'),
    versitygw: path.join(root, 'bin', 'versitygw'),
    versitygwMarker: path.join(root, 'bin', 'versitygw.installed'),
    versitygwData: path.join(root, 'versitygw', 'data'),
    schemathesisVenv: path.join(root, 'schemathesis-venv'),
    schemathesisMarker: path.join(root, 'schemathesis-venv', '.tall-installed'),
  };
}

function logFile(name) {
  return path.join(paths().logs, `${name}.log`);
}

function mkdirp(dir, mode = 0o755) {
  fs.mkdirSync(dir, { recursive: true, mode });
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function writeAtomic(file, text) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

function rmrf(p) {
  fs.rmSync(p, { recursive: true, force: true });
}

function tail(file, lines = 40) {
  const text = readText(file);
  if (text == null) return `(no log at ${file})`;
  const all = text.trimEnd().split('\n');
  return all.slice(-lines).join('\n');
}

function tails(files, lines) {
  return files
    .filter((f) => fs.existsSync(f))
    .map((f) => `--- last lines of ${f} ---\n${tail(f, lines)}`)
    .join('\n');
}

function which(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      /* keep looking */
    }
  }
  return null;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Runs a command to completion. Output is captured (for error messages) and appended to
 * `logTo` when given. Rejects on a non-zero exit unless `allowFail`.
 */
function run(cmd, args, { cwd, env, logTo, allowFail = false, timeoutMs, detached = false } = {}) {
  return new Promise((resolve, reject) => {
    let out = '';
    let fd = null;
    if (logTo) {
      fd = fs.openSync(logTo, 'a');
      fs.writeSync(fd, `\n$ ${cmd} ${args.join(' ')}\n`);
    }
    let child;
    try {
      child = spawn(cmd, args, { cwd, env: env || process.env, stdio: ['ignore', 'pipe', 'pipe'], detached });
    } catch (e) {
      if (fd != null) fs.closeSync(fd);
      reject(e);
      return;
    }
    const onData = (d) => {
      out += d;
      if (out.length > 200_000) out = out.slice(-100_000);
      if (fd != null) fs.writeSync(fd, d);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    let timer = null;
    if (timeoutMs) {
      timer = setTimeout(() => {
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }, timeoutMs);
    }
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      if (fd != null) fs.closeSync(fd);
      reject(e.code === 'ENOENT' ? new Error(`command not found: ${cmd}`) : e);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (fd != null) fs.closeSync(fd);
      if (code === 0 || allowFail) {
        resolve({ code: code ?? -1, signal, out });
      } else {
        const last = out.trimEnd().split('\n').slice(-30).join('\n');
        reject(new Error(`\`${cmd} ${args.join(' ')}\` failed (${signal || `exit ${code}`})\n${last}`));
      }
    });
  });
}

// apt-get is run at most once at a time (the install steps run in parallel), `apt-get update`
// at most once per process and only when something has to be installed.
let aptChain = Promise.resolve();
let aptUpdated = false;
function aptInstall(pkgs, logTo) {
  const job = aptChain.then(async () => {
    if (!isRoot()) throw new Error(`cannot apt-get install ${pkgs.join(' ')} without root: install it, then run again`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const lock = ['-o', 'DPkg::Lock::Timeout=300'];
    if (!aptUpdated) {
      log('apt-get update');
      await run('apt-get', [...lock, 'update', '-q'], { env, logTo });
      aptUpdated = true;
    }
    log(`apt-get install ${pkgs.join(' ')}`);
    await run('apt-get', [...lock, 'install', '-y', '-q', '--no-install-recommends', ...pkgs], { env, logTo });
  });
  aptChain = job.catch(() => {});
  return job;
}

// ---------------------------------------------------------------------------------------------
// processes, pid files, state

function pidAlive(pid) {
  if (!pid || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code !== 'EPERM') return false;
  }
  const stat = readText(`/proc/${pid}/stat`);
  if (stat) {
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  }
  return true;
}

/** True when `pid` is alive and is a process this script started (its command line names the stack dir). */
function isOurs(pid) {
  if (!pidAlive(pid)) return false;
  const cmdline = readText(`/proc/${pid}/cmdline`);
  if (cmdline == null) return fs.existsSync('/proc/self') ? false : true; // no /proc (not Linux): trust the pid file
  return cmdline.replace(/\0/g, ' ').includes(paths().root);
}

function stateFile(svc) {
  return path.join(paths().run, `${svc}.json`);
}

function readState(svc) {
  const text = readText(stateFile(svc));
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Writes run/<svc>.json (port, pid) and the plain pid file run/<svc>.pid. */
function writeState(svc, state) {
  const p = paths();
  mkdirp(p.run);
  writeAtomic(stateFile(svc), JSON.stringify(state, null, 2) + '\n');
  const pidFile = path.join(p.run, `${svc}.pid`);
  if (state.pid) writeAtomic(pidFile, `${state.pid}\n`);
  else rmrf(pidFile);
}

function envPort(svc) {
  const { env } = PORTS[svc];
  const raw = process.env[env];
  if (raw == null || raw === '') return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535 || (svc === 'kafka' && n > 65534)) {
    throw new Error(`${env}=${raw} is not a valid port`);
  }
  return n;
}

/**
 * The port of a service: the one it runs on if this script started it and it is alive; otherwise
 * the env var (TALL_*_PORT) if set; otherwise the port it last ran on; otherwise the default.
 */
function portFor(svc) {
  const st = readState(svc);
  if (st?.port && st.pid && isOurs(st.pid)) return st.port;
  return envPort(svc) ?? st?.port ?? PORTS[svc].def;
}

function tcpOpen(port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: HOST, port });
    const done = (ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

/** Sends one request on a fresh connection and resolves with the complete response. */
function exchange(port, request, complete, timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: HOST, port });
    let buf = Buffer.alloc(0);
    const finish = (err, value) => {
      sock.destroy();
      if (err) reject(err);
      else resolve(value);
    };
    sock.setTimeout(timeoutMs, () => finish(new Error('timeout')));
    sock.once('error', (e) => finish(e));
    sock.once('connect', () => sock.write(request));
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      if (complete(buf)) finish(null, buf);
    });
    sock.once('end', () => finish(new Error('connection closed')));
  });
}

async function withLock(name, fn) {
  const p = paths();
  mkdirp(p.run);
  const file = path.join(p.run, `${name}.lock`);
  const deadline = Date.now() + 30 * 60_000;
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = Number(readText(file));
      if (!pidAlive(holder)) {
        rmrf(file); // left behind by a process that died
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${name}: lock ${file} is held by pid ${holder}`);
      if (!told) log(`${name}: waiting for pid ${holder} (another stack command) to finish`);
      told = true;
      await sleep(300);
    }
  }
  try {
    return await fn();
  } finally {
    rmrf(file);
  }
}

/** Polls `probe` until it answers, the process dies or the timeout passes. */
async function waitReady(svc, pid, port, probe, logs, exitInfo = () => '') {
  const timeoutMs = READY_TIMEOUT_MS[svc];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (pid && !pidAlive(pid)) {
      await sleep(200); // lets our own child's exit status arrive
      throw new Error(`${svc}: the server (pid ${pid}) exited while starting${exitInfo()}.\n${tails(logs, 40)}`);
    }
    if (await probe(port).catch(() => false)) return;
    if (Date.now() > deadline) {
      throw new Error(
        `${svc}: not answering on ${HOST}:${port} after ${timeoutMs / 1000}s (pid ${pid} left running; ` +
          `\`stop ${svc}\` ends it).\n${tails(logs, 40)}`,
      );
    }
    await sleep(300);
  }
}

/** Starts a long-running server detached from this process, its output appended to its log. */
async function startDaemon(svc, { cmd, args, env, cwd, port, extraPorts = [], probe, logs }) {
  const st = readState(svc);
  if (st?.pid && isOurs(st.pid)) {
    if (await probe(st.port).catch(() => false)) {
      log(`${svc}: already running (pid ${st.pid}) on ${HOST}:${st.port}`);
      return;
    }
    log(`${svc}: pid ${st.pid} is alive but not answering yet; waiting`);
    await waitReady(svc, st.pid, st.port, probe, logs);
    log(`${svc}: ready on ${HOST}:${st.port} (pid ${st.pid})`);
    return;
  }
  for (const p of [port, ...extraPorts]) {
    if (await tcpOpen(p)) {
      throw new Error(
        `${svc}: port ${p} on ${HOST} is in use by a process this script did not start; ` +
          `stop it or choose other ports with ${PORTS[svc].env}`,
      );
    }
  }
  const out = logs[0];
  try {
    if (fs.statSync(out).size > 20 * 1024 * 1024) fs.renameSync(out, `${out}.old`);
  } catch {
    /* no log yet */
  }
  const fd = fs.openSync(out, 'a');
  fs.writeSync(fd, `\n=== ${new Date().toISOString()} stack: ${cmd} ${args.join(' ')}\n`);
  const child = spawn(cmd, args, { cwd, env: env || process.env, detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  await new Promise((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (e) => reject(e.code === 'ENOENT' ? new Error(`${svc}: command not found: ${cmd}`) : e));
  });
  let exit = '';
  child.once('exit', (code, signal) => {
    exit = ` (${signal ? `signal ${signal}` : `exit code ${code}`})`;
  });
  child.unref();
  writeState(svc, { pid: child.pid, port, startedAt: new Date().toISOString() });
  log(`${svc}: started pid ${child.pid}, waiting for ${HOST}:${port}`);
  await waitReady(svc, child.pid, port, probe, logs, () => exit);
  log(`${svc}: ready on ${HOST}:${port} (pid ${child.pid})`);
}

/** SIGTERM, wait, SIGKILL — only for a pid this script wrote and that still is its process. */
async function stopDaemon(svc) {
  const st = readState(svc);
  if (!st?.pid) {
    log(`${svc}: not running`);
    return;
  }
  const { pid } = st;
  if (!pidAlive(pid)) {
    log(`${svc}: not running (stale pid ${pid})`);
  } else if (!isOurs(pid)) {
    log(`${svc}: pid ${pid} now belongs to another program; leaving it alone`);
  } else {
    log(`${svc}: stopping pid ${pid}`);
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + STOP_TIMEOUT_MS[svc];
    while (pidAlive(pid) && Date.now() < deadline) await sleep(200);
    if (pidAlive(pid)) {
      log(`${svc}: still alive after ${STOP_TIMEOUT_MS[svc] / 1000}s, sending SIGKILL`);
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      const killDeadline = Date.now() + 10_000;
      while (pidAlive(pid) && Date.now() < killDeadline) await sleep(100);
    }
    log(`${svc}: stopped`);
  }
  writeState(svc, { ...st, pid: null, stoppedAt: new Date().toISOString() });
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL (Debian package, private cluster)

function findPgBin() {
  const base = '/usr/lib/postgresql';
  let versions = [];
  try {
    versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')));
  } catch {
    return null;
  }
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : null;
}

/**
 * initdb and pg_ctl refuse to run as root: run them as `postgres` when we are root. Detached (own
 * session) so that the server pg_ctl starts does not get a terminal's Ctrl-C meant for this script.
 */
function runPg(args, opts = {}) {
  const p = paths();
  if (isRoot()) return run('runuser', ['-u', 'postgres', '--', ...args], { cwd: p.pg, detached: true, ...opts });
  return run(args[0], args.slice(1), { cwd: p.pg, detached: true, ...opts });
}

function chownPostgres(target) {
  if (!isRoot()) return;
  const uid = Number(readText('/etc/passwd')?.match(/^postgres:[^:]*:(\d+):(\d+):/m)?.[1]);
  const gid = Number(readText('/etc/passwd')?.match(/^postgres:[^:]*:(\d+):(\d+):/m)?.[2]);
  if (!Number.isInteger(uid)) throw new Error('postgres: there is no `postgres` user (is the Debian postgresql package installed?)');
  fs.chownSync(target, uid, gid);
}

function pgPostmasterPid() {
  const text = readText(path.join(paths().pgData, 'postmaster.pid'));
  if (!text) return null;
  const [pid, , , port] = text.split('\n');
  return { pid: Number(pid), port: Number(port) };
}

async function pgReady(port) {
  const bin = findPgBin();
  const r = await run(path.join(bin, 'pg_isready'), ['-q', '-h', HOST, '-p', String(port), '-U', 'tall', '-d', 'postgres', '-t', '2'], {
    allowFail: true,
  });
  return r.code === 0;
}

async function installPostgres() {
  if (findPgBin()) return false;
  await aptInstall(['postgresql'], logFile('install-postgres'));
  if (!findPgBin()) throw new Error('postgres: apt-get installed postgresql but no /usr/lib/postgresql/*/bin/initdb was found');
  return true;
}

async function startPostgres(port) {
  const p = paths();
  const bin = findPgBin();
  const log_ = logFile('postgres');
  mkdirp(p.pg);
  fs.chmodSync(p.pg, 0o755);
  chownPostgres(p.pg);
  mkdirp(p.pgSock);
  chownPostgres(p.pgSock);
  if (!fs.existsSync(log_)) fs.writeFileSync(log_, '');
  chownPostgres(log_);
  if (isRoot()) {
    const r = await run('runuser', ['-u', 'postgres', '--', 'test', '-w', p.pg], { allowFail: true, cwd: '/' });
    if (r.code !== 0) {
      throw new Error(
        `postgres: the postgres user cannot reach ${p.pg}; make its parent folders traversable (chmod o+x) or set TALL_STACK_DIR elsewhere`,
      );
    }
  }

  if (!fs.existsSync(p.pgMarker)) {
    rmrf(p.pgData);
    const locales = (await run('locale', ['-a'], { allowFail: true }).catch(() => ({ out: '' }))).out;
    const locale = /^c\.utf-?8$/im.test(locales) ? 'C.UTF-8' : 'C';
    log(`postgres: initdb ${p.pgData}`);
    await runPg([path.join(bin, 'initdb'), '-D', p.pgData, '-A', 'trust', '-U', 'tall', '-E', 'UTF8', `--locale=${locale}`], {
      logTo: logFile('install-postgres'),
    });
    fs.writeFileSync(p.pgMarker, `${new Date().toISOString()}\n`);
  }

  const pm = pgPostmasterPid();
  if (pm && isOurs(pm.pid)) {
    if (await pgReady(pm.port)) {
      log(`postgres: already running (pid ${pm.pid}) on ${HOST}:${pm.port}`);
      writeState('postgres', { pid: pm.pid, port: pm.port, startedAt: readState('postgres')?.startedAt });
      await ensureTallDb(pm.port);
      return;
    }
    log(`postgres: pid ${pm.pid} is alive but not answering yet; waiting`);
    await waitReady('postgres', pm.pid, pm.port, pgReady, [log_]);
    await ensureTallDb(pm.port);
    return;
  }
  if (await tcpOpen(port)) {
    throw new Error(`postgres: port ${port} on ${HOST} is in use by a process this script did not start; choose another with TALL_PG_PORT`);
  }

  // A throw-away dev/test database: durability is traded for speed (fsync, synchronous_commit and
  // full_page_writes off). Never use these settings for data that matters.
  const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
  const serverOpts = [
    `-p ${port}`,
    `-k ${q(p.pgSock)}`,
    `-c listen_addresses=${HOST}`,
    '-c max_connections=200',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  log(`postgres: starting on ${HOST}:${port}`);
  try {
    await runPg([path.join(bin, 'pg_ctl'), '-D', p.pgData, '-l', log_, '-o', serverOpts, '-w', '-t', '90', 'start'], {
      logTo: logFile('postgres-ctl'),
    });
  } catch (e) {
    throw new Error(`${e.message}\n${tails([log_], 40)}`);
  }
  const started = pgPostmasterPid();
  writeState('postgres', { pid: started?.pid ?? null, port, startedAt: new Date().toISOString() });
  await waitReady('postgres', started?.pid, port, pgReady, [log_]);
  await ensureTallDb(port);
  log(`postgres: ready on ${HOST}:${port} (pid ${started?.pid})`);
}

async function ensureTallDb(port) {
  await ensurePgDatabase(port, 'tall');
}

async function ensurePgDatabase(port, name) {
  const bin = findPgBin();
  const conn = ['-h', HOST, '-p', String(port), '-U', 'tall'];
  const r = await run(path.join(bin, 'psql'), [...conn, '-d', 'postgres', '-tAc', `select 1 from pg_database where datname = '${name}'`]);
  if (r.out.trim() !== '1') {
    log(`postgres: creating database ${name}`);
    await run(path.join(bin, 'createdb'), [...conn, name]);
  }
}

async function dropPgDatabase(port, name) {
  const bin = findPgBin();
  await run(path.join(bin, 'dropdb'), ['-h', HOST, '-p', String(port), '-U', 'tall', '--if-exists', '--force', name]);
}

async function stopPostgres() {
  const p = paths();
  const bin = findPgBin();
  const pm = pgPostmasterPid();
  const st = readState('postgres');
  if (!pm || !pidAlive(pm.pid)) {
    log('postgres: not running');
  } else if (!isOurs(pm.pid)) {
    log(`postgres: pid ${pm.pid} in postmaster.pid is not our server; leaving it alone`);
  } else {
    log(`postgres: stopping pid ${pm.pid} (pg_ctl stop -m fast)`);
    const r = await runPg([path.join(bin, 'pg_ctl'), '-D', p.pgData, '-m', 'fast', '-w', '-t', '60', 'stop'], {
      logTo: logFile('postgres-ctl'),
      allowFail: true,
    });
    if (r.code !== 0 && pidAlive(pm.pid)) {
      log('postgres: pg_ctl stop -m fast failed; trying -m immediate');
      await runPg([path.join(bin, 'pg_ctl'), '-D', p.pgData, '-m', 'immediate', '-w', '-t', '30', 'stop'], {
        logTo: logFile('postgres-ctl'),
        allowFail: true,
      });
    }
    log('postgres: stopped');
  }
  if (st) writeState('postgres', { ...st, pid: null, stoppedAt: new Date().toISOString() });
}

// ---------------------------------------------------------------------------------------------
// FerretDB (MongoDB wire protocol) built from its Go module

// Applied in this order to FerretDB's source before it is built; see each patch's header.
const FERRETDB_PATCHES = ['ferretdb-serialize-writes.patch', 'ferretdb-postgresql-indexes.patch'].map((name) => path.join(HERE, name));
// The marker names the patches' content too, so an install built without them is rebuilt.
const FERRETDB_BUILD = `${V.ferretdb}+${crypto
  .createHash('sha256')
  .update(FERRETDB_PATCHES.map((file) => fs.readFileSync(file)).join('\n'))
  .digest('hex')
  .slice(0, 12)}`;

async function installMongo() {
  const p = paths();
  if (readText(p.ferretdbMarker)?.trim() === FERRETDB_BUILD && fs.existsSync(p.ferretdb)) return false;
  const logTo = logFile('install-mongo');
  if (!which('go')) throw new Error('mongo: the Go toolchain (`go`) is needed to build FerretDB and is not on PATH');
  rmrf(p.ferretdbMarker);
  mkdirp(p.bin);
  mkdirp(p.build);
  const env = { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false', GOWORK: 'off' };
  // `go install …@version` would build a binary that panics (build/version/version.txt is not in the
  // module zip), so: download the module, copy it, add version.txt, build.
  log(`mongo: downloading FerretDB ${V.ferretdb} (Go module)`);
  const dl = await run('go', ['mod', 'download', '-json', `github.com/FerretDB/FerretDB@${V.ferretdb}`], { cwd: p.build, env, logTo });
  const { Dir: dir, Error: err } = JSON.parse(dl.out.slice(dl.out.indexOf('{')));
  if (err || !dir) throw new Error(`mongo: go mod download failed: ${err || 'no Dir in its output'}`);
  const src = path.join(p.build, 'ferretdb-src');
  rmrf(src);
  fs.cpSync(dir, src, { recursive: true });
  await run('chmod', ['-R', 'u+w', src]); // the module cache is read-only
  fs.writeFileSync(path.join(src, 'build', 'version', 'version.txt'), `${V.ferretdb}\n`);
  for (const patch of FERRETDB_PATCHES) await run('git', ['apply', '-p1', patch], { cwd: src, env, logTo });
  log('mongo: building FerretDB (go build, takes a few minutes the first time)');
  const tmpBin = `${p.ferretdb}.tmp`;
  await run('go', ['build', '-trimpath', '-o', tmpBin, './cmd/ferretdb'], { cwd: src, env, logTo });
  fs.renameSync(tmpBin, p.ferretdb);
  fs.writeFileSync(p.ferretdbMarker, `${FERRETDB_BUILD}\n`);
  rmrf(src);
  return true;
}

function bsonDoc(fields) {
  const parts = [];
  for (const [k, v] of Object.entries(fields)) {
    const key = Buffer.from(`${k}\0`);
    if (typeof v === 'number') {
      const b = Buffer.alloc(4);
      b.writeInt32LE(v);
      parts.push(Buffer.from([0x10]), key, b);
    } else {
      const s = Buffer.from(`${v}\0`);
      const len = Buffer.alloc(4);
      len.writeInt32LE(s.length);
      parts.push(Buffer.from([0x02]), key, len, s);
    }
  }
  const body = Buffer.concat([...parts, Buffer.from([0])]);
  const size = Buffer.alloc(4);
  size.writeInt32LE(body.length + 4);
  return Buffer.concat([size, body]);
}

/** Reads the top-level `ok` field of a BSON document (undefined if absent or unparseable). */
function bsonOk(doc) {
  const fixed = { 0x01: 8, 0x07: 12, 0x08: 1, 0x09: 8, 0x0a: 0, 0x10: 4, 0x11: 8, 0x12: 8, 0x13: 16 };
  let i = 4;
  while (i < doc.length - 1) {
    const type = doc[i++];
    const end = doc.indexOf(0, i);
    if (end < 0) return undefined;
    const name = doc.toString('utf8', i, end);
    i = end + 1;
    if (name === 'ok') {
      if (type === 0x01) return doc.readDoubleLE(i);
      if (type === 0x10) return doc.readInt32LE(i);
      if (type === 0x08) return doc[i];
      if (type === 0x12) return Number(doc.readBigInt64LE(i));
      return undefined;
    }
    if (type in fixed) i += fixed[type];
    else if (type === 0x02 || type === 0x0d || type === 0x0e) i += 4 + doc.readInt32LE(i);
    else if (type === 0x03 || type === 0x04) i += doc.readInt32LE(i);
    else if (type === 0x05) i += 5 + doc.readInt32LE(i);
    else return undefined;
  }
  return undefined;
}

/** A real `ping` command over OP_MSG. */
async function mongoReady(port) {
  const doc = bsonDoc({ ping: 1, $db: 'admin' });
  const header = Buffer.alloc(16);
  const msg = Buffer.concat([header, Buffer.alloc(4), Buffer.from([0]), doc]); // flagBits 0, section kind 0
  msg.writeInt32LE(msg.length, 0);
  msg.writeInt32LE(1, 4); // requestID
  msg.writeInt32LE(0, 8); // responseTo
  msg.writeInt32LE(2013, 12); // OP_MSG
  const res = await exchange(port, msg, (b) => b.length >= 4 && b.length >= b.readInt32LE(0));
  if (res.readInt32LE(12) !== 2013 || res[20] !== 0) return false;
  return bsonOk(res.subarray(21)) === 1;
}

// FerretDB keeps its data in PostgreSQL: its SQLite backend scans whole collections for every
// filter (measured 1.2 s for a per-user find on 20,000 documents, 17 ms on PostgreSQL), while
// the PostgreSQL backend pushes filters on indexed fields down to PostgreSQL indexes.
const FERRETDB_PG_DATABASE = 'ferretdb';

async function startMongo(port) {
  const p = paths();
  mkdirp(p.mongo);
  // The backend must answer before FerretDB starts; `up` starts postgres first.
  const pgPort = portFor('postgres');
  if (!(await pgReady(pgPort))) {
    throw new Error(`mongo: FerretDB stores its data in PostgreSQL, which is not running on ${HOST}:${pgPort}; start it first (stack start postgres)`);
  }
  await ensurePgDatabase(pgPort, FERRETDB_PG_DATABASE);
  // FerretDB passes field names as query parameters; custom plans see them, so the planner can
  // match the filter to the GIN expression indexes (see ferretdb-postgresql-indexes.patch).
  await run(path.join(findPgBin(), 'psql'), [
    ...['-h', HOST, '-p', String(pgPort), '-U', 'tall', '-d', 'postgres', '-qc'],
    `ALTER DATABASE ${FERRETDB_PG_DATABASE} SET plan_cache_mode = force_custom_plan`,
  ]);
  await startDaemon('mongo', {
    cmd: p.ferretdb,
    args: [
      '--handler=postgresql',
      `--postgresql-url=postgres://tall@${HOST}:${pgPort}/${FERRETDB_PG_DATABASE}`,
      `--listen-addr=${HOST}:${port}`,
      '--state-dir=-',
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=warn',
    ],
    cwd: p.mongo,
    port,
    probe: mongoReady,
    logs: [logFile('mongo')],
  });
}

async function purgeMongo() {
  const pgPort = portFor('postgres');
  if (await pgReady(pgPort)) {
    await dropPgDatabase(pgPort, FERRETDB_PG_DATABASE);
  } else {
    log(`mongo: its data lives in PostgreSQL, which is not running; purge postgres to delete it`);
  }
}

// ---------------------------------------------------------------------------------------------
// Apache Kafka (KRaft, single node) from Maven Central jars

function kafkaPom() {
  const dep = (g, a, v) => `    <dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version></dependency>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Throw-away pom: only used to fetch the Kafka broker's runtime jars. -->
<project>
  <modelVersion>4.0.0</modelVersion>
  <groupId>tall.local</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
${dep('org.apache.kafka', `kafka_${V.scala}`, V.kafka)}
${dep('org.apache.kafka', 'kafka-tools', V.kafka)}
${dep('org.slf4j', 'slf4j-reload4j', V.slf4jReload4j)}
${dep('ch.qos.reload4j', 'reload4j', V.reload4j)}
  </dependencies>
</project>
`;
}

async function installKafka() {
  const p = paths();
  if (readText(p.kafkaMarker)?.trim() === V.kafka && fs.existsSync(p.kafkaLibs)) return false;
  const logTo = logFile('install-kafka');
  rmrf(p.kafkaMarker);
  mkdirp(p.kafka);
  if (!which('java')) await aptInstall(['openjdk-17-jre-headless'], logTo);
  if (!which('mvn')) await aptInstall(['maven'], logTo);
  fs.writeFileSync(path.join(p.kafka, 'pom.xml'), kafkaPom());
  const tmp = `${p.kafkaLibs}.tmp`;
  rmrf(tmp);
  log(`kafka: fetching the Kafka ${V.kafka} jars (Maven)`);
  await run(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      path.join(p.kafka, 'pom.xml'),
      `org.apache.maven.plugins:maven-dependency-plugin:${V.dependencyPlugin}:copy-dependencies`,
      '-DincludeScope=runtime',
      `-DoutputDirectory=${tmp}`,
    ],
    { cwd: p.kafka, logTo },
  );
  rmrf(p.kafkaLibs);
  fs.renameSync(tmp, p.kafkaLibs);
  fs.writeFileSync(p.kafkaMarker, `${V.kafka}\n`);
  return true;
}

function kafkaClusterId() {
  const p = paths();
  const existing = readText(p.kafkaClusterId)?.trim();
  if (existing) return existing;
  let id;
  do id = crypto.randomBytes(16).toString('base64url');
  while (id.startsWith('-'));
  fs.writeFileSync(p.kafkaClusterId, `${id}\n`);
  return id;
}

function writeKafkaConfig(port) {
  const p = paths();
  const cport = port + 1;
  fs.writeFileSync(
    p.kafkaConfig,
    `# Written by tools/stack/stack.mjs on every start; edits are lost.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@${HOST}:${cport}
listeners=PLAINTEXT://${HOST}:${port},CONTROLLER://${HOST}:${cport}
advertised.listeners=PLAINTEXT://${HOST}:${port}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=${p.kafkaData}
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=3
auto.create.topics.enable=true
delete.topic.enable=true
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
`,
  );
  fs.writeFileSync(
    p.kafkaLog4j,
    `log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=${logFile('kafka')}
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.org.apache.kafka.clients=WARN
`,
  );
}

function kafkaJava(mainClass, args) {
  const p = paths();
  return [
    '-Xmx512m',
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${p.kafkaLog4j}`,
    `-Dkafka.logs.dir=${p.logs}`,
    '-cp',
    `${p.kafkaLibs}/*`, // java expands the wildcard itself (no shell here)
    mainClass,
    ...args,
  ];
}

/** Metadata request (v4) by hand: ready once the broker lists at least one live broker. */
async function kafkaReady(port) {
  const clientId = Buffer.from('tall-stack');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length + 4 + 1);
  let o = 0;
  o = body.writeInt16BE(3, o); // api key: Metadata
  o = body.writeInt16BE(4, o); // api version
  o = body.writeInt32BE(7, o); // correlation id
  o = body.writeInt16BE(clientId.length, o);
  o += clientId.copy(body, o);
  o = body.writeInt32BE(0, o); // topics: none
  body.writeInt8(0, o); // allow_auto_topic_creation: false
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  const res = await exchange(port, Buffer.concat([size, body]), (b) => b.length >= 4 && b.length >= 4 + b.readInt32BE(0));
  if (res.length < 16 || res.readInt32BE(4) !== 7) return false;
  return res.readInt32BE(12) >= 1; // after correlation id and throttle_time_ms: broker count
}

async function startKafka(port) {
  const p = paths();
  mkdirp(p.logs);
  mkdirp(p.kafkaData);
  writeKafkaConfig(port);
  if (!fs.existsSync(path.join(p.kafkaData, 'meta.properties'))) {
    const st = readState('kafka');
    if (!(st?.pid && isOurs(st.pid))) {
      log('kafka: formatting storage (once)');
      await run('java', kafkaJava('kafka.tools.StorageTool', ['format', '-t', kafkaClusterId(), '-c', p.kafkaConfig, '--ignore-formatted']), {
        logTo: logFile('install-kafka'),
      });
    }
  }
  await startDaemon('kafka', {
    cmd: 'java',
    args: kafkaJava('kafka.Kafka', [p.kafkaConfig]),
    cwd: p.kafka,
    port,
    extraPorts: [port + 1],
    probe: kafkaReady,
    logs: [logFile('kafka-stdout'), logFile('kafka')],
  });
}

// ---------------------------------------------------------------------------------------------
// moto server (S3, Secrets Manager) from PyPI

async function installMoto() {
  const p = paths();
  if (readText(p.motoMarker)?.trim() === V.moto && fs.existsSync(path.join(p.motoVenv, 'bin', 'moto_server'))) return false;
  const logTo = logFile('install-moto');
  log(`moto: creating a venv and installing moto[server]==${V.moto} (pip)`);
  await pythonVenv(p.motoVenv, 'moto', logTo);
  await run(path.join(p.motoVenv, 'bin', 'pip'), ['install', '-q', '--disable-pip-version-check', `moto[server]==${V.moto}`], { logTo });
  fs.writeFileSync(p.motoMarker, `${V.moto}\n`);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Test tools from PyPI (not servers): schemathesis, the API contract fuzzer (`npm run fuzz`)

async function pythonVenv(venv, label, logTo) {
  if (!which('python3')) await aptInstall(['python3', 'python3-venv'], logTo);
  rmrf(venv);
  const made = await run('python3', ['-m', 'venv', venv], { logTo, allowFail: true });
  if (made.code !== 0) {
    log(`${label}: python3 -m venv failed; installing Debian python3-venv`);
    rmrf(venv);
    await aptInstall(['python3-venv'], logTo);
    await run('python3', ['-m', 'venv', venv], { logTo });
  }
}

/** Installs schemathesis (cached) and returns the path of its `st` command. */
export async function installSchemathesis() {
  const p = paths();
  const st = path.join(p.schemathesisVenv, 'bin', 'st');
  if (readText(p.schemathesisMarker)?.trim() === V.schemathesis && fs.existsSync(st)) return st;
  const logTo = logFile('install-schemathesis');
  log(`schemathesis: creating a venv and installing schemathesis==${V.schemathesis} (pip)`);
  await pythonVenv(p.schemathesisVenv, 'schemathesis', logTo);
  await run(path.join(p.schemathesisVenv, 'bin', 'pip'), ['install', '-q', '--disable-pip-version-check', `schemathesis==${V.schemathesis}`], { logTo });
  fs.writeFileSync(p.schemathesisMarker, `${V.schemathesis}\n`);
  return st;
}

const TOOLS = { schemathesis: installSchemathesis };

function httpStatus(port, urlPath, timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: HOST, port, path: urlPath, timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

async function motoReady(port) {
  const code = await httpStatus(port, '/moto-api/');
  return code >= 200 && code < 400;
}

async function startMoto(port) {
  const p = paths();
  await startDaemon('moto', {
    cmd: path.join(p.motoVenv, 'bin', 'moto_server'),
    args: ['-H', HOST, '-p', String(port)],
    cwd: p.root,
    port,
    probe: motoReady,
    logs: [logFile('moto')],
  });
}

// ---------------------------------------------------------------------------------------------
// Versity S3 Gateway (a strict S3) built from its Go module
//
// moto answers a pre-signed URL whatever its signature and X-Amz-Expires say. The gateway checks
// SigV4 like S3 does (an expired URL is 403 "Request has expired", a wrong signature 403
// SignatureDoesNotMatch), so the tests that prove how Tall signs URLs run against it. Its posix
// backend keeps buckets as folders (metadata in extended attributes) under the stack folder.

/** The gateway's one (root) account: printed by `env` as S3_STRICT_*. */
const VERSITYGW_CREDENTIALS = Object.freeze({ accessKeyId: 'tall-strict', secretAccessKey: 'tall-strict-secret-key' });

async function installVersitygw() {
  const p = paths();
  if (readText(p.versitygwMarker)?.trim() === V.versitygw && fs.existsSync(p.versitygw)) return false;
  const logTo = logFile('install-versitygw');
  if (!which('go')) throw new Error('versitygw: the Go toolchain (`go`) is needed to build it and is not on PATH');
  rmrf(p.versitygwMarker);
  mkdirp(p.bin);
  // `go install` into a private folder, then one rename: a half-written binary is never in bin/.
  const gobin = fs.mkdtempSync(path.join(p.bin, '.versitygw-'));
  try {
    const env = { ...process.env, GOBIN: gobin, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false', GOWORK: 'off' };
    log(`versitygw: building github.com/versity/versitygw ${V.versitygw} (go install, a few minutes the first time)`);
    await run(
      'go',
      ['install', '-trimpath', `-ldflags=-s -w -X main.Version=${V.versitygw}`, `github.com/versity/versitygw/cmd/versitygw@${V.versitygw}`],
      { cwd: gobin, env, logTo },
    );
    fs.renameSync(path.join(gobin, 'versitygw'), p.versitygw);
  } finally {
    rmrf(gobin);
  }
  fs.writeFileSync(p.versitygwMarker, `${V.versitygw}\n`);
  return true;
}

async function versitygwReady(port) {
  return (await httpStatus(port, '/health')) === 200;
}

async function startVersitygw(port) {
  const p = paths();
  mkdirp(p.versitygwData);
  await startDaemon('versitygw', {
    cmd: p.versitygw,
    args: [
      `--port=${HOST}:${port}`,
      `--access=${VERSITYGW_CREDENTIALS.accessKeyId}`,
      `--secret=${VERSITYGW_CREDENTIALS.secretAccessKey}`,
      '--region=us-east-1',
      '--health=/health',
      '--quiet', // no line per request
      'posix',
      p.versitygwData,
    ],
    cwd: path.dirname(p.versitygwData),
    port,
    probe: versitygwReady,
    logs: [logFile('versitygw')],
  });
}

// ---------------------------------------------------------------------------------------------
// service table

const SVC = {
  postgres: {
    install: installPostgres,
    installed: () => !!findPgBin(),
    start: startPostgres,
    stop: stopPostgres,
    probe: pgReady,
    dataDirs: (p) => [p.pgData, p.pgMarker],
  },
  mongo: {
    install: installMongo,
    installed: () => readText(paths().ferretdbMarker)?.trim() === FERRETDB_BUILD,
    start: startMongo,
    stop: () => stopDaemon('mongo'),
    probe: mongoReady,
    dataDirs: (p) => [p.mongoData], // the SQLite data of older stacks
    purge: purgeMongo,
  },
  kafka: {
    install: installKafka,
    installed: () => readText(paths().kafkaMarker)?.trim() === V.kafka,
    start: startKafka,
    stop: () => stopDaemon('kafka'),
    probe: kafkaReady,
    dataDirs: (p) => [p.kafkaData, p.kafkaClusterId],
  },
  moto: {
    install: installMoto,
    installed: () => readText(paths().motoMarker)?.trim() === V.moto,
    start: startMoto,
    stop: () => stopDaemon('moto'),
    probe: motoReady,
    dataDirs: () => [], // moto keeps its state in memory
  },
  versitygw: {
    install: installVersitygw,
    installed: () => readText(paths().versitygwMarker)?.trim() === V.versitygw,
    start: startVersitygw,
    stop: () => stopDaemon('versitygw'),
    probe: versitygwReady,
    dataDirs: (p) => [p.versitygwData],
  },
};

function normalize(services) {
  if (services == null) return [...SERVICES];
  const list = (Array.isArray(services) ? services : [services]).map((s) => ALIASES[s] || s);
  if (list.length === 0) return [...SERVICES];
  for (const s of list) {
    if (!SERVICES.includes(s)) throw new Error(`unknown service "${s}" (known: ${SERVICES.join(', ')})`);
  }
  return [...new Set(list)];
}

function baseDirs() {
  const p = paths();
  for (const d of [p.root, p.logs, p.run]) mkdirp(d);
  fs.chmodSync(p.root, 0o755); // the postgres user must be able to traverse it
  return p;
}

async function allOrThrow(what, services, fn) {
  const results = await Promise.allSettled(services.map(fn));
  const failed = results.map((r, i) => [services[i], r]).filter(([, r]) => r.status === 'rejected');
  if (failed.length) {
    const msg = failed.map(([s, r]) => `--- ${s} ---\n${r.reason?.message || r.reason}`).join('\n');
    const err = new Error(`${what} failed for ${failed.map(([s]) => s).join(', ')}:\n${msg}`);
    err.services = failed.map(([s]) => s);
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// public API

/** Installs (first time) and starts the services (default: all), waiting until each answers. Returns env(). */
export async function up(services) {
  const list = normalize(services);
  baseDirs();
  const t0 = Date.now();
  const bringUp = (svc) =>
    withLock(svc, async () => {
      const ti = Date.now();
      if (await SVC[svc].install()) log(`${svc}: installed in ${((Date.now() - ti) / 1000).toFixed(1)}s`);
      await SVC[svc].start(portFor(svc));
    });
  // FerretDB stores its data in PostgreSQL: install everything in parallel, start postgres first.
  const postgresFirst = list.includes('mongo') && list.includes('postgres');
  let postgres = Promise.resolve();
  if (postgresFirst) postgres = bringUp('postgres');
  await allOrThrow('up', list, (svc) => {
    if (svc === 'postgres' && postgresFirst) return postgres;
    if (svc === 'mongo' && postgresFirst) {
      return Promise.all([postgres, withLock('mongo-install', () => SVC.mongo.install())]).then(() => bringUp('mongo'));
    }
    return bringUp(svc);
  });
  log(`up: ${list.join(', ')} ready in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return env();
}

/** Stops the services (default: all) this script started; `purge` also deletes their data. */
export async function down(services, { purge = false } = {}) {
  const list = normalize(services);
  const p = baseDirs();
  await allOrThrow('down', list, (svc) =>
    withLock(svc, async () => {
      await SVC[svc].stop();
      if (purge && SVC[svc].purge) await SVC[svc].purge();
      if (purge) {
        const dirs = SVC[svc].dataDirs(p);
        for (const d of dirs) rmrf(d);
        if (dirs.length) log(`${svc}: data deleted`); // its port stays remembered in run/<svc>.json
      }
    }),
  );
}

/** Stops one service (or several), keeping its data and port: `start` brings it back the same. */
export async function stop(svc) {
  return down(svc == null ? svc : [].concat(svc), { purge: false });
}

/** Starts one service (or several) again on the same port and data. */
export async function start(svc) {
  return up(svc == null ? svc : [].concat(svc));
}

/** The connection settings of the stack, as an object of environment variables. */
export function env() {
  const moto = `http://${HOST}:${portFor('moto')}`;
  return {
    DATABASE_URL: `postgres://tall@${HOST}:${portFor('postgres')}/tall`,
    MONGODB_URI: `mongodb://${HOST}:${portFor('mongo')}/tall`,
    KAFKA_BROKERS: `${HOST}:${portFor('kafka')}`,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_ENDPOINT_URL_S3: moto,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: moto,
    // The strict S3 (versitygw), only for tests that prove signing; the apps use moto above.
    S3_STRICT_ENDPOINT: `http://${HOST}:${portFor('versitygw')}`,
    S3_STRICT_ACCESS_KEY_ID: VERSITYGW_CREDENTIALS.accessKeyId,
    S3_STRICT_SECRET_ACCESS_KEY: VERSITYGW_CREDENTIALS.secretAccessKey,
  };
}

/** One entry per service: installed, pid (if running and started by this script), port, reachable. */
export async function status() {
  return Promise.all(
    SERVICES.map(async (svc) => {
      const port = portFor(svc);
      let pid = null;
      if (svc === 'postgres') {
        const pm = pgPostmasterPid();
        if (pm && isOurs(pm.pid)) pid = pm.pid;
      } else {
        const st = readState(svc);
        if (st?.pid && isOurs(st.pid)) pid = st.pid;
      }
      const installed = SVC[svc].installed();
      const reachable = installed ? await SVC[svc].probe(port).catch(() => false) : await tcpOpen(port);
      return { service: svc, installed, running: pid != null, pid, port, reachable };
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// CLI

const USAGE = `usage: node tools/stack/stack.mjs <command> [service...]
  up [svc...]          install (first time) and start; default: all of ${SERVICES.join(', ')}
  down [svc...]        stop what this script started (by pid file); --purge also deletes data
  stop <svc...>        stop, keeping data and port
  start <svc...>       start again (same port and data)
  status [--json]      one line per service
  env                  NAME=value lines for the apps and tests
  tool <name>          installs a test tool (cached) and prints its command: schemathesis
ports: TALL_PG_PORT (54329) TALL_MONGO_PORT (27027) TALL_KAFKA_PORT (19092, +1 controller) TALL_MOTO_PORT (45660)
       TALL_VERSITYGW_PORT (45670)
folder: TALL_STACK_DIR (default <repo>/.stack)`;

async function main(argv) {
  const [cmd, ...rest] = argv;
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const svcs = rest.filter((a) => !a.startsWith('--'));
  switch (cmd) {
    case 'up':
      await up(svcs);
      return 0;
    case 'down':
      await down(svcs, { purge: flags.has('--purge') });
      return 0;
    case 'stop':
    case 'start':
      if (svcs.length === 0) {
        process.stderr.write(`${cmd} needs a service name (${SERVICES.join(', ')})\n`);
        return 2;
      }
      await (cmd === 'stop' ? stop(svcs) : start(svcs));
      return 0;
    case 'status': {
      const rows = await status();
      if (flags.has('--json')) {
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      } else {
        for (const r of rows) {
          process.stdout.write(
            `${r.service.padEnd(9)} installed=${r.installed ? 'yes' : 'no '}  running=${r.running ? `yes (pid ${r.pid})` : 'no'}` +
              `  port=${r.port}  reachable=${r.reachable ? 'yes' : 'no'}\n`,
          );
        }
      }
      return 0;
    }
    case 'env':
      for (const [k, v] of Object.entries(env())) process.stdout.write(`${k}=${v}\n`);
      return 0;
    case 'tool': {
      const install = TOOLS[svcs[0]];
      if (!install || svcs.length !== 1) {
        process.stderr.write(`tool needs one of: ${Object.keys(TOOLS).join(', ')}\n`);
        return 2;
      }
      process.stdout.write(`${await install()}\n`);
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stderr.write(`${USAGE}\n`);
      return cmd === undefined ? 2 : 0;
    default:
      process.stderr.write(`unknown command "${cmd}"\n${USAGE}\n`);
      return 2;
  }
}

function isEntryPoint() {
  if (!process.argv[1]) return false;
  try {
    return fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`[stack] ERROR: ${err?.message || err}\n`);
      process.exitCode = 1;
    },
  );
}
