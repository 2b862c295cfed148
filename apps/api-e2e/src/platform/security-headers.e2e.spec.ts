import { waitFor } from '@tall/platform/testing';
import { isolatedStores, startTall, type TallProcess } from '../support/tall-process';

/**
 * Issue 12, black-box: security headers on the API's answers and on the web client it serves, HSTS
 * only behind an https public address, and the monitoring reads (`/metrics`, system info) closed
 * to anyone without a token.
 */
const METRICS_TOKEN = 'e2e-metrics-token-0123456789';

/** Directive name → its sources, e.g. `script-src` → [`'self'`]. */
function directivesOf(policy: string | null): Map<string, string[]> {
  const entries = (policy ?? '')
    .split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .filter(([name]) => name);
  return new Map(entries.map(([name, ...sources]) => [name, sources]));
}

describe('security headers and monitoring access, black-box', () => {
  let stores: Awaited<ReturnType<typeof isolatedStores>>;
  /** Behind an https address, with a metrics token. */
  let secure: TallProcess;
  /** Plain http, no token of any kind configured. */
  let plain: TallProcess;

  beforeAll(async () => {
    stores = await isolatedStores('security_headers');
    const common = { DATABASE_URL: stores.DATABASE_URL, MONGODB_URI: stores.MONGODB_URI, CRON_ENABLED: 'false' };
    [secure, plain] = await Promise.all([
      startTall({ ...common, PUBLIC_URL: 'https://tall.school.example', METRICS_TOKEN }),
      startTall({ ...common, PUBLIC_URL: 'http://127.0.0.1' }),
    ]);
    for (const tall of [secure, plain]) {
      await waitFor(async () => (await fetch(`${tall.url}/health/ready`)).ok, { timeoutMs: 60_000, what: `${tall.url} to be ready` });
    }
  });

  afterAll(async () => {
    await Promise.all([secure?.stop(), plain?.stop()]);
    await stores?.drop();
  });

  const expectCommonHeaders = (headers: Headers) => {
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    const permissions = headers.get('permissions-policy') ?? '';
    for (const feature of ['camera', 'microphone', 'geolocation']) expect(permissions).toContain(`${feature}=()`);
    expect(headers.get('x-powered-by')).toBeNull();
  };

  it('gives API answers, errors included, the strict policy of data that is never a page', async () => {
    for (const path of ['/api/v1/client-versions', '/api/v1/nothing-here', '/health/live']) {
      const response = await fetch(`${secure.url}${path}`);
      expectCommonHeaders(response.headers);
      const policy = directivesOf(response.headers.get('content-security-policy'));
      expect([path, [...policy.keys()].sort()]).toEqual([path, ['default-src', 'frame-ancestors']]);
      expect(policy.get('default-src')).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    }
  });

  it('gives the web client its page policy: scripts and calls to this origin only, nothing inline, no framing', async () => {
    for (const path of ['/', '/learn/thematic-cards']) {
      const response = await fetch(`${secure.url}${path}`);
      expect([path, response.status]).toEqual([path, 200]);
      expect(response.headers.get('content-type')).toContain('text/html');
      expectCommonHeaders(response.headers);
      const policy = directivesOf(response.headers.get('content-security-policy'));
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('connect-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      // The policy allows no inline script, so the built page must need none: no inline <script>, no onload="…".
      const html = await response.text();
      expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/gi) ?? []).toEqual([]);
      expect(html.match(/\son[a-z]+\s*=/gi) ?? []).toEqual([]);
    }
  });

  it("gives the API docs' UI a page policy it can run under", async () => {
    const docs = await fetch(`${secure.url}/api/docs`);
    expect(docs.status).toBe(200);
    const policy = directivesOf(docs.headers.get('content-security-policy'));
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('sends HSTS only when the public address is https', async () => {
    expect((await fetch(`${secure.url}/api/v1/client-versions`)).headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
    const overHttp = await fetch(`${plain.url}/api/v1/client-versions`);
    expectCommonHeaders(overHttp.headers);
    expect(overHttp.headers.get('strict-transport-security')).toBeNull();
  });

  it('answers /metrics only to the metrics token', async () => {
    const metrics = (tall: TallProcess, token?: string) => fetch(`${tall.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const anonymous = await metrics(secure);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await metrics(secure, 'e2e-metrics-token-wrong-000')).status).toBe(401);
    const scraped = await metrics(secure, METRICS_TOKEN);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('tall_http_request_duration_seconds');
    // No token configured: closed to everyone presenting one, not open.
    expect((await metrics(plain)).status).toBe(401);
    expect((await metrics(plain, METRICS_TOKEN)).status).toBe(401);
  });

  it('answers system info to the metrics token, not to anonymous callers or students', async () => {
    const info = (tall: TallProcess, token?: string) => fetch(`${tall.url}/api/v1/system/info`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await info(secure)).status).toBe(401);
    expect((await info(plain)).status).toBe(401);
    const answered = await info(secure, METRICS_TOKEN);
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ modules: expect.arrayContaining(['system']) });

    const registered = await fetch(`${secure.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `headers.${Date.now().toString(36)}@e2e.example.org`, password: 'a long e2e passphrase', firstName: 'Eva', lastName: 'Tester' }),
    });
    expect(registered.status).toBe(201);
    const student = ((await registered.json()) as { accessToken: string }).accessToken;
    expect((await info(secure, student)).status).toBe(403);
    expect((await fetch(`${secure.url}/metrics`, { headers: { authorization: `Bearer ${student}` } })).status).toBe(403);
  });
});
