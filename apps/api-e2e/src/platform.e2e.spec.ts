import { uniqueName, waitFor } from '@tall/platform/testing';
import { probeTopic } from './support/kafka-probe';
import { jsonOf } from './support/http';
import { isolatedStores, startTall, type TallProcess } from './support/tall-process';

const OPS_TOKEN = 'e2e-ops-token-0123456789';

describe('Tall platform, black-box', () => {
  let tall: TallProcess;
  let stores: Awaited<ReturnType<typeof isolatedStores>>;

  beforeAll(async () => {
    stores = await isolatedStores('platform');
    tall = await startTall({
      DATABASE_URL: stores.DATABASE_URL,
      MONGODB_URI: stores.MONGODB_URI,
      OPS_API_TOKEN: OPS_TOKEN,
      BODY_LIMIT_BYTES: '4096',
      MIN_CLIENT_VERSION_ANDROID: '2.1.0',
      // No start-up catch-up: the test runs the week itself.
      CRON_ENABLED: 'false',
    });
  });

  afterAll(async () => {
    await tall?.stop();
    await stores?.drop();
  });

  it('is ready when every store and the broker answer', async () => {
    const response = await fetch(`${tall.url}/health/ready`);
    const body = await jsonOf(response);
    expect(response.status).toBe(200);
    expect(Object.keys(body.checks).sort()).toEqual(['admin-content', 'exercises-catalog', 'kafka', 'listening', 'mongodb', 'pii-keys', 'postgres', 'reader-library', 'secrets', 'storage', 'vocabulary-dictionary']);
    expect(body.down).toEqual([]);
  });

  it('publishes an in-process event to its Kafka topic with the envelope headers', async () => {
    const info = await jsonOf(await fetch(`${tall.url}/api/v1/system/info`, { headers: { authorization: `Bearer ${OPS_TOKEN}` } }));
    const probe = await probeTopic('system.events.v1');
    try {
      const message = await waitFor(
        () => probe.messages.find((candidate) => (candidate.value['payload'] as { instanceId?: string })?.instanceId === info.instanceId),
        { timeoutMs: 30_000, what: 'system.started on Kafka' },
      );
      expect(message.key).toBe(info.instanceId);
      expect(message.headers).toMatchObject({
        'event-id': message.value['id'],
        'event-type': 'system.started',
        'event-version': '1',
        'correlation-id': message.value['correlationId'],
      });
      expect(message.value).toMatchObject({ type: 'system.started', version: 1, topic: 'system.events.v1', key: info.instanceId });
    } finally {
      await probe.close();
    }
  });

  it('runs the weekly job on demand once per ISO week, with the request correlation id on its event', async () => {
    const correlationId = uniqueName('e2e-corr');
    const probe = await probeTopic('system.cron.weekly');
    try {
      const run = () =>
        fetch(`${tall.url}/api/v1/system/cron/weekly-cohorts/run`, {
          method: 'POST',
          headers: { authorization: `Bearer ${OPS_TOKEN}`, 'x-correlation-id': correlationId },
        });
      const first = await run();
      expect(first.status).toBe(200);
      expect(first.headers.get('x-correlation-id')).toBe(correlationId);
      const firstRun = await jsonOf(first);
      expect(firstRun).toMatchObject({ job: 'weekly-cohorts', status: 'succeeded', attempts: 1, periodKey: expect.stringMatching(/^\d{4}-W\d{2}$/) });
      const again = await jsonOf(await run());
      expect(again).toMatchObject({ periodKey: firstRun.periodKey, attempts: 1 });

      const message = await waitFor(() => probe.messages.find((candidate) => candidate.value['correlationId'] === correlationId), {
        timeoutMs: 30_000,
        what: 'cron.weekly.triggered on Kafka',
      });
      expect(message.value).toMatchObject({ type: 'cron.weekly.triggered', payload: { periodKey: firstRun.periodKey, trigger: 'manual' } });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(probe.messages.filter((candidate) => candidate.value['correlationId'] === correlationId)).toHaveLength(1);

      const history = await jsonOf(await fetch(`${tall.url}/api/v1/system/cron/weekly-cohorts/runs`, { headers: { authorization: `Bearer ${OPS_TOKEN}` } }));
      expect(history.items).toEqual([expect.objectContaining({ periodKey: firstRun.periodKey, status: 'succeeded' })]);
    } finally {
      await probe.close();
    }
  });

  it('guards operations endpoints', async () => {
    const anonymous = await fetch(`${tall.url}/api/v1/system/cron/weekly-cohorts/run`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
    expect(await jsonOf(anonymous)).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED', correlationId: expect.any(String) });
    const wrong = await fetch(`${tall.url}/api/v1/system/cron/weekly-cohorts/run`, {
      method: 'POST',
      headers: { authorization: 'Bearer not-the-token-at-all' },
    });
    expect(wrong.status).toBe(401);
    const unknownJob = await fetch(`${tall.url}/api/v1/system/cron/no-such-job/runs`, { headers: { authorization: `Bearer ${OPS_TOKEN}` } });
    expect(unknownJob.status).toBe(404);
  });

  it('lists parked events for operators, and refuses a malformed id or an unknown filter with 400', async () => {
    const ops = { authorization: `Bearer ${OPS_TOKEN}` };
    const list = await fetch(`${tall.url}/api/v1/system/parked-events?limit=10`, { headers: ops });
    expect(list.status).toBe(200);
    expect(await jsonOf(list)).toEqual({ items: [], total: 0, consumers: [] });
    const badId = await fetch(`${tall.url}/api/v1/system/parked-events/not-a-uuid/replay`, { method: 'POST', headers: ops });
    expect(badId.status).toBe(400);
    const unknownFilter = await fetch(`${tall.url}/api/v1/system/parked-events?colour=red`, { headers: ops });
    expect((await jsonOf(unknownFilter)).code).toBe('VALIDATION_FAILED');
  });

  it('rejects unknown fields with 400 and field details', async () => {
    const response = await fetch(`${tall.url}/api/v1/system/cron/weekly-cohorts/run?force=true&dryRun=yes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPS_TOKEN}` },
    });
    expect(response.status).toBe(400);
    const body = await jsonOf(response);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'dryRun', code: 'unknown_field', message: 'Unknown field' }] } });
  });

  it('answers malformed JSON and oversized bodies with clear 4xx, never 500', async () => {
    const post = (body: string) =>
      fetch(`${tall.url}/api/v1/system/cron/weekly-cohorts/run`, {
        method: 'POST',
        headers: { authorization: `Bearer ${OPS_TOKEN}`, 'content-type': 'application/json' },
        body,
      });
    const malformed = await post('{"force": tru');
    expect(malformed.status).toBe(400);
    expect((await jsonOf(malformed)).code).toBe('MALFORMED_JSON');
    const oversized = await post(JSON.stringify({ padding: 'x'.repeat(10_000) }));
    expect(oversized.status).toBe(413);
    expect((await jsonOf(oversized)).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('asks a too-old client to upgrade and lets current ones in', async () => {
    const ops = { authorization: `Bearer ${OPS_TOKEN}` };
    const old = await fetch(`${tall.url}/api/v1/system/info`, { headers: { ...ops, 'x-client-platform': 'android', 'x-client-version': '2.0.9' } });
    expect(old.status).toBe(426);
    expect(await jsonOf(old)).toMatchObject({ code: 'CLIENT_UPGRADE_REQUIRED', details: { minVersion: '2.1.0', platform: 'android' } });
    const current = await fetch(`${tall.url}/api/v1/system/info`, { headers: { ...ops, 'x-client-platform': 'android', 'x-client-version': '2.1.0' } });
    expect(current.status).toBe(200);
  });

  it('serves OpenAPI and Prometheus metrics', async () => {
    const docs = await jsonOf(await fetch(`${tall.url}/api/docs-json`));
    expect(docs.openapi).toMatch(/^3\./);
    expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(['/api/v1/system/info', '/api/v1/system/cron/weekly-cohorts/run']));
    const metrics = await (await fetch(`${tall.url}/metrics`, { headers: { authorization: `Bearer ${OPS_TOKEN}` } })).text();
    for (const name of [
      'tall_http_request_duration_seconds_bucket',
      'tall_outbox_pending',
      'tall_outbox_relay_lag_seconds',
      'tall_kafka_produce_errors_total',
      'tall_kafka_consumer_lag',
      'tall_cron_runs_total',
    ]) {
      expect(metrics).toContain(name);
    }
  });
});
