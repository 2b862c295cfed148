import { Global, Inject, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { LOGGER, type Logger } from '@tall/platform/observability';
import { SECRET_STORE, type SecretStore } from '@tall/platform/secrets';
import { JwtKeys } from '../keys/jwt-keys';
import { AccessTokenIssuer } from '../tokens/access-token-issuer';
import { AccessTokenVerifier } from '../tokens/access-token-verifier';
import { DEFAULT_ACCESS_TOKEN_SETTINGS, type AccessTokenSettings } from '../token-settings';
import { SESSION_STATUS_SOURCE, type SessionStatusSource } from '../sessions/session-status';
import { DEFAULT_SESSION_CACHE_OPTIONS, SessionStatusCache, type SessionCacheOptions } from '../sessions/session-status-cache';
import { AuthGuard, METRICS_TOKEN, OPS_API_TOKEN } from './auth.guard';
import { RequestAuthenticator } from './request-authenticator';

export interface AuthModuleOptions {
  /**
   * `secret`: the key set in Secrets Manager (created at first start); `issuer` keeps the
   * private key in memory — only the process hosting profile needs it.
   * `jwks`: public keys from the issuer's JWKS endpoint (a process without access to the secret).
   */
  keys: { kind: 'secret'; secretName: string; issuer: boolean } | { kind: 'jwks'; url: string };
  settings?: Partial<AccessTokenSettings>;
  /** OPS_API_TOKEN: accepted instead of a TECH_ADMIN token on @OpsAccess() routes. */
  opsToken?: string;
  /** METRICS_TOKEN: accepted on @MetricsAccess() routes (`/metrics`, system info). */
  metricsToken?: string;
  /** How long start-up keeps trying to load the keys before giving up. Default 30 s. */
  startupTimeoutMs?: number;
  /**
   * The session check (revocation): every access token is refused once its session ended or its
   * role is no longer the account's. On by default, and then the app must provide a
   * `SESSION_STATUS_SOURCE` from a global module or start fails. `false` only for tests that sign
   * tokens for made-up principals, which have no session to check.
   */
  sessions?: Partial<SessionCacheOptions> | false;
}

export const ACCESS_TOKEN_SETTINGS = Symbol('ACCESS_TOKEN_SETTINGS');

async function loadKeys(options: AuthModuleOptions, store: SecretStore | undefined, logger: Logger | undefined): Promise<JwtKeys> {
  const source =
    options.keys.kind === 'jwks'
      ? { kind: 'jwks' as const, url: options.keys.url }
      : {
          kind: 'secret' as const,
          store: required(store, 'AuthModule needs SecretsModule for its keys'),
          secretName: options.keys.secretName,
          withSigningKey: options.keys.issuer,
        };
  const deadline = Date.now() + (options.startupTimeoutMs ?? 30_000);
  for (let attempt = 1; ; attempt++) {
    try {
      return await JwtKeys.load(source);
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Could not load the access-token keys: ${error instanceof Error ? error.message : String(error)}`);
      logger?.warn({ attempt, err: error instanceof Error ? error.message : String(error) }, 'access-token keys not loaded yet; retrying');
      await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * 2 ** attempt)));
    }
  }
}

function required<T>(value: T | undefined, message: string): T {
  if (value === undefined) throw new Error(message);
  return value;
}

/**
 * Access tokens for every module (global): the verifier and the guard behind @Authenticated()
 * and @Roles(); the issuer for the profile context.
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    const settings: AccessTokenSettings = { ...DEFAULT_ACCESS_TOKEN_SETTINGS, ...options.settings };
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: ACCESS_TOKEN_SETTINGS, useValue: settings },
        { provide: OPS_API_TOKEN, useValue: options.opsToken },
        { provide: METRICS_TOKEN, useValue: options.metricsToken },
        {
          provide: JwtKeys,
          inject: [
            { token: SECRET_STORE, optional: true },
            { token: LOGGER, optional: true },
          ],
          useFactory: (store?: SecretStore, logger?: Logger) => loadKeys(options, store, logger),
        },
        { provide: AccessTokenVerifier, inject: [JwtKeys], useFactory: (keys: JwtKeys) => new AccessTokenVerifier(keys, settings) },
        { provide: AccessTokenIssuer, inject: [JwtKeys], useFactory: (keys: JwtKeys) => new AccessTokenIssuer(keys, settings) },
        ...sessionCacheProviders(options.sessions),
        RequestAuthenticator,
        AuthGuard,
      ],
      exports: [
        ACCESS_TOKEN_SETTINGS,
        OPS_API_TOKEN,
        METRICS_TOKEN,
        JwtKeys,
        AccessTokenVerifier,
        AccessTokenIssuer,
        RequestAuthenticator,
        AuthGuard,
        ...(options.sessions === false ? [] : [SessionStatusCache]),
      ],
    };
  }
}

function sessionCacheProviders(sessions: AuthModuleOptions['sessions']): Provider[] {
  if (sessions === false) return [];
  const options: SessionCacheOptions = { ...DEFAULT_SESSION_CACHE_OPTIONS, ...sessions };
  return [
    {
      provide: SessionStatusCache,
      inject: [{ token: SESSION_STATUS_SOURCE, optional: true }],
      useFactory: (source?: SessionStatusSource) => {
        // Failing here beats an app that silently lets revoked tokens through.
        if (!source) throw new Error('AuthModule checks sessions, but no module provides SESSION_STATUS_SOURCE (or pass sessions: false in tests)');
        return new SessionStatusCache(source, options);
      },
    },
  ];
}

/** Injects the access-token settings (issuer, audience, lifetime). */
export const InjectAccessTokenSettings = (): ParameterDecorator => Inject(ACCESS_TOKEN_SETTINGS);
