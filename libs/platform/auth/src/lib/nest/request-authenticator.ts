import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '@tall/platform/http';
import { RequestContext } from '@tall/platform/observability';
import { AccessTokenError } from '../auth-errors';
import type { Principal } from '@tall/platform/identity';
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

/** Reads the bearer token of a request, verifies it and records the caller as the actor of the work. */
@Injectable()
export class RequestAuthenticator {
  constructor(private readonly verifier: AccessTokenVerifier) {}

  bearerToken(request: FastifyRequest): string | undefined {
    const header = request.headers.authorization;
    return typeof header === 'string' ? BEARER.exec(header.trim())?.[1] : undefined;
  }

  async authenticate(request: FastifyRequest): Promise<Principal> {
    if (request.principal) return request.principal;
    const token = this.bearerToken(request);
    if (!token) throw unauthenticated('UNAUTHENTICATED', 'Sign in to do this: an access token is required');
    try {
      const principal = await this.verifier.verify(token);
      request.principal = principal;
      RequestContext.assign({ actorId: principal.userId, actorRole: principal.role, actorSessionId: principal.sessionId });
      return principal;
    } catch (error) {
      if (error instanceof AccessTokenError) {
        throw unauthenticated(error.code, error.code === 'TOKEN_EXPIRED' ? 'The access token has expired: refresh it' : 'The access token is not valid');
      }
      throw error;
    }
  }
}
