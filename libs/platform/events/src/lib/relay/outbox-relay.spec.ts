import type { EventEnvelope } from '@tall/platform/event-contracts';
import { waitFor } from '@tall/platform/testing';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { InMemoryEventBroker } from '../broker/in-memory-event-broker';
import { LocalEventBus } from '../bus/local-event-bus';
import { EventMetrics } from '../event-metrics';
import { OutboxRelay } from './outbox-relay';
import type { DrainResult, OutboxSource, PublishBatch } from './outbox-source';

/** The outbox contract in memory: a prefix is marked done, one failed event is recorded. */
class MemorySource implements OutboxSource {
  readonly name = 'memory:test';
  pending: EventEnvelope[] = [];
  done: EventEnvelope[] = [];
  failures: Array<{ id: string; error: string }> = [];

  async drain(limit: number, publish: PublishBatch): Promise<DrainResult> {
    const batch = this.pending.slice(0, limit);
    if (batch.length === 0) return { published: 0, failed: false, full: false };
    const outcome = await publish(batch);
    this.done.push(...batch.slice(0, outcome.published));
    this.pending = this.pending.slice(outcome.published);
    batch
      .slice(outcome.published, outcome.published + outcome.failed)
      .forEach((event) => this.failures.push({ id: event.id, error: String(outcome.error) }));
    return { published: outcome.published, failed: outcome.failed > 0, error: outcome.error, full: batch.length >= limit };
  }

  async stats() {
    return { pending: this.pending.length, oldestAgeSeconds: 0 };
  }
}

const event = (key: string, n: number, topic = 'test.events.v1'): EventEnvelope => ({
  id: randomUUID(),
  type: 'test.happened',
  version: 1,
  topic,
  key,
  occurredAt: new Date().toISOString(),
  correlationId: 'c',
  causationId: null,
  payload: { n },
});

function setup(options: { batchSize?: number } = {}) {
  const source = new MemorySource();
  const bus = new LocalEventBus();
  const broker = new InMemoryEventBroker();
  const metrics = new EventMetrics(new Registry());
  const relay = new OutboxRelay({ bus, broker, metrics, pollIntervalMs: 10, backoff: { initialMs: 10, maxMs: 50 }, ...options });
  relay.register(source);
  return { source, bus, broker, metrics, relay };
}

describe('OutboxRelay', () => {
  it('dispatches locally and produces, then marks the events done', async () => {
    const { source, bus, broker, relay, metrics } = setup();
    const seen: number[] = [];
    bus.subscribe({ name: 'a.h', topics: ['test.events.v1'], handle: async (e) => void seen.push((e.payload as { n: number }).n) });
    source.pending.push(event('k', 1), event('k', 2));
    expect(await relay.drainOnce()).toEqual([{ published: 2, failed: false, error: undefined, full: false }]);
    expect(seen).toEqual([1, 2]);
    expect(broker.produced.map((e) => e.payload)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(source.pending).toEqual([]);
    expect((await metrics.eventsPublished.get()).values).toEqual([
      expect.objectContaining({ labels: { topic: 'test.events.v1' }, value: 2 }),
    ]);
  });

  it('keeps everything pending when the broker fails, and publishes on a later drain', async () => {
    const { source, broker, relay, metrics } = setup();
    source.pending.push(event('k', 1), event('k', 2));
    broker.failNext(1);
    const [result] = await relay.drainOnce();
    expect(result.failed).toBe(true);
    expect(source.pending).toHaveLength(2);
    expect(source.failures).toHaveLength(2);
    expect((await metrics.produceErrors.get()).values[0].value).toBe(1);
    await relay.drainOnce();
    expect(source.pending).toHaveLength(0);
    expect(broker.produced).toHaveLength(2);
  });

  it('stops the batch at a failing local handler: earlier events go out, later ones wait', async () => {
    const { source, bus, broker, relay } = setup();
    let failOn: number | undefined = 2;
    bus.subscribe({
      name: 'a.h',
      topics: ['test.events.v1'],
      handle: async (e) => {
        if ((e.payload as { n: number }).n === failOn) throw new Error('handler down');
      },
    });
    source.pending.push(event('k', 1), event('k', 2), event('k', 3));
    const [result] = await relay.drainOnce();
    expect(result).toMatchObject({ published: 1, failed: true });
    expect(broker.produced.map((e) => e.payload)).toEqual([{ n: 1 }]);
    expect(source.failures.map((f) => f.error)).toEqual([expect.stringContaining('handler down')]);
    failOn = undefined;
    await relay.drainOnce();
    expect(broker.produced.map((e) => e.payload)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('runs a loop per source until stopped, draining full batches back to back', async () => {
    const { source, broker, relay } = setup({ batchSize: 10 });
    for (let n = 0; n < 95; n++) source.pending.push(event(`k${n % 7}`, n));
    await relay.start();
    await waitFor(() => source.pending.length === 0, { timeoutMs: 5_000, intervalMs: 5 });
    source.pending.push(event('late', 1));
    await waitFor(() => source.pending.length === 0, { timeoutMs: 5_000, intervalMs: 5 });
    await relay.stop();
    expect(broker.produced).toHaveLength(96);
    expect(broker.produced.map((e) => (e.payload as { n: number }).n).slice(0, 95)).toEqual([...Array(95).keys()]);
  });

  it('retries with backoff while the broker is down and stops promptly while backing off', async () => {
    const { source, broker, relay } = setup();
    source.pending.push(event('k', 1));
    broker.failNext(3);
    await relay.start();
    await waitFor(() => source.pending.length === 0, { timeoutMs: 5_000, intervalMs: 5 });
    expect(source.failures).toHaveLength(3);
    broker.failNext(1_000);
    source.pending.push(event('k', 2));
    await waitFor(() => source.failures.length > 3, { timeoutMs: 5_000, intervalMs: 5 });
    const stopping = Date.now();
    await relay.stop();
    expect(Date.now() - stopping).toBeLessThan(1_000);
    expect(source.pending).toHaveLength(1);
  });

  it('refuses a source registered twice', () => {
    const { relay } = setup();
    expect(() => relay.register(new MemorySource())).toThrow(/registered twice/);
  });
});
