// Framework-free: roles, principal, tokens and keys.
// Roles and the principal live in the kernel (application code may name them); re-exported for the HTTP edge.
export { ROLES, isRole, type Role, type Principal } from '@tall/platform/identity';
export { AccessTokenError, SigningKeyUnavailableError } from './lib/auth-errors';
export {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_TYPE,
  DEFAULT_ACCESS_TOKEN_SETTINGS,
  DEFAULT_JWT_KEYS_SECRET,
  type AccessTokenSettings,
} from './lib/token-settings';
export { generateKeySetSecret, parseKeySetSecret, parseJwks, type PublicJwk, type LoadedKeySet } from './lib/keys/jwt-key-set';
export { JwtKeys, type JwtKeySource } from './lib/keys/jwt-keys';
export { AccessTokenIssuer, type IssuedAccessToken } from './lib/tokens/access-token-issuer';
export { AccessTokenVerifier } from './lib/tokens/access-token-verifier';
export { SESSION_STATUS_SOURCE, type SessionStatus, type SessionStatusSource } from './lib/sessions/session-status';
export { SessionStatusCache, DEFAULT_SESSION_CACHE_OPTIONS, type SessionCacheOptions } from './lib/sessions/session-status-cache';

// Nest: module, guard, decorators.
export { AuthModule, ACCESS_TOKEN_SETTINGS, InjectAccessTokenSettings, type AuthModuleOptions } from './lib/nest/auth.module';
export { AuthGuard, METRICS_TOKEN, OPS_API_TOKEN } from './lib/nest/auth.guard';
export { RequestAuthenticator, unauthenticated } from './lib/nest/request-authenticator';
export { Public, Authenticated, Roles, OpsAccess, MetricsAccess, CurrentPrincipal } from './lib/nest/auth.decorators';
export { AUTH_REQUIREMENT, type AuthRequirement } from './lib/nest/auth-requirement';
