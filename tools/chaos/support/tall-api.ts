// A small client of Tall's HTTP API for the chaos and load scripts: one call with a timeout that
// never throws (a failed call is an answer with status 0), and the accounts a run needs.
import { randomUUID } from 'node:crypto';

export interface Answer {
  /** HTTP status; 0 when no answer came (connection refused or reset, or the timeout). */
  status: number;
  // Bodies are read untyped: each caller picks the fields it needs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** Time until the whole answer was read, in ms. */
  ms: number;
  /** Why no answer came, when status is 0. */
  error?: string;
}

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body, ms: performance.now() - started };
  } catch (error) {
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.name) : String(error);
    return { status: 0, body: undefined, ms: performance.now() - started, error: reason };
  }
}

/** Runs `task` over `items` with at most `limit` at a time; results in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export type Role = 'TECH_ADMIN' | 'EDU_ADMIN' | 'TEACHER' | 'STUDENT';

export interface Account {
  id: string;
  email: string;
  role: Role;
  token: string;
}

export const RUN_PASSWORD = 'a long chaos and load passphrase';

/** The administrator the app creates at its first start (ADMIN_EMAIL / ADMIN_PASSWORD). */
export function bootstrapAdmin(label: string): { ADMIN_EMAIL: string; ADMIN_PASSWORD: string } {
  return { ADMIN_EMAIL: `${label}.admin.${randomUUID().slice(0, 8)}@chaos.example.org`, ADMIN_PASSWORD: RUN_PASSWORD };
}

export async function signIn(baseUrl: string, email: string, password = RUN_PASSWORD): Promise<Account> {
  // The bootstrap admin is created while the app starts: retry briefly until it exists.
  for (let attempt = 0; ; attempt++) {
    const answer = await call(baseUrl, 'POST', '/auth/login', { body: { email, password }, timeoutMs: 30_000 });
    if (answer.status === 200) return { id: answer.body.user.id, email, role: answer.body.user.role, token: answer.body.accessToken };
    if (attempt >= 50) throw new Error(`sign-in of ${email} answered ${answer.status}: ${JSON.stringify(answer.body ?? answer.error)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Accounts of one role created through the admin API (`POST /users`; there is no batch route)
 * and signed in, `concurrency` at a time: both steps hash a password (argon2id), so the machine's
 * cores bound this, not the concurrency.
 */
export async function createAccounts(baseUrl: string, adminToken: string, role: Role, count: number, label: string, concurrency = 8): Promise<Account[]> {
  const tag = randomUUID().slice(0, 8);
  return mapLimit([...Array(count).keys()], concurrency, async (index) => {
    const email = `${label}.${index}.${tag}@chaos.example.org`;
    const body = { email, role, firstName: label, lastName: `${role.toLowerCase()} ${index}`, password: RUN_PASSWORD };
    let created = await call(baseUrl, 'POST', '/users', { token: adminToken, body, timeoutMs: 60_000 });
    if (created.status === 0) created = await call(baseUrl, 'POST', '/users', { token: adminToken, body, timeoutMs: 60_000 });
    if (created.status !== 201 && created.status !== 409) throw new Error(`creating ${email} answered ${created.status}: ${JSON.stringify(created.body ?? created.error)}`);
    return signIn(baseUrl, email);
  });
}
