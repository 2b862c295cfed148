// `npm test`: every test — lint, type check, unit and integration tests against the real local
// stack — from a fresh clone. Stops the stack afterwards if it started it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, ensureDependencies, ensureMediaTools, ensureStack, log, root, run, runSettled } from './process.mjs';

const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Whether every server of the stack (one status line each) was running before this run. */
function stackServicesRunning() {
  try {
    const status = execFileSync(process.execPath, [join(root, 'tools/stack/stack.mjs'), 'status'], { cwd: root, encoding: 'utf8' });
    const services = status.split('\n').filter((line) => /running=/.test(line));
    return services.length > 0 && services.every((line) => /running=yes/.test(line));
  } catch {
    return false;
  }
}

ensureDependencies();
const alreadyUp = stackServicesRunning();
const stack = ensureStack();
// The listening seed's videos (black-box and web end-to-end tests) are made with Debian's ffmpeg and espeak-ng.
try {
  ensureMediaTools();
} catch (error) {
  log(String(error));
}
const env = { ...process.env, ...stack, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' };

const results = [];
let failed = false;
function step(label, command, args) {
  const status = run(command, args, { label, env, allowFailure: true });
  results.push({ label, ok: status === 0 });
  if (status !== 0) failed = true;
}

try {
  // The boundary rule reads Nx's cached project graph and silently skips itself without one.
  step('Nx project graph (for the boundary rule)', bin('nx'), ['show', 'projects']);
  step('lint (module boundaries included)', bin('eslint'), ['.', '--max-warnings=0']);
  step('type check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  step('type check (web client libraries)', bin('tsc'), ['-p', 'libs/client/tsconfig.json', '--noEmit']);
  step('type check (web client end-to-end tests)', bin('tsc'), ['-p', 'clients/web-e2e/tsconfig.json', '--noEmit']);
  step('build (black-box tests run the built API)', process.execPath, [join(root, 'tools/run/build.mjs')]);
  // helm and promtool for tools/ops-tools/deploy.int.spec.ts, built once from their Go modules
  // into the stack folder: a first build takes minutes and must not compete with timed tests.
  step('ops tools (helm, promtool)', process.execPath, [join(root, 'tools/ops-tools/ops-tools.mjs')]);
  mkdirSync(join(root, 'tmp'), { recursive: true });
  // Tests that stop servers of the stack run alone, after everything else.
  const runs = [
    { label: 'unit and integration tests (jest)', args: ['--selectProjects', 'unit', 'integration'], file: 'jest-results.json' },
    { label: 'unit and integration tests: outages (jest, serial)', args: ['--selectProjects', 'outage', '--runInBand'], file: 'jest-outage-results.json' },
  ];
  for (const jestRun of runs) {
    const report = join(root, 'tmp', jestRun.file);
    rmSync(report, { force: true });
    step(jestRun.label, bin('jest'), ['--ci', '--json', `--outputFile=${report}`, ...jestRun.args]);
    if (existsSync(report)) {
      const jest = JSON.parse(readFileSync(report, 'utf8'));
      results.push({ label: `${jestRun.label} counts`, passed: jest.numPassedTests, failed: jest.numFailedTests, skipped: jest.numPendingTests });
    }
  }
  // The exact API contract: schemathesis (installed into the stack folder from PyPI) against the
  // built API with each role's token, a few generated requests per operation and phase. Every
  // failure is a difference between the OpenAPI document and the API.
  step('contract fuzzer (schemathesis)', process.execPath, [join(root, 'tools/stack/stack.mjs'), 'tool', 'schemathesis']);
  const fuzzStatus = run(process.execPath, ['-r', join(root, 'tools/ts/swc-register.js'), join(root, 'tools/fuzz/main.ts')], {
    label: 'API contract fuzzing (npm run fuzz, 3 examples per operation and phase)',
    env: { ...env, FUZZ_MAX_EXAMPLES: '3' },
    allowFailure: true,
  });
  results.push({ label: 'API contract fuzzing (small)', ok: fuzzStatus === 0 });
  if (fuzzStatus !== 0) failed = true;
  // The web client: its libraries' and components' unit tests (Vitest), then its end-to-end suite
  // (Playwright driving Debian's Chromium against the built app on the local stack).
  const vitestEnv = { ...env, NO_COLOR: '1', FORCE_COLOR: '0', NG_CLI_ANALYTICS: 'false', CI: process.env.CI ?? 'true' };
  await webTests('web client tests: libraries (vitest)', process.execPath, [bin('vitest'), 'run', '--config', 'libs/client/vitest.config.mts', '--reporter=default', '--reporter=json', `--outputFile.json=${join(root, 'tmp/web-libs-results.json')}`], {
    env: vitestEnv,
    report: 'web-libs-results.json',
    succeeded: /Tests\s+\d+ passed/,
    failed: /Tests\s+.*\d+ failed/,
  });
  await webTests('web client tests: components (ng test)', process.execPath, [join(root, 'node_modules/@angular/cli/bin/ng.js'), 'test', '--watch=false', '--progress=false', '--reporters=json', '--reporters=default', `--output-file=${join(root, 'tmp/web-app-results.json')}`], {
    env: vitestEnv,
    cwd: join(root, 'clients/web'),
    report: 'web-app-results.json',
    succeeded: /Tests\s+\d+ passed/,
    failed: /Tests\s+.*\d+ failed|Application bundle generation failed/,
  });
  let chromium = null;
  try {
    chromium = ensureChromium();
  } catch (error) {
    log(String(error));
  }
  if (chromium) {
    await webTests('web client tests: end to end (playwright, chromium)', bin('playwright'), ['test', '-c', 'clients/web-e2e/playwright.config.ts'], {
      env: { ...env, CHROMIUM_PATH: chromium, NO_COLOR: '1' },
      report: 'web-e2e-results.json',
      succeeded: /^\s+\d+ passed \(/,
      failed: /^\s+\d+ failed$/,
      graceMs: 60_000,
    });
  } else {
    results.push({ label: 'web client tests: end to end (no chromium)', ok: false });
    failed = true;
  }
} finally {
  if (!alreadyUp) run(process.execPath, [join(root, 'tools/stack/stack.mjs'), 'down'], { label: 'local stack: down', allowFailure: true });
}

/** Runs one of the web client's test suites and records its counts (Vitest and Playwright JSON reports). */
async function webTests(label, command, args, { env: runEnv, cwd, report, succeeded, failed: failedLine, graceMs }) {
  const file = join(root, 'tmp', report);
  rmSync(file, { force: true });
  const status = await runSettled(command, args, { label, env: runEnv, cwd, succeeded, failed: failedLine, graceMs });
  results.push({ label, ok: status === 0 });
  if (status !== 0) failed = true;
  if (!existsSync(file)) return;
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const counts = json.stats
    ? { passed: json.stats.expected + json.stats.flaky, failed: json.stats.unexpected, skipped: json.stats.skipped }
    : { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + (json.numTodoTests ?? 0) };
  results.push({ label: `${label} counts`, ...counts });
}

const jest = results
  .filter((result) => result.passed !== undefined)
  .reduce((sum, result) => ({ passed: sum.passed + result.passed, failed: sum.failed + result.failed, skipped: sum.skipped + result.skipped }), {
    passed: 0,
    failed: 0,
    skipped: 0,
  });
const gates = results.filter((result) => result.ok !== undefined);
for (const gate of gates) log(`${gate.ok ? 'ok  ' : 'FAIL'} ${gate.label}`);
// Lint and type check count as one test each; a jest run that failed without a failed test
// (a suite that could not load, a leak) counts as one failure.
const isTestRun = (gate) => gate.label.startsWith('unit and integration') || gate.label.startsWith('web client tests');
const otherGates = gates.filter((gate) => !isTestRun(gate));
const jestGates = gates.filter(isTestRun);
const passed = jest.passed + otherGates.filter((gate) => gate.ok).length;
const failures = jest.failed + otherGates.filter((gate) => !gate.ok).length + (jestGates.some((gate) => !gate.ok) && jest.failed === 0 ? 1 : 0);
// The plain closing line CI reads.
process.stdout.write(`${passed} passed, ${failures} failed, ${jest.skipped} skipped\n`);
process.exit(failed ? 1 : 0);
