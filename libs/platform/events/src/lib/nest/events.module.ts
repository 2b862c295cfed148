import { Global, Module, type DynamicModule, type InjectionToken, type ModuleMetadata, type Provider } from '@nestjs/common';
import type { EventBroker } from '../broker/event-broker';
import { PG_POOL } from '@tall/platform/database';
import type { Pool } from 'pg';
import { KafkaEventBroker } from '../broker/kafka-event-broker';
import { LocalEventBus } from '../bus/local-event-bus';
import { EventParking } from '../parking/event-parking';
import { PgParkedEventStore } from '../parking/pg-parked-event-store';
import { OutboxRelay } from '../relay/outbox-relay';
import { EventsRegistrar } from '../registration/events-registrar';
import { EventRouting } from '../routing/event-routing';
import { EventsLifecycle } from './events-lifecycle';
import { EVENT_BROKER, EVENTS_MODULE_OPTIONS, type EventsModuleOptions } from './events-module-options';

export interface EventsModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: InjectionToken[];
  useFactory: (...args: never[]) => EventsModuleOptions | Promise<EventsModuleOptions>;
}

const providers: Provider[] = [
  {
    provide: EVENT_BROKER,
    inject: [EVENTS_MODULE_OPTIONS],
    useFactory: (options: EventsModuleOptions): EventBroker | null =>
      options.broker ??
      (options.kafkaBrokers?.length
        ? new KafkaEventBroker({ ...options.kafka, brokers: options.kafkaBrokers, clientId: options.clientId, logger: options.logger })
        : null),
  },
  {
    provide: EventRouting,
    inject: [EVENTS_MODULE_OPTIONS, EVENT_BROKER],
    useFactory: (options: EventsModuleOptions, broker: EventBroker | null) =>
      new EventRouting(options.modules, options.hostedModules, broker !== null),
  },
  { provide: LocalEventBus, useFactory: () => new LocalEventBus() },
  {
    provide: OutboxRelay,
    inject: [EVENTS_MODULE_OPTIONS, LocalEventBus, EVENT_BROKER],
    useFactory: (options: EventsModuleOptions, bus: LocalEventBus, broker: EventBroker | null) =>
      new OutboxRelay({ ...options.relay, bus, broker, logger: options.logger }),
  },
  {
    provide: EventParking,
    inject: [EVENTS_MODULE_OPTIONS, { token: PG_POOL, optional: true }],
    useFactory: async (options: EventsModuleOptions, pool: Pool | undefined): Promise<EventParking | null> => {
      if (options.parking === false || !pool) return null;
      const store = new PgParkedEventStore(pool, options.parking?.schema);
      await store.migrate();
      return new EventParking(store, { ...options.parking, logger: options.logger });
    },
  },
  {
    provide: EventsRegistrar,
    inject: [EVENTS_MODULE_OPTIONS, EventRouting, LocalEventBus, OutboxRelay, EVENT_BROKER, EventParking],
    useFactory: (
      options: EventsModuleOptions,
      routing: EventRouting,
      bus: LocalEventBus,
      relay: OutboxRelay,
      broker: EventBroker | null,
      parking: EventParking | null,
    ) => new EventsRegistrar({ routing, bus, relay, broker, parking, logger: options.logger, ensureTopics: options.ensureTopics }),
  },
  EventsLifecycle,
];

const exported = [EVENT_BROKER, EventRouting, LocalEventBus, OutboxRelay, EventsRegistrar, EventParking];

/**
 * The event backbone for the whole app (global). Context modules inject EventsRegistrar and,
 * in onModuleInit, register their outbox sources and handlers; the relay and the Kafka
 * consumers start at application bootstrap and stop at shutdown.
 */
@Global()
@Module({})
export class EventsModule {
  static forRoot(options: EventsModuleOptions): DynamicModule {
    return {
      module: EventsModule,
      global: true,
      providers: [{ provide: EVENTS_MODULE_OPTIONS, useValue: options }, ...providers],
      exports: exported,
    };
  }

  static forRootAsync(options: EventsModuleAsyncOptions): DynamicModule {
    return {
      module: EventsModule,
      global: true,
      imports: options.imports ?? [],
      providers: [{ provide: EVENTS_MODULE_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory }, ...providers],
      exports: exported,
    };
  }
}
