import { inject, InjectionToken, Injector, makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core';
import { AuthSession, call, createApiFetch, createTallApi, webLock, type TallApi, type TokenStorage } from '@tall/client/api';
import { createAuthStore, deviceId, deviceName, type AuthStore } from '@tall/client/auth/data-access';
import { createLobbyStore, type LobbyStore } from '@tall/client/lobby/data-access';
import { createOfflineStore, ReviewOutbox, type OfflineStore } from '@tall/client/offline/data-access';
import { ClientUpdate } from './client-update';
import { WEB_CLIENT_VERSION } from './client-version';

export const TOKEN_STORAGE = new InjectionToken<TokenStorage>('TOKEN_STORAGE', { providedIn: 'root', factory: () => localStorage });
/** Where the API is: this page's own origin (the API serves the client). */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', { providedIn: 'root', factory: () => location.origin });
export const AUTH_SESSION = new InjectionToken<AuthSession>('AUTH_SESSION');
/** The fetch every API call goes through (tokens, client headers, refresh on 401). */
export const API_FETCH = new InjectionToken<(request: Request) => Promise<Response>>('API_FETCH');
export const TALL_API = new InjectionToken<TallApi>('TALL_API');
export const AUTH_STORE = new InjectionToken<AuthStore>('AUTH_STORE');
export const LOBBY_STORE = new InjectionToken<LobbyStore>('LOBBY_STORE');
/** Reviews answered offline, waiting in IndexedDB for the batch sync. */
export const OFFLINE_STORE = new InjectionToken<OfflineStore>('OFFLINE_STORE');

/** The API client, the session and the stores every area shares. Area stores are provided by their lazy routes. */
export function provideTallClient(): EnvironmentProviders {
  return makeEnvironmentProviders([
    {
      provide: AUTH_SESSION,
      useFactory: () => {
        // The refresh goes through the same fetch (client headers, the 426 banner); that fetch never
        // adds a token to it nor retries it. Resolved lazily: the fetch itself needs this session.
        const injector = inject(Injector);
        return new AuthSession({
          storage: inject(TOKEN_STORAGE),
          lock: webLock(),
          // The browser adds the HttpOnly refresh cookie (same origin); the CSRF token shows this page sent it.
          exchange: (credentials) =>
            call(
              injector.get(TALL_API).POST(
                '/api/v1/auth/refresh',
                'csrfToken' in credentials
                  ? { body: {}, params: { header: { 'X-CSRF-Token': credentials.csrfToken } }, credentials: 'same-origin' }
                  : { body: { refreshToken: credentials.refreshToken }, credentials: 'same-origin' },
              ),
            ),
        });
      },
    },
    {
      provide: API_FETCH,
      useFactory: () => {
        const update = inject(ClientUpdate);
        return createApiFetch({
          session: inject(AUTH_SESSION),
          client: { platform: 'web', version: WEB_CLIENT_VERSION },
          onUpgradeRequired: (minVersion) => update.upgradeRequired(minVersion),
        });
      },
    },
    { provide: TALL_API, useFactory: () => createTallApi(inject(API_BASE_URL), inject(API_FETCH)) },
    {
      provide: AUTH_STORE,
      useFactory: () => {
        const storage = inject(TOKEN_STORAGE);
        return createAuthStore({
          api: inject(TALL_API),
          session: inject(AUTH_SESSION),
          device: { id: deviceId(storage), name: deviceName(navigator.userAgent) },
        });
      },
    },
    { provide: LOBBY_STORE, useFactory: () => createLobbyStore(inject(TALL_API)) },
    {
      provide: OFFLINE_STORE,
      useFactory: () => {
        const api = inject(TALL_API);
        const session = inject(AUTH_SESSION);
        const outbox = new ReviewOutbox((reviews) => call(api.POST('/api/v1/vocabulary/reviews/batch', { body: { reviews } })));
        return createOfflineStore(outbox, () => session.user?.id ?? null);
      },
    },
  ]);
}
