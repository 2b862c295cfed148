import { Counter, Gauge, register, type Registry } from 'prom-client';

/**
 * The event backbone's Prometheus metrics, on prom-client's default registry unless told
 * otherwise. Metrics are looked up before they are created: relays, brokers and tests create
 * many instances in one process, and prom-client throws when a name is registered twice.
 */
export class EventMetrics {
  readonly outboxPending: Gauge<'source'>;
  readonly relayLagSeconds: Gauge<'source'>;
  readonly eventsPublished: Counter<'topic'>;
  readonly produceErrors: Counter<'topic'>;
  readonly consumerLag: Gauge<'group' | 'topic'>;
  readonly parked: Gauge<'consumer'>;
  readonly parkedTotal: Counter<'consumer' | 'topic'>;

  constructor(registry: Registry = register) {
    const registers = [registry];
    this.outboxPending = once(registry, 'tall_outbox_pending', () =>
      new Gauge({ name: 'tall_outbox_pending', help: 'Outbox events not yet published', labelNames: ['source'], registers }),
    );
    this.relayLagSeconds = once(registry, 'tall_outbox_relay_lag_seconds', () =>
      new Gauge({
        name: 'tall_outbox_relay_lag_seconds',
        help: 'Age of the oldest unpublished outbox event',
        labelNames: ['source'],
        registers,
      }),
    );
    this.eventsPublished = once(registry, 'tall_events_published_total', () =>
      new Counter({ name: 'tall_events_published_total', help: 'Events published by the outbox relay', labelNames: ['topic'], registers }),
    );
    this.produceErrors = once(registry, 'tall_kafka_produce_errors_total', () =>
      new Counter({ name: 'tall_kafka_produce_errors_total', help: 'Failed Kafka produce calls', labelNames: ['topic'], registers }),
    );
    this.consumerLag = once(registry, 'tall_kafka_consumer_lag', () =>
      new Gauge({
        name: 'tall_kafka_consumer_lag',
        help: 'Messages between the high watermark and the last processed offset (best effort)',
        labelNames: ['group', 'topic'],
        registers,
      }),
    );
    this.parked = once(registry, 'tall_events_parked', () =>
      new Gauge({ name: 'tall_events_parked', help: 'Events parked now, per consumer (failed and waiting behind them)', labelNames: ['consumer'], registers }),
    );
    this.parkedTotal = once(registry, 'tall_events_parked_total', () =>
      new Counter({ name: 'tall_events_parked_total', help: 'Events parked since start', labelNames: ['consumer', 'topic'], registers }),
    );
  }
}

function once<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

let shared: EventMetrics | undefined;

/** The metrics on the default registry, created on first use. */
export function defaultEventMetrics(): EventMetrics {
  shared ??= new EventMetrics();
  return shared;
}
