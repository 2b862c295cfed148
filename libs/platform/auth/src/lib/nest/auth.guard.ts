import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { errors } from '@tall/platform/http';
import { RequestContext } from '@tall/platform/observability';
import { AUTH_REQUIREMENT, type AuthRequirement } from './auth-requirement';
import { RequestAuthenticator } from './request-authenticator';

export const OPS_API_TOKEN = Symbol('OPS_API_TOKEN');
export const METRICS_TOKEN = Symbol('METRICS_TOKEN');

/**
 * Enforces @Authenticated() / @Roles() / @OpsAccess() / @MetricsAccess() on a route: 401 without a
 * valid access token (or static token, where one is accepted), 403 when the role is not among those
 * allowed. Ownership (a teacher's own students) is the handler's check.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly opsTokenDigest: Buffer | undefined;
  private readonly metricsTokenDigest: Buffer | undefined;

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
    @Optional() @Inject(OPS_API_TOKEN) opsToken?: string,
    @Optional() @Inject(METRICS_TOKEN) metricsToken?: string,
  ) {
    this.opsTokenDigest = opsToken ? digest(opsToken) : undefined;
    this.metricsTokenDigest = metricsToken ? digest(metricsToken) : undefined;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirement = this.reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_REQUIREMENT, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!requirement || requirement.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (requirement.opsToken && this.presents(request, this.opsTokenDigest)) {
      RequestContext.assign({ actorRole: 'TECH_ADMIN' });
      return true;
    }
    // Monitoring only reads: it acts as no one, so no actor is recorded.
    if (requirement.metricsToken && this.presents(request, this.metricsTokenDigest)) return true;
    const principal = await this.authenticator.authenticate(request);
    if (requirement.roles && !requirement.roles.includes(principal.role)) {
      throw errors.forbidden('Your role may not do this');
    }
    return true;
  }

  /** Whether the request's bearer token is the configured static token (never, when none is configured). */
  private presents(request: FastifyRequest, expected: Buffer | undefined): boolean {
    const token = expected ? this.authenticator.bearerToken(request) : undefined;
    return token !== undefined && timingSafeEqual(digest(token), expected as Buffer);
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
