import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { EnvelopeConsumer, EventBroker } from './event-broker';

/**
 * An EventBroker in memory, for tests of modules and wiring: it records what was produced and
 * feeds subscribers synchronously (one delivery per consumer group, in produce order).
 * `failNext(n)` makes the next n produce calls reject, to exercise the relay's retries.
 */
export class InMemoryEventBroker implements EventBroker {
  readonly produced: EventEnvelope[] = [];
  private readonly groups = new Map<string, { topics: ReadonlySet<string>; onEvent: EnvelopeConsumer }>();
  private failures = 0;
  connected = true;

  failNext(calls = 1): void {
    this.failures = calls;
  }

  async produce(envelopes: readonly EventEnvelope[]): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('in-memory broker: produce failed on request');
    }
    for (const envelope of envelopes) {
      this.produced.push(envelope);
      for (const group of this.groups.values()) {
        if (group.topics.has(envelope.topic)) await group.onEvent(envelope);
      }
    }
  }

  async subscribe(groupId: string, topics: readonly string[], onEvent: EnvelopeConsumer): Promise<void> {
    if (this.groups.has(groupId)) throw new Error(`Consumer group ${groupId} is subscribed twice`);
    this.groups.set(groupId, { topics: new Set(topics), onEvent });
  }

  async ensureTopics(): Promise<void> {
    return;
  }

  async healthCheck(): Promise<void> {
    if (!this.connected) throw new Error('in-memory broker: disconnected');
  }

  async disconnect(): Promise<void> {
    this.connected = false;
    this.groups.clear();
  }
}
