import { applyDecorators, createParamDecorator, SetMetadata, UseGuards, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Principal, Role } from '@tall/platform/identity';
import { AUTH_REQUIREMENT, type AuthRequirement } from './auth-requirement';
import { AuthGuard } from './auth.guard';

const unauthorized = ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED, TOKEN_EXPIRED or TOKEN_INVALID' });

/** Open to anyone, on purpose. Every route says who may call it: this, @Authenticated() or @Roles(). */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(AUTH_REQUIREMENT, { kind: 'public' } satisfies AuthRequirement);

/** Any signed-in user (a valid access token). */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(AUTH_REQUIREMENT, { kind: 'authenticated', roles: null } satisfies AuthRequirement),
    UseGuards(AuthGuard),
    ApiBearerAuth(),
    unauthorized,
  );

/** A signed-in user with one of these roles; others get 403 FORBIDDEN. */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(AUTH_REQUIREMENT, { kind: 'authenticated', roles } satisfies AuthRequirement),
    UseGuards(AuthGuard),
    ApiBearerAuth(),
    unauthorized,
    ApiForbiddenResponse({ description: `FORBIDDEN unless the caller is ${roles.join(' or ')}` }),
  );

/**
 * Operations routes: a TECH_ADMIN, or automation presenting OPS_API_TOKEN (when it is set).
 */
export const OpsAccess = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(AUTH_REQUIREMENT, { kind: 'authenticated', roles: ['TECH_ADMIN'], opsToken: true } satisfies AuthRequirement),
    UseGuards(AuthGuard),
    ApiBearerAuth(),
    unauthorized,
    ApiForbiddenResponse({ description: 'FORBIDDEN unless the caller is TECH_ADMIN (or presents OPS_API_TOKEN)' }),
  );

/**
 * Monitoring reads (`/metrics`, `GET /api/v1/system/info`): automation presenting METRICS_TOKEN or
 * OPS_API_TOKEN (when set), or a signed-in TECH_ADMIN. Nobody else, so versions and internals are
 * not handed to anyone who asks.
 */
export const MetricsAccess = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(AUTH_REQUIREMENT, { kind: 'authenticated', roles: ['TECH_ADMIN'], opsToken: true, metricsToken: true } satisfies AuthRequirement),
    UseGuards(AuthGuard),
    ApiBearerAuth(),
    unauthorized,
    ApiForbiddenResponse({ description: 'FORBIDDEN unless the caller is TECH_ADMIN (or presents METRICS_TOKEN or OPS_API_TOKEN)' }),
  );

/** The verified caller of an @Authenticated() / @Roles() route. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<FastifyRequest>().principal;
  // A route reading the principal without a guard is a programming error, not a 401.
  if (!principal) throw new Error('@CurrentPrincipal() used on a route without @Authenticated() or @Roles()');
  return principal;
});
