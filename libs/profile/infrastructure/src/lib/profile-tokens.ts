export const PROFILE_DATA_SOURCE = Symbol('PROFILE_DATA_SOURCE');
export const PROFILE_MODULE_OPTIONS = Symbol('PROFILE_MODULE_OPTIONS');

export interface ProfileModuleOptions {
  databaseUrl: string;
  poolSize: number;
  /** REGISTRATION: self-registration open or closed. */
  registrationOpen: boolean;
  /** AUTH_RATE_LIMIT_PER_MINUTE: requests per client IP on the sign-in routes. */
  authRateLimitPerMinute: number;
  /** AUTH_ACCOUNT_RATE_LIMIT_PER_MINUTE: sign-in attempts per email, from any address. */
  authAccountRateLimitPerMinute: number;
  /** MIN_CLIENT_VERSION_*: the minimums until a TECH_ADMIN stores others. */
  defaultClientVersions: { web: string; android: string; desktop: string };
  /** ADMIN_EMAIL / ADMIN_PASSWORD: the first TECH_ADMIN, created once at start. */
  admin?: { email: string; password: string };
}
