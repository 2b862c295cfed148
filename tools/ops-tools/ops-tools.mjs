#!/usr/bin/env node
// The operations tools the deployment checks need, built from their Go modules (no downloads of
// prebuilt binaries, no Docker): helm v4 for the chart in deploy/helm/tall, promtool for the rules
// in deploy/monitoring. Cached next to the local stack, in <TALL_STACK_DIR or <repo>/.stack>/bin.
//
//   node tools/ops-tools/ops-tools.mjs [ensure] [helm|promtool ...]   build what is missing, print the paths
//   node tools/ops-tools/ops-tools.mjs ensure --json                   the same as {"helm": "...", "promtool": "..."}
//   node tools/ops-tools/ops-tools.mjs versions                        the pinned versions
//
// Idempotent: a marker next to each binary names the version it was built from, so a version
// change here rebuilds it and an unchanged one returns at once. A lock file keeps two processes
// (two Jest workers, a CLI and a test) from building the same tool at the same time.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');

/** Pinned versions: the newest helm v4 and Prometheus module releases at the time of writing. */
export const VERSIONS = Object.freeze({
  helm: 'v4.3.2',
  // Prometheus' Go module numbers v3.x.y releases as v0.3xx.y: this is Prometheus 3.16.0.
  promtool: 'v0.316.0',
});

const TOOLS = {
  helm: {
    package: 'helm.sh/helm/v4/cmd/helm',
    // Helm's Makefile stamps the version this way; without it `helm version` says only "v4.3".
    ldflags: (version) => `-s -w -X helm.sh/helm/v4/internal/version.version=${version}`,
  },
  promtool: {
    package: 'github.com/prometheus/prometheus/cmd/promtool',
    ldflags: (version) => `-s -w -X github.com/prometheus/common/version.Version=${version.replace(/^v0\.(\d)(\d\d)\./, (_, major, minor) => `${major}.${Number(minor)}.`)}`,
  },
};

const LOCK_WAIT_MS = 30 * 60_000;

function log(message) {
  process.stderr.write(`[ops-tools] ${message}\n`);
}

/** Same folder convention as tools/stack: TALL_STACK_DIR, else .stack in the repository. */
export function stackDir() {
  return path.resolve(process.env.TALL_STACK_DIR || path.join(REPO, '.stack'));
}

export function binDir() {
  return path.join(stackDir(), 'bin');
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function pidAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** An exclusive lock file holding our pid; one left by a dead process is taken over. */
async function withLock(name, work) {
  const dir = path.join(stackDir(), 'run');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `ops-tools-${name}.lock`);
  const deadline = Date.now() + LOCK_WAIT_MS;
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(readText(file));
      if (!pidAlive(holder)) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${name}: the lock ${file} is still held by pid ${holder}`);
      if (!told) log(`${name}: waiting for pid ${holder}, which is building it`);
      told = true;
      await sleep(500);
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function run(cmd, args, { env, cwd } = {}) {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk) => {
      output = (output + chunk).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

function installed(name) {
  const binary = path.join(binDir(), name);
  const marker = `${binary}.installed`;
  return readText(marker)?.trim() === VERSIONS[name] && fs.existsSync(binary) ? binary : null;
}

/** Builds `name` at its pinned version unless the marker says it is there; returns the binary's path. */
async function ensure(name) {
  const ready = installed(name);
  if (ready) return ready;
  return withLock(name, async () => {
    // Another process may have built it while this one waited for the lock.
    const built = installed(name);
    if (built) return built;
    const tool = TOOLS[name];
    const version = VERSIONS[name];
    const binary = path.join(binDir(), name);
    const marker = `${binary}.installed`;
    fs.mkdirSync(binDir(), { recursive: true });
    fs.rmSync(marker, { force: true });
    // `go install` into a private folder, then one rename: a half-written binary is never at `binary`.
    const gobin = fs.mkdtempSync(path.join(os.tmpdir(), `tall-${name}-`));
    // As tools/stack builds FerretDB: static binaries, no VCS stamping, outside any go.work.
    const env = { ...process.env, GOBIN: gobin, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false', GOWORK: 'off' };
    const started = Date.now();
    log(`${name}: building ${tool.package}@${version} with go install (a few minutes the first time)`);
    try {
      await run('go', ['install', '-trimpath', `-ldflags=${tool.ldflags(version)}`, `${tool.package}@${version}`], { env, cwd: gobin });
      fs.copyFileSync(path.join(gobin, name), `${binary}.tmp`);
      fs.chmodSync(`${binary}.tmp`, 0o755);
      fs.renameSync(`${binary}.tmp`, binary);
    } catch (error) {
      if (error.code === 'ENOENT') throw new Error(`${name}: the Go toolchain (\`go\`) is needed to build it and is not on PATH`);
      throw error;
    } finally {
      fs.rmSync(gobin, { recursive: true, force: true });
    }
    fs.writeFileSync(marker, `${version}\n`);
    log(`${name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${binary}`);
    return binary;
  });
}

/** The path of a helm v4 binary, built on first use. */
export function ensureHelm() {
  return ensure('helm');
}

/** The path of a promtool binary, built on first use. */
export function ensurePromtool() {
  return ensure('promtool');
}

async function main(argv) {
  const args = argv.filter((arg) => !arg.startsWith('--'));
  const json = argv.includes('--json');
  const command = args[0] === 'ensure' || args[0] === 'versions' ? args.shift() : 'ensure';
  if (command === 'versions') {
    process.stdout.write(`${JSON.stringify(VERSIONS)}\n`);
    return;
  }
  const names = args.length > 0 ? args : Object.keys(TOOLS);
  const unknown = names.filter((name) => !(name in TOOLS));
  if (unknown.length > 0) throw new Error(`unknown tool(s): ${unknown.join(', ')} (known: ${Object.keys(TOOLS).join(', ')})`);
  const paths = {};
  // One after the other: the machine may have two cores, and each build uses all of them.
  for (const name of names) paths[name] = await ensure(name);
  process.stdout.write(json ? `${JSON.stringify(paths)}\n` : `${names.map((name) => `${name}\t${paths[name]}`).join('\n')}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    log(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
