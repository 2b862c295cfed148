import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { errors } from '@tall/platform/http';
import { RequestContext } from '@tall/platform/observability';
import { AUTH_REQUIREMENT, type AuthRequirement } from './auth-requirement';
import { RequestAuthenticator } from './request-authenticator';

export const OPS_API_TOKEN = Symbol('OPS_API_TOKEN');

/**
 * Enforces @Authenticated() / @Roles() / @OpsAccess() on a route: 401 without a valid access
 * token, 403 when the role is not among those allowed. Ownership (a teacher's own students) is
 * the handler's check.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly opsTokenDigest: Buffer | undefined;

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
    @Optional() @Inject(OPS_API_TOKEN) opsToken?: string,
  ) {
    this.opsTokenDigest = opsToken ? digest(opsToken) : undefined;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirement = this.reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_REQUIREMENT, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!requirement || requirement.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (requirement.opsToken && this.isOpsToken(request)) {
      RequestContext.assign({ actorRole: 'TECH_ADMIN' });
      return true;
    }
    const principal = await this.authenticator.authenticate(request);
    if (requirement.roles && !requirement.roles.includes(principal.role)) {
      throw errors.forbidden('Your role may not do this');
    }
    return true;
  }

  private isOpsToken(request: FastifyRequest): boolean {
    const token = this.opsTokenDigest ? this.authenticator.bearerToken(request) : undefined;
    return token !== undefined && timingSafeEqual(digest(token), this.opsTokenDigest as Buffer);
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
