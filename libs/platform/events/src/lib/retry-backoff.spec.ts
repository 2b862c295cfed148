import { backoffDelay, Sleeper } from './retry-backoff';

describe('backoffDelay', () => {
  it('grows exponentially from the initial delay and stays under the cap', () => {
    const options = { initialMs: 100, maxMs: 10_000 };
    const first = backoffDelay(1, options);
    const fourth = backoffDelay(4, options);
    expect(first).toBeGreaterThanOrEqual(80);
    expect(first).toBeLessThanOrEqual(120);
    expect(fourth).toBeGreaterThanOrEqual(640);
    expect(fourth).toBeLessThanOrEqual(960);
    for (let attempt = 1; attempt < 100; attempt++) expect(backoffDelay(attempt, options)).toBeLessThanOrEqual(10_000);
    expect(backoffDelay(1000, options)).toBeGreaterThanOrEqual(8_000);
  });
});

describe('Sleeper', () => {
  it('wakes every pending sleep at once', async () => {
    const sleeper = new Sleeper();
    const started = Date.now();
    const sleeps = Promise.all([sleeper.sleep(60_000), sleeper.sleep(60_000)]);
    sleeper.wake();
    await sleeps;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
