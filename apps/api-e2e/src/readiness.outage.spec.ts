import { stackControl, waitFor } from '@tall/platform/testing';
import { jsonOf } from './support/http';
import { isolatedStores, startTall, type TallProcess } from './support/tall-process';

/**
 * Stops real servers of the local stack, so it runs in the serial "outage" project after
 * every other test (see jest.config.js).
 */
describe('readiness during outages', () => {
  let tall: TallProcess;
  let stores: Awaited<ReturnType<typeof isolatedStores>>;
  const OPS_TOKEN = 'outage-ops-token-0123456789';

  beforeAll(async () => {
    stores = await isolatedStores('outage');
    tall = await startTall({ DATABASE_URL: stores.DATABASE_URL, MONGODB_URI: stores.MONGODB_URI, OPS_API_TOKEN: OPS_TOKEN });
    // This file runs right after the Kafka restart of the relay outage test: start from a settled, ready app.
    await waitFor(async () => (await fetch(`${tall.url}/health/ready`)).ok, { timeoutMs: 60_000, what: 'Tall to be ready' });
  });

  afterAll(async () => {
    const stack = await stackControl();
    await stack.start('postgres');
    await stack.start('kafka');
    await tall?.stop();
    await stores?.drop();
  });

  const ready = async () => {
    const response = await fetch(`${tall.url}/health/ready`);
    return { status: response.status, body: await jsonOf(response) };
  };

  it('answers 503 naming PostgreSQL while it is down, and fails PostgreSQL-backed requests fast', async () => {
    expect((await ready()).status).toBe(200);
    const stack = await stackControl();
    await stack.stop('postgres');
    try {
      // Readiness reuses each check's result for up to 5 s, so the outage may show a moment later.
      const during = await waitFor(async () => {
        const answer = await ready();
        return answer.status === 503 ? answer : undefined;
      }, { timeoutMs: 15_000, what: 'readiness to notice PostgreSQL is down' });
      // The local MongoDB-wire server keeps its data in this PostgreSQL (ADR 14), so it may be
      // down with it here; on MongoDB 7 it is not. Nothing else may be named.
      expect((during.body.down as string[]).filter((name) => name !== 'mongodb')).toEqual(['postgres']);
      expect(during.body.checks.postgres.status).toBe('down');

      const started = Date.now();
      const history = await fetch(`${tall.url}/api/v1/system/cron/weekly-cohorts/runs`, { headers: { authorization: `Bearer ${OPS_TOKEN}` } });
      expect(history.status).toBe(503);
      expect(await jsonOf(history)).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { dependency: 'postgres' } });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await stack.start('postgres');
    }
    await waitFor(async () => (await ready()).status === 200, { timeoutMs: 30_000, what: 'ready again after PostgreSQL' });
  });

  it('answers 503 naming Kafka while the broker is down, and recovers', async () => {
    const stack = await stackControl();
    await stack.stop('kafka');
    try {
      const during = await waitFor(async () => {
        const answer = await ready();
        return answer.status === 503 ? answer : undefined;
      }, { timeoutMs: 15_000, what: 'readiness to notice Kafka is down' });
      expect(during.body.down).toEqual(['kafka']);
      // Requests that don't need the broker keep working while events wait in the outbox.
      expect((await fetch(`${tall.url}/api/v1/system/info`, { headers: { authorization: `Bearer ${OPS_TOKEN}` } })).status).toBe(200);
    } finally {
      await stack.start('kafka');
    }
    await waitFor(async () => (await ready()).status === 200, { timeoutMs: 60_000, what: 'ready again after Kafka' });
  });
});
