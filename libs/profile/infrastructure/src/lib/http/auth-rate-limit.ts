import { createHash } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { normaliseEmail } from '@tall/pii/contracts';
import { errors } from '@tall/platform/http';
import { counter } from '@tall/platform/observability';

export const AUTH_RATE_LIMIT = Symbol('AUTH_RATE_LIMIT');

export interface AuthRateLimitOptions {
  /** AUTH_RATE_LIMIT_PER_MINUTE: requests per client address on the auth routes. */
  perMinute: number;
  /** AUTH_ACCOUNT_RATE_LIMIT_PER_MINUTE: sign-in attempts per email, whatever address they come from. */
  accountPerMinute: number;
  now?: () => number;
}

const WINDOW_MS = 60_000;
/** Keys each limiter remembers; past that the least recently seen are forgotten first. */
const MAX_TRACKED = 50_000;

interface Counter {
  windowStart: number;
  current: number;
  previous: number;
}

/**
 * Requests per key over a sliding minute (the current fixed window plus the previous one
 * weighted by how much of it still overlaps), kept in memory per instance. The keys sit in a
 * bounded LRU whose entries expire after two windows, so a flood of new keys costs constant
 * time per request and evicts the idlest keys, never a scan.
 */
export class SlidingWindowLimiter {
  private readonly counters: LRUCache<string, Counter>;
  private readonly now: () => number;

  constructor(
    private readonly perMinute: number,
    now?: () => number,
    maxTracked = MAX_TRACKED,
  ) {
    this.now = now ?? Date.now;
    const clock = this.now;
    this.counters = new LRUCache<string, Counter>({ max: maxTracked, ttl: 2 * WINDOW_MS, perf: { now: () => clock() } });
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
    return 0;
  }

  /** How many keys are remembered. */
  get size(): number {
    return this.counters.size;
  }
}

const limited = () => counter('tall_auth_rate_limited_total', 'Auth requests refused by a rate limit (per client address or per account)', ['route', 'limit'] as const);

/**
 * Requests per client address on the auth routes. Generous by default (300 a minute) so a
 * classroom behind one NAT can sign in together. The address is `request.ip`: the peer, or the
 * client a trusted proxy names when TRUST_PROXY says which proxies to believe — never whatever
 * X-Forwarded-For a client sends on its own.
 */
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
      limited().inc({ route: request.routeOptions?.url ?? 'unknown', limit: 'address' });
      throw errors.tooManyRequests(wait, 'RATE_LIMITED', 'Too many requests from your network: wait a moment');
    }
    return true;
  }
}

/**
 * Sign-in attempts per email, whichever addresses they come from, so rotating addresses does not
 * buy more guesses (the lockout then bounds how many passwords are actually checked). Known and
 * unknown emails are counted alike; the key is a hash of the normalised email, so no address is
 * kept in memory. Bodies without an email string are left to validation.
 */
@Injectable()
export class SignInAccountRateLimitGuard implements CanActivate {
  private readonly limiter: SlidingWindowLimiter;

  constructor(@Inject(AUTH_RATE_LIMIT) options: AuthRateLimitOptions) {
    this.limiter = new SlidingWindowLimiter(options.accountPerMinute, options.now);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const email = (request.body as { email?: unknown } | undefined)?.email;
    if (typeof email !== 'string') return true;
    const wait = this.limiter.take(createHash('sha256').update(normaliseEmail(email)).digest('base64url'));
    if (wait > 0) {
      limited().inc({ route: request.routeOptions?.url ?? 'unknown', limit: 'account' });
      throw errors.tooManyRequests(wait, 'RATE_LIMITED', 'Too many sign-in attempts for this account: wait a moment');
    }
    return true;
  }
}
