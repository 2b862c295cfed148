import { ApiProblem } from './api-problem';
import type { AuthSession } from './auth-session';

export interface ClientIdentity {
  platform: 'web' | 'android' | 'desktop';
  /** Semantic version of this client build; the API answers 426 below its minimum. */
  version: string;
}

export interface ApiFetchOptions {
  session: AuthSession;
  client: ClientIdentity;
  /** The API refused this client version (426): the UI asks the user to update. */
  onUpgradeRequired?: (minVersion: string | null) => void;
  fetch?: (request: Request) => Promise<Response>;
}

/** Routes that take no access token and must never trigger a refresh. */
const PUBLIC_AUTH = /\/api\/v1\/auth\/(login|register|refresh)$/;

/**
 * The fetch every API call goes through: client headers, the access token, one refresh-and-retry
 * on 401, and the 426 upgrade signal.
 */
export function createApiFetch(options: ApiFetchOptions): (request: Request) => Promise<Response> {
  const send = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const { session, client } = options;

  return async (request: Request): Promise<Response> => {
    const authRoute = PUBLIC_AUTH.test(new URL(request.url).pathname);
    const retry = authRoute ? null : request.clone();
    const token = authRoute ? null : await session.validAccessToken();
    let response = await send(decorate(request, client, token));

    if (response.status === 401 && retry && session.canRefresh()) {
      // Another call may have refreshed meanwhile: then the new token is already here.
      const current = session.accessToken;
      const renewed = current && current !== token ? true : await session.refresh();
      if (renewed && session.accessToken) response = await send(decorate(retry, client, session.accessToken));
    }
    if (response.status === 426) {
      const problem = await ApiProblem.fromResponse(response);
      const minVersion = (problem.details as { minVersion?: unknown } | undefined)?.minVersion;
      options.onUpgradeRequired?.(typeof minVersion === 'string' ? minVersion : null);
    }
    return response;
  };
}

function decorate(request: Request, client: ClientIdentity, token: string | null): Request {
  request.headers.set('X-Client-Platform', client.platform);
  request.headers.set('X-Client-Version', client.version);
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  return request;
}
