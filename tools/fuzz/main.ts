// `npm run fuzz`: schemathesis (`--checks all`) against the built API on the local stack, once per
// role, with that role's access token: a student's, a teacher's (linked to the student), an
// EDU_ADMIN's and a TECH_ADMIN's. Every operation of the OpenAPI document (/api/docs-json) is
// called with generated valid and invalid requests, and each answer is checked against the
// document: status codes, content types, headers, bodies, methods (405 with Allow), invalid data
// refused, valid data accepted, and no server errors.
//
// schemathesis is installed from PyPI by the stack script (`node tools/stack/stack.mjs tool
// schemathesis`). The API runs on databases of its own, dropped afterwards; it never stops a
// server, so the project's stack is fine to use.
//
// Variables: FUZZ_ROLES (all four, comma-separated), FUZZ_MAX_EXAMPLES (25 per operation and
// phase), FUZZ_PHASES (examples,coverage,fuzzing), FUZZ_WORKERS (1: with more, the Python
// 3.11 that schemathesis runs on here sometimes fails parsing in two threads at once, "AST constructor
// recursion depth mismatch", and that operation goes untested), FUZZ_INCLUDE_PATH_REGEX
// (only the operations whose path matches), FUZZ_REBUILD=1, TALL_API_MAIN.
//
// It prints a table of failures per role and check, writes each role's report (JUnit XML and
// schemathesis's own output) to tmp/fuzz/, and exits 1 when any role has a failure.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_VERSION_MAX_LENGTH, CLIENT_VERSION_PATTERN } from '@tall/platform/http';
import { table } from '../chaos/support/latency';
import { stackScript, workspaceRoot } from '../chaos/support/local-stack';
import { bootstrapAdmin, call, createAccounts, signIn, type Account, type Role } from '../chaos/support/tall-api';
import { ensureBuilt, freshStores, killStartedApps, startTallApp, waitReady } from '../chaos/support/tall-app';

const log = (message: string) => process.stderr.write(`\x1b[32m[fuzz]\x1b[0m ${message}\n`);
const ROLES: Role[] = ['STUDENT', 'TEACHER', 'EDU_ADMIN', 'TECH_ADMIN'];
const OUT = join(workspaceRoot, 'tmp', 'fuzz');

interface RoleRun {
  role: string;
  exitCode: number;
  /** Failures per check, read from schemathesis's summary. */
  failures: Record<string, number>;
  summary: string;
}

function schemathesis(): string {
  const installed = spawnSync(process.execPath, [join(workspaceRoot, 'tools/stack/stack.mjs'), 'tool', 'schemathesis'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (installed.status !== 0) throw new Error('installing schemathesis failed (see .stack/logs/install-schemathesis.log)');
  return installed.stdout.trim().split('\n').pop() as string;
}

function settings() {
  const roles = (process.env['FUZZ_ROLES'] ?? ROLES.join(','))
    .split(',')
    .map((role) => role.trim().toUpperCase())
    .filter(Boolean);
  const unknown = roles.filter((role) => !ROLES.includes(role as Role));
  if (unknown.length > 0) throw new Error(`FUZZ_ROLES: unknown role(s) ${unknown.join(', ')}; use ${ROLES.join(', ')}`);
  const maxExamples = Number(process.env['FUZZ_MAX_EXAMPLES'] ?? 25);
  const workers = Number(process.env['FUZZ_WORKERS'] ?? 1);
  if (!Number.isInteger(maxExamples) || maxExamples < 1) throw new Error('FUZZ_MAX_EXAMPLES must be a positive integer');
  if (!Number.isInteger(workers) || workers < 1) throw new Error('FUZZ_WORKERS must be a positive integer');
  return {
    roles: roles as Role[],
    maxExamples,
    workers,
    phases: process.env['FUZZ_PHASES'] ?? 'examples,coverage,fuzzing',
    includePath: process.env['FUZZ_INCLUDE_PATH_REGEX'],
  };
}

/** Runs schemathesis for one role; its output streams through and is kept for the summary. */
/**
 * Operations that change what every later request gets, fuzzed after every role's run of everything
 * else, one at a time, in this order: raising the minimum app versions (later requests may be
 * answered 426; the minimums are put back afterwards), then ending the caller's own session (schemathesis finds its id in GET
 * /auth/sessions) or all of them (its token answers 401 from then on).
 */
const LAST_OPERATIONS = [
  { operationId: 'ClientVersionsController_update_v1', label: 'minimum versions' },
  { operationId: 'AuthController_revokeSession_v1', label: 'end a session' },
  { operationId: 'AuthController_logoutAll_v1', label: 'logout-all' },
] as const;

/** Everything but LAST_OPERATIONS, or one of them. */
type Selection = 'everything else' | (typeof LAST_OPERATIONS)[number];

function fuzzRole(st: string, url: string, account: Account, options: ReturnType<typeof settings>, selection: Selection): Promise<RoleRun> {
  const last = selection === 'everything else' ? undefined : selection;
  const directory = join(OUT, account.role.toLowerCase(), last ? last.label : 'all');
  mkdirSync(directory, { recursive: true });
  const args = [
    '--config-file',
    join(workspaceRoot, 'tools/fuzz/schemathesis.toml'),
    'run',
    `${url}/api/docs-json`,
    '--checks',
    'all',
    // Generation health, not a contract failure: bodies of many nested, patterned fields (a video
    // with its timed questions) leave hypothesis filtering most drafts; it keeps generating.
    '--suppress-health-check',
    'filter_too_much',
    '--header',
    `Authorization: Bearer ${account.token}`,
    '--max-examples',
    String(options.maxExamples),
    '--phases',
    options.phases,
    '--workers',
    String(options.workers),
    '--request-timeout',
    '30',
    '--report',
    'junit',
    '--report-dir',
    directory,
    '--no-color',
    ...(options.includePath ? ['--include-path-regex', options.includePath] : []),
    ...(last ? ['--include-operation-id', last.operationId] : LAST_OPERATIONS.flatMap(({ operationId }) => ['--exclude-operation-id', operationId])),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(st, args, { cwd: workspaceRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SCHEMATHESIS_HOOKS: join(workspaceRoot, 'tools/fuzz/schemathesis_hooks.py'), TALL_CLIENT_VERSION_PATTERN: CLIENT_VERSION_PATTERN, TALL_CLIENT_VERSION_MAX_LENGTH: String(CLIENT_VERSION_MAX_LENGTH) } });
    let output = '';
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code) => {
      writeFileSync(join(directory, 'output.txt'), output);
      // Exit 2 with "No operations selected" is a FUZZ_INCLUDE_PATH_REGEX that leaves this part empty.
      const empty = /No operations? (were )?(found|selected)/i.test(output);
      resolve({ role: last ? `${account.role} (${last.label}, last)` : account.role, exitCode: empty ? 0 : (code ?? 1), failures: failuresOf(output), summary: summaryOf(output) });
    });
  });
}

/** schemathesis's summary lists each failed check under "Failures:" as `❌ ST103 Undocumented status code: 50`. */
function failuresOf(output: string): Record<string, number> {
  const failures: Record<string, number> = {};
  const start = output.lastIndexOf('\nFailures:\n');
  if (start < 0) return failures;
  for (const line of output.slice(start + '\nFailures:\n'.length).split('\n')) {
    const match = /^\s+\S+\s+(ST\d+ [^:]+):\s+(\d+)\s*$/.exec(line);
    if (!match) break;
    failures[match[1]] = Number(match[2]);
  }
  return failures;
}

function summaryOf(output: string): string {
  const lines = output.trim().split('\n');
  return lines.filter((line) => /passed|failed|errors?|skipped/i.test(line)).slice(-1)[0]?.trim() ?? lines.slice(-1)[0] ?? '';
}

async function accountsFor(url: string, admin: Account, roles: Role[]): Promise<Account[]> {
  const accounts: Account[] = [];
  for (const role of roles) {
    if (role === admin.role) accounts.push(admin);
    else accounts.push(...(await createAccounts(url, admin.token, role, 1, `fuzz-${role.toLowerCase()}`)));
  }
  // The teacher sees the student: their routes answer with data, not only 403 or empty lists.
  const teacher = accounts.find((account) => account.role === 'TEACHER');
  const student = accounts.find((account) => account.role === 'STUDENT');
  if (teacher && student) {
    const linked = await call(url, 'PUT', `/users/${teacher.id}/students/${student.id}`, { token: admin.token });
    if (linked.status !== 204) throw new Error(`linking the teacher to the student answered ${linked.status}`);
  }
  return accounts;
}

/**
 * Puts the minimum app versions back to 0.0.0 after their run, so the runs after it are judged on
 * their own operation: with a raised minimum, a request without a token that names an old version
 * is answered 426 before the 401 schemathesis expects for the missing header.
 */
async function supportEveryVersion(url: string, admin: Account): Promise<void> {
  const everyVersion = { web: '0.0.0', android: '0.0.0', desktop: '0.0.0' };
  const answer = await call(url, 'PUT', '/client-versions', { token: admin.token, body: everyVersion });
  if (answer.status !== 200) throw new Error(`restoring the minimum versions answered ${answer.status}`);
}

async function main(): Promise<number> {
  const options = settings();
  const st = schemathesis();
  const stack = await stackScript().up();
  ensureBuilt({ force: process.env['FUZZ_REBUILD'] === '1' });
  const stores = await freshStores(stack, 'fuzz');
  const admin = bootstrapAdmin('fuzz');
  const app = await startTallApp({
    stack,
    stores,
    logDirectory: join(workspaceRoot, 'tmp', 'fuzz-logs'),
    // The fuzzer is one client sending thousands of requests: the per-address limit would answer 429.
    // Every app version is supported until the last run raises the minimums: a generated
    // X-Client-Version is judged by the document's pattern, not by whether it is recent enough.
    env: {
      ...admin,
      AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      MIN_CLIENT_VERSION_WEB: '0.0.0',
      MIN_CLIENT_VERSION_ANDROID: '0.0.0',
      MIN_CLIENT_VERSION_DESKTOP: '0.0.0',
    },
  });
  process.once('SIGINT', () => {
    killStartedApps();
    process.exit(130);
  });
  try {
    await waitReady(app);
    const adminAccount = await signIn(app.url, admin.ADMIN_EMAIL, admin.ADMIN_PASSWORD);
    const accounts = await accountsFor(app.url, adminAccount, options.roles);
    rmSync(OUT, { recursive: true, force: true });
    const runs: RoleRun[] = [];
    // One role at a time: each run may change data the next one reads (it is a fuzzer).
    for (const account of accounts) {
      log(`${account.role}: schemathesis --checks all, ${options.maxExamples} examples per operation, phases ${options.phases}`);
      runs.push(await fuzzRole(st, app.url, account, options, 'everything else'));
    }
    for (const last of LAST_OPERATIONS) {
      for (const account of accounts) {
        log(`${account.role}: ${last.operationId}, last`);
        runs.push(await fuzzRole(st, app.url, account, options, last));
      }
      if (last.label === 'minimum versions') await supportEveryVersion(app.url, adminAccount);
    }
    const checks = [...new Set(runs.flatMap((run) => Object.keys(run.failures)))].sort();
    process.stdout.write(
      `\nAPI contract fuzzing — ${new Date().toISOString()} — schemathesis --checks all\n\n` +
        table(
          ['role', 'exit', 'failures', ...checks, 'summary'],
          runs.map((run) => [
            run.role,
            String(run.exitCode),
            String(Object.values(run.failures).reduce((sum, n) => sum + n, 0)),
            ...checks.map((check) => String(run.failures[check] ?? 0)),
            run.summary,
          ]),
        ) +
        `\n\nReports: tmp/fuzz/<role>/ (JUnit XML and schemathesis's output with a curl command per failure)\n`,
    );
    return runs.every((run) => run.exitCode === 0) ? 0 : 1;
  } finally {
    await app.stop();
    await stores.drop().catch((error: unknown) => log(`could not drop the run's stores: ${String(error)}`));
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    killStartedApps();
    process.exit(1);
  },
);
