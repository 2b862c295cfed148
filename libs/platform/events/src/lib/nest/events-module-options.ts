import type { EventBroker } from '../broker/event-broker';
import type { KafkaEventBrokerOptions } from '../broker/kafka-event-broker';
import type { EventsLogger } from '../events-logger';
import type { OutboxRelayOptions } from '../relay/outbox-relay';
import type { ModuleManifest } from '../routing/event-routing';

export interface EventsModuleOptions {
  /** Without brokers (and without `broker`), events flow through the local bus only. */
  kafkaBrokers?: string[];
  clientId: string;
  /** Manifests of ALL modules, hosted here or not: routing needs every topic's publisher. */
  modules: ModuleManifest[];
  /** From `MODULES` (see parseHostedModules). */
  hostedModules: string[];
  logger: EventsLogger;
  relay?: Omit<OutboxRelayOptions, 'bus' | 'broker' | 'logger'>;
  kafka?: Omit<KafkaEventBrokerOptions, 'brokers' | 'clientId' | 'logger'>;
  /** Create missing topics at bootstrap (default true). */
  ensureTopics?: boolean;
  /**
   * Poison events: tries per event and consumer before it is parked (default 5). Parked events
   * are kept in PostgreSQL (`platform.parked_events`, on DatabaseModule's pool); without a pool
   * (or with `false`) handlers retry forever.
   */
  parking?: false | { maxAttempts?: number; schema?: string; refreshIntervalMs?: number };
  /** Replaces the Kafka broker, e.g. an InMemoryEventBroker in tests. */
  broker?: EventBroker;
}

export const EVENTS_MODULE_OPTIONS = Symbol('EVENTS_MODULE_OPTIONS');
/** The EventBroker, or null when no broker is configured. */
export const EVENT_BROKER = Symbol('EVENT_BROKER');
