import { timingSafeEqual, createHash } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@tall/platform/config';
import { ApiError } from '@tall/platform/http';

/**
 * Guards operations endpoints with OPS_API_TOKEN until accounts and roles exist (TECH_ADMIN then).
 * Unset token: the endpoints are off.
 */
@Injectable()
export class OpsTokenGuard implements CanActivate {
  private readonly expected: Buffer | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.expected = config.OPS_API_TOKEN ? digest(config.OPS_API_TOKEN) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) {
      throw new ApiError(403, 'OPS_API_DISABLED', 'Operations endpoints are disabled: OPS_API_TOKEN is not set');
    }
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    if (!token || !timingSafeEqual(digest(token), this.expected)) {
      throw new ApiError(401, 'UNAUTHENTICATED', 'A valid operations token is required');
    }
    return true;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
