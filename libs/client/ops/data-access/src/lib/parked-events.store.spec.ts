import { createTallApi } from '@tall/client/api';
import { FakeApi, json } from '@tall/client/api/testing';
import { createParkedEventsStore, type ParkedEvent } from './parked-events.store';

const LIST = '/api/v1/system/parked-events';
const ID_1 = '0b6f4e0a-7d1c-4a57-9f55-4c1e3e1a0001';
const ID_2 = '0b6f4e0a-7d1c-4a57-9f55-4c1e3e1a0002';

function parked(id: string, overrides: Partial<ParkedEvent> = {}): ParkedEvent {
  return {
    id,
    consumer: 'progress.onReviewRecorded',
    topic: 'vocabulary.review-recorded.v1',
    type: 'ReviewRecorded',
    key: 'student-1',
    eventId: `event-${id.slice(-4)}`,
    occurredAt: '2025-03-01T09:00:00.000Z',
    parkedAt: '2025-03-01T09:00:05.000Z',
    reason: 'failed',
    attempts: 5,
    lastError: 'duplicate key',
    payload: { wordId: 'w1' },
    ...overrides,
  };
}

/** The parked events "on the server": the fake answers lists from it as the API does (oldest first, paged). */
function server(events: ParkedEvent[]) {
  const queries: URLSearchParams[] = [];
  const api = new FakeApi().on('GET', LIST, (request) => {
    const query = new URL(request.url).searchParams;
    queries.push(query);
    const matching = events.filter(
      (event) => (!query.get('consumer') || event.consumer === query.get('consumer')) && (!query.get('topic') || event.topic === query.get('topic')),
    );
    const offset = Number(query.get('offset') ?? 0);
    const limit = Number(query.get('limit') ?? 50);
    const counts = new Map<string, number>();
    for (const event of events) counts.set(event.consumer, (counts.get(event.consumer) ?? 0) + 1);
    return json(200, {
      items: matching.slice(offset, offset + limit),
      total: matching.length,
      consumers: [...counts].map(([consumer, count]) => ({ consumer, count })),
    });
  });
  return { api, queries, events };
}

function setup(api: FakeApi) {
  // Straight to the fake: tokens and client headers are the API fetch's business, tested with it.
  return createParkedEventsStore(createTallApi('http://tall.test', api.fetch));
}

describe('the parked events store', () => {
  it('loads the first page with the counts per consumer, and sends only the filters that are set', async () => {
    const { api, queries } = server([parked(ID_1), parked(ID_2, { consumer: 'lobby.onUserRegistered', reason: 'waiting' })]);
    const store = setup(api);
    expect(store.getState().loaded).toBe(false);
    await store.getState().load();
    expect(store.getState()).toMatchObject({ loaded: true, loading: false, total: 2, problem: null });
    expect(store.getState().items.map((item) => item.id)).toEqual([ID_1, ID_2]);
    expect(store.getState().consumers).toEqual([
      { consumer: 'progress.onReviewRecorded', count: 1 },
      { consumer: 'lobby.onUserRegistered', count: 1 },
    ]);
    expect(Object.fromEntries(queries[0])).toEqual({ limit: '25', offset: '0' });
  });

  it('starts at the first page again when a filter changes', async () => {
    const events = Array.from({ length: 30 }, (_, index) => parked(`0b6f4e0a-7d1c-4a57-9f55-4c1e3e1a${String(index).padStart(4, '0')}`));
    const { api, queries } = server(events);
    const store = setup(api);
    await store.getState().load({ offset: 25 });
    expect(store.getState().items).toHaveLength(5);
    await store.getState().load({ consumer: 'progress.onReviewRecorded', topic: '  vocabulary.review-recorded.v1 ' });
    expect(Object.fromEntries(queries.at(-1) ?? [])).toEqual({ limit: '25', offset: '0', consumer: 'progress.onReviewRecorded', topic: 'vocabulary.review-recorded.v1' });
    expect(store.getState().query).toMatchObject({ offset: 0, topic: 'vocabulary.review-recorded.v1' });
    await store.getState().load({ consumer: null, topic: '' });
    expect(Object.fromEntries(queries.at(-1) ?? [])).toEqual({ limit: '25', offset: '0' });
  });

  it('replays an event, returns what was applied, and refreshes the list', async () => {
    const { api, events } = server([parked(ID_1), parked(ID_2, { reason: 'waiting' })]);
    api.on('POST', `${LIST}/${ID_1}/replay`, () => {
      events.splice(0, 2);
      return json(200, { applied: 2, remaining: 0, error: null });
    });
    const store = setup(api);
    await store.getState().load();
    const pending = store.getState().replay(ID_1);
    expect(store.getState().acting).toBe(ID_1);
    expect(await pending).toEqual({ ok: true, value: { applied: 2, remaining: 0, error: null } });
    expect(store.getState()).toMatchObject({ acting: null, items: [], total: 0, consumers: [] });
    expect(api.calls('GET', LIST)).toBe(2);
  });

  it('returns the refusal of a consumer hosted elsewhere, keeps the list readable, and refreshes it', async () => {
    const { api } = server([parked(ID_1)]);
    api.on('POST', `${LIST}/${ID_1}/replay`, () =>
      json(409, { statusCode: 409, code: 'CONSUMER_NOT_HOSTED', message: 'Consumer progress.onReviewRecorded is not hosted by this instance', correlationId: 'c-1' }),
    );
    const store = setup(api);
    await store.getState().load();
    const outcome = await store.getState().replay(ID_1);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? null : outcome.problem).toMatchObject({ status: 409, code: 'CONSUMER_NOT_HOSTED', correlationId: 'c-1' });
    expect(store.getState()).toMatchObject({ acting: null, problem: null, total: 1 });
    expect(api.calls('GET', LIST)).toBe(2);
  });

  it('discards the only event of the last page and shows the page that is now last', async () => {
    const events = Array.from({ length: 26 }, (_, index) => parked(`0b6f4e0a-7d1c-4a57-9f55-4c1e3e1a${String(index).padStart(4, '0')}`));
    const last = events[25].id;
    const { api } = server(events);
    api.on('DELETE', `${LIST}/${last}`, () => {
      events.pop();
      return json(200, { remaining: 25 });
    });
    const store = setup(api);
    await store.getState().load({ offset: 25 });
    expect(await store.getState().discard(last)).toEqual({ ok: true, value: { remaining: 25 } });
    expect(store.getState().query.offset).toBe(0);
    expect(store.getState().items).toHaveLength(25);
    expect(store.getState().total).toBe(25);
  });

  it('says why the list could not be read, and keeps what it showed', async () => {
    let down = false;
    const { api } = server([parked(ID_1)]);
    const list = api.fetch;
    const flaky = new FakeApi();
    flaky.on('GET', LIST, (request) => (down ? json(403, { statusCode: 403, code: 'FORBIDDEN', message: 'Forbidden' }) : list(request)));
    const store = setup(flaky);
    await store.getState().load();
    down = true;
    await store.getState().load();
    expect(store.getState()).toMatchObject({ loading: false, loaded: true, total: 1, problem: { status: 403, code: 'FORBIDDEN' } });
    store.getState().clearProblem();
    expect(store.getState().problem).toBeNull();
  });

  it('keeps the answer of the newest load when an older one arrives later', async () => {
    let releaseSlow: (() => void) | undefined;
    const { api: fast } = server([parked(ID_2, { consumer: 'lobby.onUserRegistered' })]);
    const api = new FakeApi().on('GET', LIST, async (request) => {
      if (new URL(request.url).searchParams.get('consumer') === 'progress.onReviewRecorded') {
        await new Promise<void>((resolve) => (releaseSlow = resolve));
        return json(200, { items: [parked(ID_1)], total: 1, consumers: [] });
      }
      return fast.fetch(request);
    });
    const store = setup(api);
    const slow = store.getState().load({ consumer: 'progress.onReviewRecorded' });
    await vi.waitFor(() => expect(releaseSlow).toBeDefined());
    await store.getState().load({ consumer: 'lobby.onUserRegistered' });
    releaseSlow?.();
    await slow;
    expect(store.getState().items.map((item) => item.id)).toEqual([ID_2]);
    expect(store.getState().query.consumer).toBe('lobby.onUserRegistered');
  });
});
