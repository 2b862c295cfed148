import type { ExecutionContext } from '@nestjs/common';
import { AuthRateLimitGuard, SignInAccountRateLimitGuard, SlidingWindowLimiter } from './auth-rate-limit';

function context(request: { ip: string; body?: unknown }): ExecutionContext {
  return { switchToHttp: () => ({ getRequest: () => ({ routeOptions: { url: '/api/v1/auth/login' }, ...request }) }) } as unknown as ExecutionContext;
}
const refusal = (run: () => boolean) => {
  try {
    run();
    return undefined;
  } catch (error) {
    return error;
  }
};

describe('SlidingWindowLimiter', () => {
  it('lets the limit through per minute and asks the next one to wait', () => {
    let now = 120_000;
    const limiter = new SlidingWindowLimiter(3, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(60);
    expect(limiter.take('b')).toBe(0);
    now += 30_000;
    expect(limiter.take('a')).toBe(30);
  });

  it('slides: the previous minute counts for the part that still overlaps', () => {
    let now = 60_000;
    const limiter = new SlidingWindowLimiter(10, () => now);
    for (let index = 0; index < 10; index++) limiter.take('ip');
    now = 120_000 + 30_000; // half of the previous window still overlaps: 5 of its 10 count
    for (let index = 0; index < 5; index++) expect(limiter.take('ip')).toBe(0);
    expect(limiter.take('ip')).toBeGreaterThan(0);
  });

  it('forgets a window two minutes old', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(1, () => now);
    limiter.take('ip');
    now = 180_000;
    expect(limiter.take('ip')).toBe(0);
  });

  it('remembers a bounded number of keys, forgetting the least recently seen first', () => {
    const now = 60_000;
    const limiter = new SlidingWindowLimiter(1, () => now, 3);
    for (const key of ['a', 'b', 'c']) limiter.take(key);
    expect(limiter.take('a')).toBeGreaterThan(0);
    for (let index = 0; index < 1_000; index++) limiter.take(`flood-${index}`);
    expect(limiter.size).toBe(3);
    // 'a' was pushed out by the flood: it starts afresh.
    expect(limiter.take('a')).toBe(0);
  });
});

describe('AuthRateLimitGuard', () => {
  it('keys on the client address the request reports (what TRUST_PROXY allowed it to believe)', () => {
    const guard = new AuthRateLimitGuard({ perMinute: 2, accountPerMinute: 100, now: () => 60_000 });
    expect(guard.canActivate(context({ ip: '198.51.100.7' }))).toBe(true);
    expect(guard.canActivate(context({ ip: '198.51.100.7' }))).toBe(true);
    expect(refusal(() => guard.canActivate(context({ ip: '198.51.100.7' })))).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(guard.canActivate(context({ ip: '198.51.100.8' }))).toBe(true);
  });
});

describe('SignInAccountRateLimitGuard', () => {
  it('counts sign-ins per normalised email, whatever address they come from', () => {
    const guard = new SignInAccountRateLimitGuard({ perMinute: 100, accountPerMinute: 2, now: () => 60_000 });
    expect(guard.canActivate(context({ ip: '203.0.113.1', body: { email: 'ada@school.example' } }))).toBe(true);
    expect(guard.canActivate(context({ ip: '203.0.113.2', body: { email: ' ADA@School.example ' } }))).toBe(true);
    expect(refusal(() => guard.canActivate(context({ ip: '203.0.113.3', body: { email: 'ada@school.example' } })))).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: 60 },
    });
    expect(guard.canActivate(context({ ip: '203.0.113.3', body: { email: 'grace@school.example' } }))).toBe(true);
  });

  it('leaves a body without an email to validation', () => {
    const guard = new SignInAccountRateLimitGuard({ perMinute: 100, accountPerMinute: 1, now: () => 60_000 });
    for (const body of [undefined, null, {}, { email: 42 }]) {
      expect(guard.canActivate(context({ ip: '203.0.113.1', body }))).toBe(true);
      expect(guard.canActivate(context({ ip: '203.0.113.1', body }))).toBe(true);
    }
  });
});
