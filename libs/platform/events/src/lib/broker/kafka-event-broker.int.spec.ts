import type { EventEnvelope } from '@tall/platform/event-contracts';
import { uniqueName, waitFor } from '@tall/platform/testing';
import { Registry } from 'prom-client';
import { EventMetrics } from '../event-metrics';
import { createTopic, deleteTopics, kafkaBrokers, rawKafka, testEvent } from '../../test-support/event-stack';
import { KafkaEventBroker } from './kafka-event-broker';

jest.setTimeout(60_000);

describe('KafkaEventBroker', () => {
  const topics: string[] = [];
  const brokers: KafkaEventBroker[] = [];

  const newBroker = (metrics = new EventMetrics(new Registry())) => {
    const broker = new KafkaEventBroker({
      brokers: kafkaBrokers(),
      clientId: 'broker-test',
      metrics,
      handlerBackoff: { initialMs: 50, maxMs: 200 },
    });
    brokers.push(broker);
    return broker;
  };

  afterAll(async () => {
    await Promise.all(brokers.map((broker) => broker.disconnect()));
    await deleteTopics(topics);
  });

  it('creates topics, answers the health check and delivers per key in order', async () => {
    const broker = newBroker();
    const topic = uniqueName('broker.order').replace(/_/g, '.');
    topics.push(topic);
    await broker.ensureTopics([topic]);
    await broker.ensureTopics([topic]); // idempotent
    await broker.healthCheck();

    const received = new Map<string, number[]>();
    await broker.subscribe(uniqueName('tall.order'), [topic], async (envelope) => {
      const { n } = envelope.payload as { n: number };
      received.set(envelope.key, [...(received.get(envelope.key) ?? []), n]);
    });
    const events: EventEnvelope[] = [];
    for (let n = 0; n < 50; n++) events.push(testEvent(topic, `k${n % 5}`, { n }));
    await broker.produce(events.slice(0, 20));
    await broker.produce(events.slice(20));
    await waitFor(() => [...received.values()].flat().length === 50, { what: '50 events' });
    for (let k = 0; k < 5; k++) {
      expect(received.get(`k${k}`)).toEqual(events.filter((e) => e.key === `k${k}`).map((e) => (e.payload as { n: number }).n));
    }
  });

  it('skips malformed messages, retries a failing handler without skipping ahead, and reports lag', async () => {
    const metrics = new EventMetrics(new Registry());
    const broker = newBroker(metrics);
    const topic = await createTopic('broker.retry', 1);
    topics.push(topic);
    const groupId = uniqueName('tall.retry');
    const producer = rawKafka().producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [{ key: 'k', value: 'not json' }, { key: 'k', value: JSON.stringify({ hello: 'world' }) }, { key: 'k', value: null }],
    });
    await producer.disconnect();
    const first = testEvent(topic, 'k', { n: 1 });
    const second = testEvent(topic, 'k', { n: 2 });
    await broker.produce([first, second]);

    const handled: number[] = [];
    let failuresLeft = 3;
    await broker.subscribe(groupId, [topic], async (envelope) => {
      const { n } = envelope.payload as { n: number };
      if (n === 1 && failuresLeft-- > 0) throw new Error('not yet');
      handled.push(n);
    });
    await waitFor(() => handled.length === 2, { what: 'both events' });
    expect(handled).toEqual([1, 2]);
    expect(failuresLeft).toBe(-1);
    const lag = await metrics.consumerLag.get();
    expect(lag.values).toEqual([expect.objectContaining({ labels: { group: groupId, topic }, value: 0 })]);
  });

  it('fails a produce call within bounded time when the broker is unreachable', async () => {
    const broker = new KafkaEventBroker({ brokers: ['127.0.0.1:1'], clientId: 'unreachable', produceTimeoutMs: 3_000 });
    brokers.push(broker);
    const started = Date.now();
    await expect(broker.produce([testEvent('nowhere.v1', 'k', {})])).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(broker.healthCheck()).rejects.toThrow();
  });
});
