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

  it('rotates the PII keys with the reason and force the admin gave, and shows a refusal', async () => {
    const bodies: unknown[] = [];
    const fake = api(() => json(200, { items: [], total: 0, consumers: [] })).on('POST', '/api/v1/pii/keys/rotate', (_request, body) => {
      bodies.push(body);
      return bodies.length === 1
        ? json(200, { masterKeyVersion: 'v2', previousVersions: ['v1'], rewrappedDataKeys: 3, retiredVersions: ['v1'], remaining: 0 })
        : json(409, { statusCode: 409, code: 'ROTATION_TOO_SOON', message: 'The master key was rotated less than an hour ago', details: { nextAllowedAt: '2026-05-13T11:00:00.000Z' } });
    });
    const store = createOperationsStore(createTallApi('http://tall.test', fake.fetch), async () => healthy);
    expect(await store.getState().rotateKeys('quarterly drill', false)).toMatchObject({ masterKeyVersion: 'v2' });
    expect(store.getState().lastRotation).toMatchObject({ masterKeyVersion: 'v2' });
    expect(await store.getState().rotateKeys('again', false)).toBeNull();
    expect(store.getState()).toMatchObject({ running: null, problem: { code: 'ROTATION_TOO_SOON' } });
    expect(bodies).toEqual([{ reason: 'quarterly drill', force: false }, { reason: 'again', force: false }]);
  });

  it('keeps the rest of the page when the parked count cannot be read', async () => {
    const fake = api(() => json(403, { statusCode: 403, code: 'FORBIDDEN', message: 'Forbidden' }));
    const store = createOperationsStore(createTallApi('http://tall.test', fake.fetch), async () => healthy);
    await store.getState().refresh();
    expect(store.getState()).toMatchObject({ parkedEvents: null, info: { version: '1.0.0' }, problem: { code: 'FORBIDDEN' } });
  });
});
