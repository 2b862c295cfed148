import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { Registry } from 'prom-client';
import type { EventHandler } from '../bus/event-handler';
import { EventMetrics } from '../event-metrics';
import { ConsumerNotHostedError, EventParking } from './event-parking';
import type { ParkedEvent, ParkedEventFilter, ParkedEventStore } from './parked-event-store';

/** The store port in memory (the PostgreSQL one is covered by parking.int.spec.ts). */
class MemoryParkedEvents implements ParkedEventStore {
  readonly rows: ParkedEvent[] = [];
  async park(entry: Omit<ParkedEvent, 'id' | 'parkedAt'>): Promise<void> {
    if (this.rows.some((row) => row.consumer === entry.consumer && row.envelope.id === entry.envelope.id)) return;
    this.rows.push({ ...entry, id: randomUUID(), parkedAt: new Date() });
  }
  async blockedKeys() {
    return this.rows.map(({ consumer, envelope }) => ({ consumer, key: envelope.key }));
  }
  async list(filter: ParkedEventFilter) {
    return { items: this.rows.slice(filter.offset, filter.offset + filter.limit), total: this.rows.length };
  }
  async counts() {
    const counts = new Map<string, number>();
    this.rows.forEach((row) => counts.set(row.consumer, (counts.get(row.consumer) ?? 0) + 1));
    return [...counts].map(([consumer, count]) => ({ consumer, count }));
  }
  async get(id: string) {
    return this.rows.find((row) => row.id === id) ?? null;
  }
  async queue(consumer: string, key: string) {
    return this.rows.filter((row) => row.consumer === consumer && row.envelope.key === key);
  }
  async recordFailure(id: string, error: string) {
    const row = this.rows.find((candidate) => candidate.id === id);
    if (row) Object.assign(row, { reason: 'failed', attempts: row.attempts + 1, lastError: error });
  }
  async remove(id: string) {
    const index = this.rows.findIndex((row) => row.id === id);
    if (index >= 0) this.rows.splice(index, 1);
    return index >= 0;
  }
}

const envelope = (key: string, n: number): EventEnvelope => ({
  id: randomUUID(),
  type: 'thing.happened',
  version: 1,
  topic: 'things.v1',
  key,
  occurredAt: new Date().toISOString(),
  correlationId: randomUUID(),
  causationId: null,
  actorId: null,
  payload: { n },
});

describe('EventParking', () => {
  let store: MemoryParkedEvents;
  let metrics: EventMetrics;
  let parking: EventParking;
  let applied: string[];
  let poison: Set<number>;
  let handler: EventHandler;

  beforeEach(async () => {
    store = new MemoryParkedEvents();
    metrics = new EventMetrics(new Registry());
    parking = new EventParking(store, { maxAttempts: 3, metrics });
    await parking.start();
    applied = [];
    poison = new Set([2]);
    handler = {
      name: 'test.recorder',
      topics: ['things.v1'],
      handle: async (e) => {
        const n = (e.payload as { n: number }).n;
        if (poison.has(n)) throw new Error(`cannot apply ${n}`);
        applied.push(`${e.key}:${n}`);
      },
    };
  });

  afterEach(() => parking.stop());

  it('rethrows until the last attempt, then parks the event and lets later events of other keys through', async () => {
    const guarded = parking.guard(handler);
    const bad = envelope('a', 2);
    await expect(guarded.handle(bad)).rejects.toThrow('cannot apply 2');
    await expect(guarded.handle(bad)).rejects.toThrow('cannot apply 2');
    await expect(guarded.handle(bad)).resolves.toBeUndefined();
    expect(store.rows).toEqual([expect.objectContaining({ consumer: 'test.recorder', reason: 'failed', attempts: 3, lastError: 'cannot apply 2' })]);
    await guarded.handle(envelope('b', 1));
    expect(applied).toEqual(['b:1']);
    expect((await metrics.parkedTotal.get()).values).toEqual([expect.objectContaining({ labels: { consumer: 'test.recorder', topic: 'things.v1' }, value: 1 })]);
  });

  it('parks later events of a parked key behind it, without running the handler, and replays them in order', async () => {
    const guarded = parking.guard(handler);
    const bad = envelope('a', 2);
    for (let attempt = 0; attempt < 3; attempt++) await guarded.handle(bad).catch(() => undefined);
    await guarded.handle(envelope('a', 3));
    await guarded.handle(envelope('a', 4));
    expect(applied).toEqual([]);
    expect(store.rows.map((row) => [row.reason, (row.envelope.payload as { n: number }).n])).toEqual([
      ['failed', 2],
      ['waiting', 3],
      ['waiting', 4],
    ]);
    expect((await metrics.parked.get()).values[0].value).toBe(3);

    // Still broken: the replay stops at once, nothing overtakes it.
    expect(await parking.replay(store.rows[1])).toEqual({ applied: 0, remaining: 3, error: 'cannot apply 2' });
    expect(store.rows[0]).toMatchObject({ attempts: 4, reason: 'failed' });

    poison.clear();
    expect(await parking.replay(store.rows[2])).toEqual({ applied: 3, remaining: 0, error: null });
    expect(applied).toEqual(['a:2', 'a:3', 'a:4']);
    expect(store.rows).toEqual([]);
    await guarded.handle(envelope('a', 5));
    expect(applied).toEqual(['a:2', 'a:3', 'a:4', 'a:5']);
    expect((await metrics.parked.get()).values[0].value).toBe(0);
  });

  it('discards one parked event; the key stays blocked while others of it are parked', async () => {
    const guarded = parking.guard(handler);
    const bad = envelope('a', 2);
    for (let attempt = 0; attempt < 3; attempt++) await guarded.handle(bad).catch(() => undefined);
    await guarded.handle(envelope('a', 3));
    expect(await parking.discard(store.rows[0])).toEqual({ remaining: 1 });
    await guarded.handle(envelope('a', 4));
    expect(applied).toEqual([]);
    expect(await parking.replay(store.rows[0])).toEqual({ applied: 2, remaining: 0, error: null });
    expect(applied).toEqual(['a:3', 'a:4']);
  });

  it('parks per consumer: another handler of the same event is not blocked', async () => {
    const other: string[] = [];
    const guarded = parking.guard(handler);
    const second = parking.guard({ name: 'test.other', topics: ['things.v1'], handle: async (e) => void other.push(e.id) });
    const bad = envelope('a', 2);
    for (let attempt = 0; attempt < 3; attempt++) await guarded.handle(bad).catch(() => undefined);
    await second.handle(bad);
    await second.handle(envelope('a', 3));
    expect(other).toHaveLength(2);
  });

  it('refuses to replay an event whose consumer this instance does not host', async () => {
    await store.park({ consumer: 'elsewhere.handler', envelope: envelope('a', 1), reason: 'failed', attempts: 5, lastError: 'x' });
    await expect(parking.replay(store.rows[0])).rejects.toBeInstanceOf(ConsumerNotHostedError);
  });
});
