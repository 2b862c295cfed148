/** A fake API for the client's unit tests: routes by method and path, records every request. */
export type FakeHandler = (request: Request, body: unknown) => Response | Promise<Response>;

export class FakeApi {
  readonly requests: Array<{ method: string; path: string; headers: Headers; body: unknown }> = [];
  private readonly routes = new Map<string, FakeHandler>();

  on(method: string, path: string, handler: FakeHandler): this {
    this.routes.set(`${method} ${path}`, handler);
    return this;
  }

  readonly fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const body = text ? JSON.parse(text) : undefined;
    this.requests.push({ method: request.method, path: url.pathname, headers: request.headers, body });
    const handler = this.routes.get(`${request.method} ${url.pathname}`);
    if (!handler) return json(404, { statusCode: 404, code: 'NOT_FOUND', message: `no fake for ${request.method} ${url.pathname}` });
    return handler(request, body);
  };

  calls(method: string, path: string): number {
    return this.requests.filter((request) => request.method === method && request.path === path).length;
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** An answer of sign-in, sign-up or refresh to the web client: the refresh token went into a cookie, its CSRF token is here. */
export function authResponse(accessToken: string, csrfToken: string, role: 'STUDENT' | 'TEACHER' | 'EDU_ADMIN' | 'TECH_ADMIN' = 'STUDENT', expiresIn = 900) {
  return { user: { id: '2f0b8d2e-8c55-4d7e-9d0e-1c2b3a4d5e6f', role }, accessToken, csrfToken, accessTokenExpiresIn: expiresIn };
}

/** localStorage as a Map, for tests. */
export class MemoryStorage {
  private readonly values = new Map<string, string>();
  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.values.set(key, value);
  }
  removeItem(key: string): void {
    this.values.delete(key);
  }
}
