import type { EventEnvelope } from '@tall/platform/event-contracts';

export type EnvelopeConsumer = (envelope: EventEnvelope) => Promise<void>;

/** The message broker as the event backbone sees it; Kafka in production (KafkaEventBroker). */
export interface EventBroker {
  /**
   * Publishes in order (per key) and resolves once the broker has acknowledged every event.
   * Rejects within bounded time during an outage, so the caller's backoff takes over.
   */
  produce(envelopes: readonly EventEnvelope[]): Promise<void>;
  /**
   * Feeds `onEvent` with the topics' events as consumer group `groupId`. A rejected `onEvent`
   * is retried (the offset is not committed); resolves once the consumer is running.
   */
  subscribe(groupId: string, topics: readonly string[], onEvent: EnvelopeConsumer): Promise<void>;
  ensureTopics(topics: readonly string[]): Promise<void>;
  /** Rejects when the broker cannot be reached (readiness probe). */
  healthCheck(): Promise<void>;
  disconnect(): Promise<void>;
}
