import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { errors } from '@tall/platform/http';
import { counter } from '@tall/platform/observability';

export const AUTH_RATE_LIMIT = Symbol('AUTH_RATE_LIMIT');

export interface AuthRateLimitOptions {
  perMinute: number;
  now?: () => number;
}

const WINDOW_MS = 60_000;
const MAX_TRACKED = 50_000;

interface Counter {
  windowStart: number;
  current: number;
  previous: number;
}

/**
 * Requests per client IP on the auth routes, over a sliding minute (the current fixed window
 * plus the previous one weighted by how much of it still overlaps). Generous by default (300)
 * so a classroom behind one NAT can sign in together; kept in memory per instance.
 */
export class SlidingWindowLimiter {
  private readonly counters = new Map<string, Counter>();
  private readonly now: () => number;

  constructor(private readonly perMinute: number, now?: () => number) {
    this.now = now ?? Date.now;
  }

  /** Counts the request; the seconds to wait when it is over the limit, else 0. */
  take(key: string): number {
    const now = this.now();
    const windowStart = now - (now % WINDOW_MS);
    let entry = this.counters.get(key);
    if (!entry || entry.windowStart < windowStart - WINDOW_MS) {
      entry = { windowStart, current: 0, previous: 0 };
    } else if (entry.windowStart < windowStart) {
      entry = { windowStart, current: 0, previous: entry.current };
    }
    const overlap = 1 - (now - windowStart) / WINDOW_MS;
    const estimate = entry.previous * overlap + entry.current;
    if (estimate >= this.perMinute) {
      this.counters.set(key, entry);
      return Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));
    }
    entry.current += 1;
    this.counters.set(key, entry);
    if (this.counters.size > MAX_TRACKED) this.forgetIdle(windowStart);
    return 0;
  }

  private forgetIdle(windowStart: number): void {
    for (const [key, entry] of this.counters) if (entry.windowStart < windowStart) this.counters.delete(key);
  }
}

const limited = () => counter('tall_auth_rate_limited_total', 'Auth requests refused by the per-IP rate limit', ['route'] as const);

@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  private readonly limiter: SlidingWindowLimiter;

  constructor(@Inject(AUTH_RATE_LIMIT) options: AuthRateLimitOptions) {
    this.limiter = new SlidingWindowLimiter(options.perMinute, options.now);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const wait = this.limiter.take(request.ip);
    if (wait > 0) {
      limited().inc({ route: request.routeOptions?.url ?? 'unknown' });
      throw errors.tooManyRequests(wait, 'RATE_LIMITED', 'Too many requests from your network: wait a moment');
    }
    return true;
  }
}
