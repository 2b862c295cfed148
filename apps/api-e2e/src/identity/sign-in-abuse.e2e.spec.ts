import { waitFor } from '@tall/platform/testing';
import { isolatedStores, startTall, type TallProcess } from '../support/tall-process';
import { IdentityApi, newEmail, PASSWORD, type Answer } from './support/identity-api';

/**
 * Issue 12, "Done when": the spoofed-header burst and the parallel guess burst, black-box.
 *  - Directly reached (TRUST_PROXY off), a client that names a new X-Forwarded-For on every
 *    sign-in is still one client: the per-address limit stops it.
 *  - Behind a proxy (TRUST_PROXY=1), the addresses the proxy reports count apart, and the limit
 *    per account stops one account's sign-ins whatever addresses they come from.
 *  - 40 parallel sign-ins for one account, split over two instances on one database, 39 wrong
 *    and the right one last: at most five passwords are checked, everything else is 429 with
 *    Retry-After, the right password included.
 * Only the identity contexts are hosted: the flows need nothing else, and the instances start faster.
 */
const PER_ADDRESS = 20;
const PER_ACCOUNT = 10;
const LOCKOUT_FAILURES = 5;
// A sliding window lets a request or two more through when a run straddles a minute boundary.
const WINDOW_SLACK = 2;

const identityOnly = { MODULES: 'system,profile,pii', CRON_ENABLED: 'false', LOG_LEVEL: 'warn' };

/** Runs `count` requests, `concurrency` at a time, in order. */
async function inBatches(count: number, concurrency: number, request: (index: number) => Promise<Answer>): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let start = 0; start < count; start += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, count - start) }, (_, offset) => request(start + offset));
    answers.push(...(await Promise.all(batch)));
  }
  return answers;
}

const statusesOf = (answers: Answer[]) => answers.map((answer) => answer.status);
const count = (answers: Answer[], status: number) => answers.filter((answer) => answer.status === status).length;
const signInFrom = (api: IdentityApi, forwardedFor: string, email: string, password: string) =>
  api.call('POST', '/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': forwardedFor } });
const address = (index: number) => `203.0.${Math.floor(index / 250)}.${(index % 250) + 1}`;

function expectRefusedWithRetryAfter(answer: Answer, code: string): void {
  expect(answer.status).toBe(429);
  expect(answer.body.code).toBe(code);
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
}

describe('sign-in abuse, black-box (issue 12)', () => {
  let stores: Awaited<ReturnType<typeof isolatedStores>>;
  let direct: TallProcess;
  let proxied: TallProcess;
  let burst: TallProcess[];

  beforeAll(async () => {
    stores = await isolatedStores('sign_in_abuse');
    const shared = { ...identityOnly, DATABASE_URL: stores.DATABASE_URL, MONGODB_URI: stores.MONGODB_URI };
    // The first instance creates the schema; the others start against it.
    direct = await startTall({ ...shared, AUTH_RATE_LIMIT_PER_MINUTE: String(PER_ADDRESS) });
    const high = { AUTH_RATE_LIMIT_PER_MINUTE: '100000', AUTH_ACCOUNT_RATE_LIMIT_PER_MINUTE: '100000' };
    [proxied, ...burst] = await Promise.all([
      startTall({ ...shared, TRUST_PROXY: '1', AUTH_RATE_LIMIT_PER_MINUTE: String(PER_ADDRESS), AUTH_ACCOUNT_RATE_LIMIT_PER_MINUTE: String(PER_ACCOUNT) }),
      startTall({ ...shared, ...high }),
      startTall({ ...shared, ...high }),
    ]);
    for (const tall of [direct, proxied, ...burst]) {
      await waitFor(async () => (await fetch(`${tall.url}/health/ready`)).ok, { timeoutMs: 60_000, what: `Tall on port ${tall.port} to be ready` });
    }
  });

  afterAll(async () => {
    await Promise.all([direct, proxied, ...(burst ?? [])].map((tall) => tall?.stop()));
    await stores?.drop();
  });

  it('directly reached: a new X-Forwarded-For on each of 400 sign-ins does not escape the per-address limit', async () => {
    const api = new IdentityApi(direct.url);
    const answers = await inBatches(400, 20, (index) => signInFrom(api, address(index), newEmail('spoof'), 'not the password'));
    expect(new Set(statusesOf(answers))).toEqual(new Set([401, 429]));
    expect(count(answers, 401)).toBeLessThanOrEqual(PER_ADDRESS + WINDOW_SLACK);
    expect(count(answers, 429)).toBeGreaterThanOrEqual(400 - PER_ADDRESS - WINDOW_SLACK);
    for (const answer of answers.filter((candidate) => candidate.status === 429)) expectRefusedWithRetryAfter(answer, 'RATE_LIMITED');
  });

  describe('behind one trusted proxy (TRUST_PROXY=1)', () => {
    it('counts the clients the proxy reports apart, and a client cannot hide behind a made-up leftmost entry', async () => {
      const api = new IdentityApi(proxied.url);
      const distinct = await inBatches(2 * PER_ADDRESS, 10, (index) => signInFrom(api, address(1000 + index), newEmail('apart'), 'not the password'));
      expect(statusesOf(distinct)).toEqual(Array(2 * PER_ADDRESS).fill(401));

      // The proxy appends the address it saw; whatever the client wrote before it is not believed.
      const client = '198.51.100.7';
      const spoofing = await inBatches(PER_ADDRESS + 10, 10, (index) => signInFrom(api, `${address(2000 + index)}, ${client}`, newEmail('spoof'), 'not the password'));
      expect(count(spoofing, 401)).toBeLessThanOrEqual(PER_ADDRESS + WINDOW_SLACK);
      for (const answer of spoofing.filter((candidate) => candidate.status !== 401)) expectRefusedWithRetryAfter(answer, 'RATE_LIMITED');
    });

    it('stops one account after its sign-ins per minute, whichever addresses they come from', async () => {
      const api = new IdentityApi(proxied.url);
      const email = newEmail('target');
      const registered = await api.call('POST', '/auth/register', {
        body: { email, password: PASSWORD, firstName: 'Eva', lastName: 'Tester' },
        headers: { 'x-forwarded-for': address(3000) },
      });
      expect(registered.status).toBe(201);
      // The right password each time, so the lockout plays no part: only the account's limit.
      const answers = await inBatches(PER_ACCOUNT + 5, 1, (index) => signInFrom(api, address(3001 + index), email.toUpperCase(), PASSWORD));
      expect(statusesOf(answers.slice(0, PER_ACCOUNT))).toEqual(Array(PER_ACCOUNT).fill(200));
      for (const answer of answers.slice(PER_ACCOUNT + WINDOW_SLACK)) expectRefusedWithRetryAfter(answer, 'RATE_LIMITED');
    });
  });

  it('checks at most five of 40 parallel guesses over two instances; the rest, the right password included, get 429 with Retry-After', async () => {
    const [first, second] = burst.map((tall) => new IdentityApi(tall.url));
    const email = newEmail('guessed');
    expect((await first.register(email, PASSWORD)).status).toBe(201);

    const passwords = [...Array.from({ length: 39 }, (_, index) => `wrong guess ${index}`), PASSWORD];
    const answers = await Promise.all(passwords.map((password, index) => (index % 2 ? second : first).login(email, password)));

    const checked = count(answers, 401);
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(LOCKOUT_FAILURES);
    expect(count(answers, 200)).toBe(0);
    expect(count(answers, 429)).toBe(40 - checked);
    for (const answer of answers.filter((candidate) => candidate.status === 429)) expectRefusedWithRetryAfter(answer, 'ACCOUNT_LOCKED');
    const right = answers.at(-1) as Answer;
    expectRefusedWithRetryAfter(right, 'ACCOUNT_LOCKED');
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(14 * 60);

    // The lock holds on both instances afterwards too.
    for (const api of [first, second]) expectRefusedWithRetryAfter(await api.login(email, PASSWORD), 'ACCOUNT_LOCKED');
  });
});
