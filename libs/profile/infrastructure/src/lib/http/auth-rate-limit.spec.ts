import { SlidingWindowLimiter } from './auth-rate-limit';

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
});
