import { HealthRegistry } from './health';

/** A check that counts its calls and answers as told; `settle` ends a call left pending. */
function countedCheck(name: string) {
  const state = { calls: 0, fail: false, hold: false, settle: () => undefined as void };
  const check = {
    name,
    check: () => {
      state.calls += 1;
      if (state.hold) return new Promise<void>((resolve) => (state.settle = resolve));
      return state.fail ? Promise.reject(new Error(`${name} refused`)) : Promise.resolve();
    },
  };
  return { state, check };
}

describe('HealthRegistry', () => {
  it('is ok when every check passes and names what is down otherwise', async () => {
    const registry = new HealthRegistry({ timeoutMs: 200 });
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

  describe('caching', () => {
    let clock: number;
    const now = () => clock;
    beforeEach(() => (clock = 1_000));

    it('calls each dependency at most once per 5 s, then again', async () => {
      const registry = new HealthRegistry({ now });
      const postgres = countedCheck('postgres');
      registry.register(postgres.check);
      for (let i = 0; i < 10; i++) expect((await registry.readiness()).status).toBe('ok');
      expect(postgres.state.calls).toBe(1);
      clock += 4_999;
      await registry.readiness();
      expect(postgres.state.calls).toBe(1);
      clock += 1;
      await registry.readiness();
      expect(postgres.state.calls).toBe(2);
    });

    it('keeps a failure for the same time, then reports the recovery', async () => {
      const registry = new HealthRegistry({ now });
      const kafka = countedCheck('kafka');
      registry.register(kafka.check);
      kafka.state.fail = true;
      expect((await registry.readiness()).down).toEqual(['kafka']);
      kafka.state.fail = false;
      clock += 2_000;
      const cached = await registry.readiness();
      expect(cached.down).toEqual(['kafka']);
      expect(cached.checks['kafka'].error).toBe('kafka refused');
      expect(kafka.state.calls).toBe(1);
      clock += 3_000;
      expect(await registry.readiness()).toMatchObject({ status: 'ok', down: [] });
      expect(kafka.state.calls).toBe(2);
    });

    it('lets concurrent callers share the check in progress', async () => {
      const registry = new HealthRegistry({ now });
      const secrets = countedCheck('secrets');
      registry.register(secrets.check);
      secrets.state.hold = true;
      const answers = Promise.all([registry.readiness(), registry.readiness(), registry.readiness()]);
      expect(secrets.state.calls).toBe(1);
      secrets.state.settle();
      expect((await answers).map((report) => report.status)).toEqual(['ok', 'ok', 'ok']);
      expect(secrets.state.calls).toBe(1);
    });

    it('caches per dependency: a check registered later runs at once', async () => {
      const registry = new HealthRegistry({ now });
      const postgres = countedCheck('postgres');
      const mongodb = countedCheck('mongodb');
      registry.register(postgres.check);
      await registry.readiness();
      registry.register(mongodb.check);
      const report = await registry.readiness();
      expect(Object.keys(report.checks).sort()).toEqual(['mongodb', 'postgres']);
      expect([postgres.state.calls, mongodb.state.calls]).toEqual([1, 1]);
    });
  });
});
