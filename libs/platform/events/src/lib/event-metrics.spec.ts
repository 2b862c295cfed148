import { Registry } from 'prom-client';
import { EventMetrics } from './event-metrics';

describe('EventMetrics', () => {
  it('can be instantiated twice on one registry and shares the metrics', async () => {
    const registry = new Registry();
    const first = new EventMetrics(registry);
    const second = new EventMetrics(registry);
    first.eventsPublished.inc({ topic: 't' });
    second.eventsPublished.inc({ topic: 't' });
    expect(second.eventsPublished).toBe(first.eventsPublished);
    const text = await registry.metrics();
    expect(text).toContain('tall_events_published_total{topic="t"} 2');
    expect(text).toContain('tall_outbox_pending');
    expect(text).toContain('tall_kafka_consumer_lag');
  });
});
