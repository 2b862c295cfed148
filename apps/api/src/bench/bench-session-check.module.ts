import { Controller, Get, Module, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  AccessTokenVerifier,
  Authenticated,
  CurrentPrincipal,
  Public,
  RequestAuthenticator,
  SessionStatusCache,
  unauthenticated,
  type Principal,
} from '@tall/platform/auth';
import { RequestContext } from '@tall/platform/observability';

/**
 * Benchmark-only (ADR 15): the same authenticated read three ways, to show what the session check
 * costs. Mounted only by the benchmark host (bench-main.ts), never by the production entry point.
 */
@ApiExcludeController()
@Controller('bench/session')
class BenchSessionCheckController {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly authenticator: RequestAuthenticator,
    private readonly cache: SessionStatusCache,
  ) {}

  /** As every authenticated route: the signature, then the session's status (cached). */
  @Get('checked')
  @Authenticated()
  checked(@CurrentPrincipal() principal: Principal): { userId: string } {
    return { userId: principal.userId };
  }

  /** The signature alone, as before the session check. */
  @Get('unchecked')
  @Public()
  async unchecked(@Req() request: FastifyRequest): Promise<{ userId: string }> {
    const principal = await this.verified(request);
    RequestContext.assign({ actorId: principal.userId, actorRole: principal.role, actorSessionId: principal.sessionId });
    return { userId: principal.userId };
  }

  /** The session check without its cache: profile is asked on every request. */
  @Get('uncached')
  @Public()
  async uncached(@Req() request: FastifyRequest): Promise<{ userId: string }> {
    this.cache.invalidateSession((await this.verified(request)).sessionId);
    return { userId: (await this.authenticator.authenticate(request)).userId };
  }

  private async verified(request: FastifyRequest): Promise<Principal> {
    const token = this.authenticator.bearerToken(request);
    if (!token) throw unauthenticated('UNAUTHENTICATED', 'An access token is required');
    return this.verifier.verify(token);
  }
}

@Module({ controllers: [BenchSessionCheckController] })
export class BenchSessionCheckModule {}
