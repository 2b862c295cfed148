'use strict';
// CommonJS face of stack.mjs, for Jest. Jest's CommonJS runtime cannot `import()` an ES module
// (without --experimental-vm-modules it fails with "Must use import to load ES Module"), so each
// call here runs stack.mjs's CLI in a child Node process. Same names as stack.mjs's exports:
//
//   const stack = require('../../tools/stack/stack.cjs');
//   await stack.stop('kafka'); ...; await stack.start('kafka');
//
// Output of the script is kept quiet unless the call fails (then it is in the error message) or
// TALL_STACK_VERBOSE=1 is set.

const { execFile, execFileSync } = require('node:child_process');
const path = require('node:path');

const SCRIPT = path.join(__dirname, 'stack.mjs');

function cli(args) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [SCRIPT, ...args], { env: process.env, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (process.env.TALL_STACK_VERBOSE === '1' && stderr) process.stderr.write(stderr);
      if (err) {
        reject(new Error(`stack ${args.join(' ')} failed (exit ${err.code}):\n${stderr || err.message}`));
      } else {
        resolve(stdout);
      }
    });
  });
}

const names = (services) => (services == null ? [] : [].concat(services));

function parseEnv(text) {
  const out = {};
  for (const line of text.split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out;
}

/** Installs (first time) and starts the services (default: all); resolves with env(). */
async function up(services) {
  await cli(['up', ...names(services)]);
  return env();
}

/** Stops what the script started; `{ purge: true }` also deletes data. */
async function down(services, { purge = false } = {}) {
  await cli(['down', ...names(services), ...(purge ? ['--purge'] : [])]);
}

/** Stops one service (or several), keeping data and port. */
async function stop(svc) {
  await cli(['stop', ...names(svc)]);
}

/** Starts one service (or several) again on the same port and data; resolves when it answers. */
async function start(svc) {
  await cli(['start', ...names(svc)]);
}

/** The stack's connection settings: { DATABASE_URL, MONGODB_URI, KAFKA_BROKERS, AWS_*, S3_STRICT_* }. */
async function env() {
  return parseEnv(await cli(['env']));
}

/** Same as env(), synchronously (for Jest config files and setup code that cannot await). */
function envSync() {
  return parseEnv(execFileSync(process.execPath, [SCRIPT, 'env'], { env: process.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** [{ service, installed, running, pid, port, reachable }] */
async function status() {
  return JSON.parse(await cli(['status', '--json']));
}

module.exports = { up, down, stop, start, env, envSync, status, SERVICES: Object.freeze(['postgres', 'mongo', 'kafka', 'moto', 'versitygw']) };
