import { createTallApi } from '@tall/client/api';
import { FakeApi, json } from '@tall/client/api/testing';
import { createOperationsStore, type Readiness } from './operations.store';

const healthy: Readiness = { status: 'ok', checks: { postgres: { status: 'up', latencyMs: 3 } }, down: [] };

function api(parked: (request: Request) => Response) {
  return new FakeApi()
    .on('GET', '/api/v1/system/info', () => json(200, { version: '1.0.0', instanceId: 'i-1', startedAt: '2025-03-01T08:00:00.000Z', modules: ['system'] }))
    .on('GET', '/api/v1/system/cron/weekly-cohorts/runs', () => json(200, { items: [] }))
    .on('GET', '/api/v1/client-versions', () => json(200, { web: '1.0.0', android: '1.0.0', desktop: '1.0.0' }))
    .on('GET', '/api/v1/system/parked-events', parked);
}

describe('the operations store', () => {
  it('counts the parked events with one small request', async () => {
    let asked: URLSearchParams | undefined;
    const fake = api((request) => {
      asked = new URL(request.url).searchParams;
      return json(200, { items: [], total: 7, consumers: [{ consumer: 'progress.onReviewRecorded', count: 7 }] });
    });
    const store = createOperationsStore(createTallApi('http://tall.test', fake.fetch), async () => healthy);
    await store.getState().refresh();
    expect(store.getState()).toMatchObject({ parkedEvents: 7, problem: null, readiness: healthy });
    // The count is all the page needs: one event, not a page of payloads.
    expect(Object.fromEntries(asked ?? [])).toEqual({ limit: '1' });
  });

  it('keeps the rest of the page when the parked count cannot be read', async () => {
    const fake = api(() => json(403, { statusCode: 403, code: 'FORBIDDEN', message: 'Forbidden' }));
    const store = createOperationsStore(createTallApi('http://tall.test', fake.fetch), async () => healthy);
    await store.getState().refresh();
    expect(store.getState()).toMatchObject({ parkedEvents: null, info: { version: '1.0.0' }, problem: { code: 'FORBIDDEN' } });
  });
});
