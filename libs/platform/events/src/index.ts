// Outbox: write events in the same atomic step as the state change.
export { type SqlExecutor, resultRows } from './lib/sql-executor';
export { PgOutbox } from './lib/outbox/pg-outbox';
export {
  withOutbox,
  documentWithOutbox,
  OUTBOX_FIELD,
  OUTBOX_PENDING_FIELD,
  type OutboxFields,
} from './lib/outbox/mongo-outbox';
export { outboxSchemaFields } from './lib/outbox/mongoose-outbox';

// Relay: drain outboxes to the local bus and the broker.
export { OutboxRelay, type OutboxRelayOptions } from './lib/relay/outbox-relay';
export type { OutboxSource, OutboxStats, DrainResult, PublishBatch, PublishOutcome } from './lib/relay/outbox-source';
export { PgOutboxSource, type PgOutboxSourceOptions } from './lib/relay/pg-outbox-source';
export { MongoOutboxSource, type MongoOutboxSourceOptions } from './lib/relay/mongo-outbox-source';
export { MongoRelayLease, RELAY_LEASES_COLLECTION } from './lib/relay/mongo-relay-lease';

// Broker.
export type { EventBroker, EnvelopeConsumer } from './lib/broker/event-broker';
export { KafkaEventBroker, type KafkaEventBrokerOptions } from './lib/broker/kafka-event-broker';
export { InMemoryEventBroker } from './lib/broker/in-memory-event-broker';
export { toKafkaMessage, fromKafkaMessage } from './lib/broker/kafka-messages';

// Handlers and the local bus.
export { type EventHandler, handlesEvent } from './lib/bus/event-handler';
export { LocalEventBus, EventDispatchError } from './lib/bus/local-event-bus';

// Inbox: apply each event once per handler.
export { PgInbox } from './lib/inbox/pg-inbox';
export { applyOnce, trimInbox, inboxKey, INBOX_FIELD, type InboxEntry, type ApplyOnceOptions } from './lib/inbox/mongo-inbox';

// Poison events: parked after repeated failures, per consumer and key, then replayed or discarded.
export { EventParking, ConsumerNotHostedError, type EventParkingOptions, type ReplayOutcome } from './lib/parking/event-parking';
export type { ParkedEvent, ParkedEventStore, ParkedEventFilter, ParkReason } from './lib/parking/parked-event-store';
export { PgParkedEventStore } from './lib/parking/pg-parked-event-store';

// Routing between the local bus and Kafka, by hosted modules.
export {
  EventRouting,
  parseHostedModules,
  consumerGroupOf,
  type ModuleManifest,
  type HandlerRoute,
} from './lib/routing/event-routing';
export { EventsRegistrar, type EventsRegistrarDeps } from './lib/registration/events-registrar';

// Nest wiring.
export { EventsModule, type EventsModuleAsyncOptions } from './lib/nest/events.module';
export { EVENT_BROKER, EVENTS_MODULE_OPTIONS, type EventsModuleOptions } from './lib/nest/events-module-options';

// Shared pieces.
export { EventMetrics, defaultEventMetrics } from './lib/event-metrics';
export { type EventsLogger, silentLogger } from './lib/events-logger';
export { parseEnvelope } from './lib/envelope-shape';
export { backoffDelay, type BackoffOptions } from './lib/retry-backoff';
