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
export function ensureStack() {
  run(process.execPath, [join(root, 'tools/stack/stack.mjs'), 'up'], { label: 'local stack: up' });
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
