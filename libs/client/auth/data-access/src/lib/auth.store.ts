import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem, call, type AuthSession, type SessionUser, type TallApi, type components } from '@tall/client/api';

export type SignInRequest = Pick<components['schemas']['LoginDto'], 'email' | 'password'>;
export type SignUpRequest = Pick<components['schemas']['RegisterDto'], 'email' | 'password' | 'firstName' | 'lastName' | 'locale'>;

export interface AuthState {
  /** `restoring` while the refresh cookie of an earlier visit is being exchanged. */
  status: 'restoring' | 'signed-out' | 'signed-in';
  user: SessionUser | null;
  busy: boolean;
  problem: ApiProblem | null;
  /** Why the last session ended, when the app should say so (the account was erased). */
  endedBecause: 'account-deleted' | null;
  restore(): Promise<void>;
  signIn(request: SignInRequest): Promise<boolean>;
  signUp(request: SignUpRequest): Promise<boolean>;
  /** Ends this browser's session. */
  signOut(): Promise<void>;
  /** Ends every session of the account, on every device. */
  signOutEverywhere(): Promise<void>;
  /** The session is over without asking the API (the account was erased, another tab signed out). */
  forget(reason?: 'account-deleted'): void;
  clearProblem(): void;
}

export interface AuthStoreDeps {
  api: TallApi;
  session: AuthSession;
  device: { id: string; name: string };
}

export type AuthStore = StoreApi<AuthState>;

export function createAuthStore({ api, session, device }: AuthStoreDeps): AuthStore {
  const store = createStore<AuthState>()((set, get) => {
    const attempt = async (work: () => Promise<void>): Promise<boolean> => {
      set({ busy: true, problem: null });
      try {
        await work();
        set({ busy: false });
        return true;
      } catch (error) {
        set({ busy: false, problem: error instanceof ApiProblem ? error : ApiProblem.network(error) });
        return false;
      }
    };
    return {
      status: session.canRefresh() ? 'restoring' : 'signed-out',
      user: null,
      busy: false,
      problem: null,
      endedBecause: null,

      async restore() {
        if (!session.canRefresh()) {
          set({ status: 'signed-out', user: null });
          return;
        }
        set({ status: 'restoring' });
        await session.refresh();
        // Offline with a session kept: stay signed in on what we know and let the app work from its cache.
        set(session.user ? { status: 'signed-in', user: session.user } : { status: session.canRefresh() ? 'restoring' : 'signed-out', user: null });
      },

      signIn: (request) =>
        attempt(async () => {
          session.establish(await call(api.POST('/api/v1/auth/login', { body: { ...request, deviceId: device.id, deviceName: device.name } })));
        }),

      signUp: (request) =>
        attempt(async () => {
          session.establish(await call(api.POST('/api/v1/auth/register', { body: { ...request, deviceId: device.id, deviceName: device.name } })));
        }),

      async signOut() {
        const csrfToken = session.csrfToken;
        if (csrfToken && session.accessToken) {
          // The refresh cookie names the session and the API clears it. Best effort: the session
          // is forgotten here whether or not the API heard of it.
          await call(api.POST('/api/v1/auth/logout', { body: {}, params: { header: { 'X-CSRF-Token': csrfToken } }, credentials: 'same-origin' })).catch(() => undefined);
        }
        session.clear();
      },

      async signOutEverywhere() {
        const ended = await attempt(async () => {
          // With the cookie, so that the API can clear it.
          await call(api.POST('/api/v1/auth/logout-all', { credentials: 'same-origin' }));
        });
        if (ended) session.clear();
      },

      forget(reason) {
        set({ endedBecause: reason ?? null });
        session.clear();
      },

      clearProblem() {
        if (get().problem) set({ problem: null });
      },
    };
  });

  session.onChange((user) => store.setState(user ? { status: 'signed-in', user, endedBecause: null } : { status: 'signed-out', user: null }));
  return store;
}
