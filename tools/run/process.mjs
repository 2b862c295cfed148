// Small process helpers for the run scripts. Node built-ins only: these run before `npm ci`.
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

export function log(message) {
  process.stderr.write(`\x1b[36m[tall]\x1b[0m ${message}\n`);
}

/** Runs a command in the foreground; throws with the command's label when it fails. */
export function run(command, args, { label = command, env = process.env, allowFailure = false } = {}) {
  log(label);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0 && !allowFailure) {
    throw new Error(`${label} failed (exit ${result.status ?? result.signal})`);
  }
  return result.status ?? 1;
}

/**
 * Installs dependencies when they are missing or older than the lock file. `npm install` with
 * the committed lock rather than `npm ci`: the lock cannot list the native optional packages of
 * other platforms (macOS, Windows builds of swc and others) that the registries reachable here
 * do not carry, and `npm ci` refuses a lock without them.
 */
export function ensureDependencies() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  run('npm', ['install', '--no-audit', '--no-fund'], { label: 'installing dependencies (npm install, from the lock)' });
}

/** Brings the local stack up (installing it on first use) and returns its variables. */
/** Brings up the local stack: the given servers, or all of them. */
export function ensureStack(services = []) {
  run(process.execPath, [join(root, 'tools/stack/stack.mjs'), 'up', ...services], { label: `local stack: up${services.length ? ` ${services.join(' ')}` : ''}` });
  return stackEnv();
}

export function stackEnv() {
  const output = execFileSync(process.execPath, [join(root, 'tools/stack/stack.mjs'), 'env'], { cwd: root, encoding: 'utf8' });
  return Object.fromEntries(
    output
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/**
 * Runs a build or test tool that prints a final verdict but may not exit afterwards (the Angular
 * builder's esbuild service can keep its event loop alive). Output passes through; once a line
 * matches `succeeded` or `failed`, the process gets `graceMs` to exit by itself and is then ended,
 * its verdict taken from that line. Returns the exit status (0 on a success verdict).
 */
export async function runSettled(command, args, { label = command, env = process.env, cwd = root, succeeded, failed, graceMs = 15_000 }) {
  log(label);
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let verdict = null;
    let timer = null;
    const watch = (stream, sink) => {
      let pending = '';
      stream.on('data', (chunk) => {
        sink.write(chunk);
        pending += chunk.toString();
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          if (verdict === null && failed?.test(line)) verdict = 1;
          else if (verdict === null && succeeded?.test(line)) verdict = 0;
          if (verdict !== null && timer === null) {
            timer = setTimeout(() => {
              log(`${label}: finished but did not exit; ending it`);
              child.kill('SIGTERM');
            }, graceMs);
          }
        }
      });
    };
    watch(child.stdout, process.stdout);
    watch(child.stderr, process.stderr);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve(code === 0 ? 0 : verdict === 0 && signal ? 0 : (code ?? 1) || 1);
    });
  });
}

/**
 * The browser of the web client's end-to-end tests: Debian's Chromium, installed with apt-get when
 * missing (these machines run as root). Returns its path.
 */
export function ensureChromium() {
  const chromium = '/usr/bin/chromium';
  if (existsSync(chromium)) return chromium;
  log('Chromium is missing: installing Debian\'s chromium package (apt-get, once)');
  installDebianPackages(['chromium']);
  if (!existsSync(chromium)) throw new Error(`chromium was installed but ${chromium} is missing`);
  return chromium;
}

/**
 * What the listening seed needs to make its videos (libs/listening/infrastructure's seed media):
 * Debian's ffmpeg, and espeak-ng for the Dutch speech, installed with apt-get when missing.
 * Returns their paths.
 */
export function ensureMediaTools() {
  const tools = { ffmpeg: '/usr/bin/ffmpeg', ffprobe: '/usr/bin/ffprobe', espeakNg: '/usr/bin/espeak-ng' };
  if (Object.values(tools).every((path) => existsSync(path))) return tools;
  log('ffmpeg or espeak-ng is missing: installing Debian\'s ffmpeg and espeak-ng packages (apt-get, once)');
  installDebianPackages(['ffmpeg', 'espeak-ng']);
  const missing = Object.values(tools).filter((path) => !existsSync(path));
  if (missing.length > 0) throw new Error(`ffmpeg and espeak-ng were installed but ${missing.join(', ')} is missing`);
  return tools;
}

/** apt-get install (these machines run as root; otherwise through sudo without a prompt), updating the lists once if the first try fails. */
function installDebianPackages(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0 ? [] : ['sudo', '-n'];
  const apt = (args) => {
    const [command, ...rest] = [...asRoot, 'apt-get', ...args];
    return spawnSync(command, rest, { stdio: 'inherit', env }).status;
  };
  if (apt(['install', '-y', '-q', ...packages]) !== 0) {
    apt(['update', '-q']);
    if (apt(['install', '-y', '-q', ...packages]) !== 0) {
      throw new Error(`could not install ${packages.join(' and ')} with apt-get; install it (apt-get install ${packages.join(' ')}) and run again`);
    }
  }
}
