import type { components } from './api-types';
import { ApiProblem } from './api-problem';

export type AuthResponse = components['schemas']['AuthResponseDto'];
export type SessionUser = AuthResponse['user'];
export type UserRole = SessionUser['role'];

/** Where the CSRF token of the refresh cookie lives between visits, shared by the tabs (localStorage). */
export type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Serialises refreshes across browser tabs, which share one refresh token (Web Locks when the browser has them). */
export type CrossTabLock = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * The CSRF token that goes with the refresh cookie (`X-CSRF-Token` on refresh and logout). It is
 * not a secret from this page; kept, it also says that a session may be restored after a reload.
 */
export const CSRF_TOKEN_KEY = 'tall.csrfToken';
/** Where earlier versions kept the refresh token itself: traded once for the cookie, then removed. */
export const LEGACY_REFRESH_TOKEN_KEY = 'tall.refreshToken';

/**
 * What a refresh presents: the CSRF token (the browser adds the HttpOnly cookie), or once, a
 * refresh token an earlier version kept in storage.
 */
export type RefreshCredentials = { csrfToken: string } | { refreshToken: string };

export interface AuthSessionOptions {
  storage: TokenStorage;
  /** Exchanges the refresh cookie (or a legacy token) for a new pair (`POST /api/v1/auth/refresh`); throws ApiProblem on refusal. */
  exchange: (credentials: RefreshCredentials) => Promise<AuthResponse>;
  lock?: CrossTabLock;
  now?: () => number;
  /** Refresh this long before the access token expires. */
  leadSeconds?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export type SessionListener = (user: SessionUser | null) => void;

/**
 * The signed-in session: the access token only in memory, the refresh token in an HttpOnly cookie
 * that no script here can read (the API sets it), and that cookie's CSRF token in storage.
 * Refreshes silently shortly before the access token expires and on demand (a 401); concurrent
 * callers share one refresh (single flight), and tabs take turns through a lock, because a refresh
 * token is spent on use and presenting a spent one ends the whole session. The tabs share the
 * cookie and the stored CSRF token, so the tab holding the lock reads the latest of both.
 */
export class AuthSession {
  private access: { token: string; expiresAt: number } | null = null;
  private currentUser: SessionUser | null = null;
  private inflight: Promise<boolean> | null = null;
  private timer: unknown = null;
  private readonly listeners = new Set<SessionListener>();
  private readonly now: () => number;
  private readonly lock: CrossTabLock;

  constructor(private readonly options: AuthSessionOptions) {
    this.now = options.now ?? (() => Date.now());
    this.lock = options.lock ?? ((work) => work());
  }

  get user(): SessionUser | null {
    return this.currentUser;
  }

  /** The access token while it is valid; null once it has expired. */
  get accessToken(): string | null {
    return this.access && this.access.expiresAt > this.now() ? this.access.token : null;
  }

  /** For `X-CSRF-Token` with the refresh cookie (refresh, logout). */
  get csrfToken(): string | null {
    return this.options.storage.getItem(CSRF_TOKEN_KEY);
  }

  /** A session of an earlier visit or of another tab may be renewed (the cookie itself is out of sight). */
  canRefresh(): boolean {
    return this.credentials() !== null;
  }

  onChange(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Takes a fresh pair from sign-in, sign-up or refresh. */
  establish(auth: AuthResponse): void {
    if (auth.csrfToken) this.options.storage.setItem(CSRF_TOKEN_KEY, auth.csrfToken);
    this.options.storage.removeItem(LEGACY_REFRESH_TOKEN_KEY);
    this.access = { token: auth.accessToken, expiresAt: this.now() + auth.accessTokenExpiresIn * 1000 };
    const changed = this.currentUser?.id !== auth.user.id || this.currentUser?.role !== auth.user.role;
    this.currentUser = auth.user;
    this.schedule(auth.accessTokenExpiresIn);
    if (changed) this.emit();
  }

  /** A valid access token, refreshing first when it has expired (a laptop that slept through the timer). */
  async validAccessToken(): Promise<string | null> {
    const token = this.accessToken;
    if (token || !this.canRefresh()) return token;
    await this.refresh();
    return this.accessToken;
  }

  /**
   * Exchanges the refresh cookie for a new pair. True when the session goes on; false when there is
   * none or the API refused it (the session is then cleared). A network failure keeps the CSRF
   * token for later: the learner may simply be offline.
   */
  refresh(): Promise<boolean> {
    this.inflight ??= this.lock(() => this.exchange()).finally(() => (this.inflight = null));
    return this.inflight;
  }

  /** Forgets the session (sign-out, a refused refresh, an erased account); the API clears the cookie on sign-out. */
  clear(): void {
    this.options.storage.removeItem(CSRF_TOKEN_KEY);
    this.options.storage.removeItem(LEGACY_REFRESH_TOKEN_KEY);
    this.forget();
  }

  /** Another tab signed out: forget what this tab holds in memory. */
  forget(): void {
    const hadUser = this.currentUser !== null;
    this.access = null;
    this.currentUser = null;
    if (this.timer !== null) (this.options.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = null;
    if (hadUser) this.emit();
  }

  private credentials(): RefreshCredentials | null {
    const csrfToken = this.csrfToken;
    if (csrfToken) return { csrfToken };
    const refreshToken = this.options.storage.getItem(LEGACY_REFRESH_TOKEN_KEY);
    return refreshToken ? { refreshToken } : null;
  }

  private async exchange(): Promise<boolean> {
    // Read inside the lock: another tab may have just rotated the cookie and stored its CSRF token.
    const credentials = this.credentials();
    if (!credentials) {
      this.forget();
      return false;
    }
    try {
      this.establish(await this.options.exchange(credentials));
      return true;
    } catch (error) {
      if (error instanceof ApiProblem && error.status !== 0 && error.status < 500 && error.status !== 429) {
        // Spent, expired or revoked (401), the account is disabled or the CSRF token is not the
        // cookie's (403): the session is over. Unless another tab has signed in again meanwhile.
        if (JSON.stringify(this.credentials()) === JSON.stringify(credentials)) this.clear();
        else this.forget();
      }
      return false;
    }
  }

  private schedule(expiresInSeconds: number): void {
    if (this.timer !== null) (this.options.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    const lead = Math.min(this.options.leadSeconds ?? 60, expiresInSeconds / 5);
    const delay = Math.max(1, expiresInSeconds - lead) * 1000;
    this.timer = (this.options.setTimer ?? setTimeout)(() => {
      this.timer = null;
      void this.refresh();
    }, delay);
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.currentUser);
  }
}

/** Web Locks serialise refreshes across tabs; without them (old browsers) each tab refreshes alone. */
export function webLock(name = 'tall.refresh'): CrossTabLock {
  return (work) => {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    return locks ? (locks.request(name, () => work()) as ReturnType<typeof work>) : work();
  };
}
