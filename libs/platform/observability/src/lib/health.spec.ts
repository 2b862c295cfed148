import { HealthRegistry } from './health';

describe('HealthRegistry', () => {
  it('is ok when every check passes and names what is down otherwise', async () => {
    const registry = new HealthRegistry(200);
    registry.register({ name: 'postgres', check: async () => undefined });
    registry.register({ name: 'kafka', check: () => Promise.reject(new Error('connect ECONNREFUSED kafka://127.0.0.1:1\nstack')) });
    registry.register({ name: 'slow', check: () => new Promise((resolve) => setTimeout(resolve, 1_000)) });
    const report = await registry.readiness();
    expect(report.status).toBe('unavailable');
    expect(report.down.sort()).toEqual(['kafka', 'slow']);
    expect(report.checks['postgres'].status).toBe('up');
    expect(report.checks['kafka'].error).toBe('connect ECONNREFUSED <url>');
    expect(report.checks['slow'].error).toContain('no answer within 200 ms');
  });
});
