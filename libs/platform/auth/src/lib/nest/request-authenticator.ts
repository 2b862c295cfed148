import { Inject, Injectable, Optional } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiError, mapError } from '@tall/platform/http';
import { LOGGER, RequestContext, type Logger } from '@tall/platform/observability';
import { AccessTokenError } from '../auth-errors';
import type { Principal } from '@tall/platform/identity';
import { SessionStatusCache } from '../sessions/session-status-cache';
import { AccessTokenVerifier } from '../tokens/access-token-verifier';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once the access token was verified. */
    principal?: Principal;
  }
}

const BEARER = /^Bearer ([^\s]+)$/i;

export function unauthenticated(code: 'UNAUTHENTICATED' | 'TOKEN_EXPIRED' | 'TOKEN_INVALID', message: string): ApiError {
  const error = code === 'UNAUTHENTICATED' ? 'Bearer' : `Bearer error="invalid_token"`;
  return new ApiError(401, code, message, undefined, { 'www-authenticate': error });
}

/**
 * Reads the bearer token of a request, verifies it, checks that its session still runs with the
 * role the token carries, and records the caller as the actor of the work.
 */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    /** Absent only where AuthModule was told not to check sessions (tests with made-up principals). */
    @Optional() private readonly sessions?: SessionStatusCache,
    @Optional() @Inject(LOGGER) private readonly logger?: Logger,
  ) {}

  bearerToken(request: FastifyRequest): string | undefined {
    const header = request.headers.authorization;
    return typeof header === 'string' ? BEARER.exec(header.trim())?.[1] : undefined;
  }

  async authenticate(request: FastifyRequest): Promise<Principal> {
    if (request.principal) return request.principal;
    const token = this.bearerToken(request);
    if (!token) throw unauthenticated('UNAUTHENTICATED', 'Sign in to do this: an access token is required');
    let principal: Principal;
    try {
      principal = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof AccessTokenError) {
        throw unauthenticated(error.code, error.code === 'TOKEN_EXPIRED' ? 'The access token has expired: refresh it' : 'The access token is not valid');
      }
      throw error;
    }
    await this.checkSession(principal);
    request.principal = principal;
    RequestContext.assign({ actorId: principal.userId, actorRole: principal.role, actorSessionId: principal.sessionId });
    return principal;
  }

  /**
   * A signed token outlives what it says: refused once its session ended (sign-out, revocation,
   * password change, disabled or erased account) or the account's role is no longer the token's.
   * The client then refreshes (and gets the new role) or is signed out.
   */
  private async checkSession(principal: Principal): Promise<void> {
    if (!this.sessions) return;
    let status;
    try {
      status = await this.sessions.statusOf(principal.sessionId);
    } catch (error) {
      throw this.unavailable(error);
    }
    if (!status || !status.active || status.userId !== principal.userId || status.role !== principal.role) {
      throw unauthenticated('TOKEN_INVALID', 'The access token is no longer valid: refresh it or sign in again');
    }
  }

  /** The session's owner could not answer: 503, as for any dependency that is down; never a pass. */
  private unavailable(error: unknown): unknown {
    const mapped = mapError(error);
    // An outage the platform recognises (PostgreSQL down, the owning process unreachable) answers as it does everywhere.
    if (mapped.statusCode === 503) return error;
    this.logger?.error({ err: error instanceof Error ? error.message : String(error) }, 'session check failed');
    return new ApiError(503, 'SERVICE_UNAVAILABLE', 'A service Tall depends on is unavailable: sessions', { dependency: 'sessions' }, { 'retry-after': '5' });
  }
}
