import type { Db } from 'mongodb';
import type { Pool } from 'pg';
import type { EventBroker } from '../broker/event-broker';
import type { EventHandler } from '../bus/event-handler';
import { LocalEventBus } from '../bus/local-event-bus';
import { errorFields, silentLogger, type EventsLogger } from '../events-logger';
import type { EventParking } from '../parking/event-parking';
import { MongoOutboxSource, type MongoOutboxSourceOptions } from '../relay/mongo-outbox-source';
import type { OutboxRelay } from '../relay/outbox-relay';
import type { OutboxSource } from '../relay/outbox-source';
import { PgOutboxSource, type PgOutboxSourceOptions } from '../relay/pg-outbox-source';
import { backoffDelay, Sleeper } from '../retry-backoff';
import type { EventRouting, HandlerRoute } from '../routing/event-routing';

export interface EventsRegistrarDeps {
  routing: EventRouting;
  bus: LocalEventBus;
  relay: OutboxRelay;
  broker: EventBroker | null;
  logger?: EventsLogger;
  /** Create the hosted modules' topics and the consumed ones on start (default true). */
  ensureTopics?: boolean;
  /** Parks poison events instead of retrying them forever; without it, handlers retry forever. */
  parking?: EventParking | null;
}

interface ModuleConsumer {
  groupId: string;
  topics: Set<string>;
  /** The module's Kafka-fed handlers, dispatched like the local bus does. */
  bus: LocalEventBus;
}

/**
 * Where context modules plug into the event backbone at init: their outbox sources and their
 * handlers. A handler is fed from the local bus or from Kafka as the routing decides; it
 * cannot tell which. `start()` runs the consumers and the relay; `stop()` ends both.
 */
export class EventsRegistrar {
  private readonly routing: EventRouting;
  private readonly bus: LocalEventBus;
  private readonly relay: OutboxRelay;
  private readonly broker: EventBroker | null;
  private readonly logger: EventsLogger;
  private readonly ensureTopics: boolean;
  private readonly parking: EventParking | null;
  private readonly handlerNames = new Set<string>();
  private readonly handlerRoutes: HandlerRoute[] = [];
  private readonly consumers = new Map<string, ModuleConsumer>();
  private readonly sleeper = new Sleeper();
  private consumersRunning: Promise<void> = Promise.resolve();
  private state: 'idle' | 'started' | 'stopped' = 'idle';

  constructor(deps: EventsRegistrarDeps) {
    this.routing = deps.routing;
    this.bus = deps.bus;
    this.relay = deps.relay;
    this.broker = deps.broker;
    this.logger = deps.logger ?? silentLogger;
    this.ensureTopics = deps.ensureTopics ?? true;
    this.parking = deps.parking ?? null;
  }

  get routes(): readonly HandlerRoute[] {
    return this.handlerRoutes;
  }

  registerPgSource(pool: Pool, schema: string, options?: PgOutboxSourceOptions): PgOutboxSource {
    const source = new PgOutboxSource(pool, schema, options);
    this.registerSource(source);
    return source;
  }

  registerMongoSource(db: Db, collection: string, options?: MongoOutboxSourceOptions): MongoOutboxSource {
    const source = new MongoOutboxSource(db, collection, options);
    this.registerSource(source);
    return source;
  }

  registerSource(source: OutboxSource): void {
    this.relay.register(source);
  }

  /** Call at module init (before application bootstrap). */
  registerHandler(moduleName: string, handler: EventHandler): HandlerRoute {
    if (this.handlerNames.has(handler.name)) throw new Error(`Event handler ${handler.name} is registered twice`);
    const route = this.routing.route(moduleName, handler);
    if (route.kafkaTopics.length > 0 && this.state !== 'idle') {
      throw new Error(`Handler ${handler.name} registered after start: its Kafka consumer would not run`);
    }
    // Fed from memory or from Kafka, a handler that keeps failing on one event parks it.
    const guarded = this.parking?.guard(handler) ?? handler;
    if (route.localTopics.length > 0) this.bus.subscribe(guarded, route.localTopics);
    if (route.kafkaTopics.length > 0) {
      const consumer = this.consumers.get(route.groupId) ?? { groupId: route.groupId, topics: new Set(), bus: new LocalEventBus() };
      route.kafkaTopics.forEach((topic) => consumer.topics.add(topic));
      consumer.bus.subscribe(guarded, route.kafkaTopics);
      this.consumers.set(route.groupId, consumer);
    }
    this.handlerNames.add(handler.name);
    this.handlerRoutes.push(route);
    this.logger.debug({ ...route }, 'event handler registered');
    return route;
  }

  /**
   * Subscribes the handler only when some module of this build publishes its first topic (a
   * module's erasure handler in a build without identity, say); otherwise says so and returns null.
   */
  registerWhenPublished(moduleName: string, handler: EventHandler): HandlerRoute | null {
    if (this.routing.publisherOf(handler.topics[0])) return this.registerHandler(moduleName, handler);
    this.logger.warn({ handler: handler.name, topic: handler.topics[0] }, 'no module of this build publishes this topic: handler not subscribed');
    return null;
  }

  /**
   * Starts the relay and, in the background, one consumer per subscribing module. A broker
   * that is down at boot does not stop the app: consumers keep trying, the relay keeps events
   * pending. `consumersReady()` resolves once every consumer runs.
   */
  async start(): Promise<void> {
    if (this.state !== 'idle') return;
    this.state = 'started';
    // Blocked keys must be known before the first event is handled.
    await this.parking?.start();
    if (this.broker) this.consumersRunning = this.startConsumers(this.broker);
    await this.relay.start();
  }

  consumersReady(): Promise<void> {
    return this.consumersRunning;
  }

  /** Stops the relay (its in-flight batch completes), then the consumers and the broker. */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    this.sleeper.wake();
    await this.relay.stop();
    await this.broker?.disconnect();
    await this.consumersRunning;
    this.parking?.stop();
  }

  private async startConsumers(broker: EventBroker): Promise<void> {
    const consumed = [...this.consumers.values()].flatMap((consumer) => [...consumer.topics]);
    for (let attempt = 1; this.ensureTopics && this.state === 'started'; attempt++) {
      try {
        await broker.ensureTopics([...new Set([...this.routing.hostedTopics(), ...consumed])]);
        break;
      } catch (error) {
        this.logger.warn({ attempt, ...errorFields(error) }, 'could not create Kafka topics; retrying');
        await this.sleeper.sleep(backoffDelay(attempt));
      }
    }
    await Promise.all([...this.consumers.values()].map((consumer) => this.startConsumer(broker, consumer)));
  }

  private async startConsumer(broker: EventBroker, consumer: ModuleConsumer): Promise<void> {
    for (let attempt = 1; this.state === 'started'; attempt++) {
      try {
        await broker.subscribe(consumer.groupId, [...consumer.topics], (envelope) => consumer.bus.dispatch(envelope));
        this.logger.info({ groupId: consumer.groupId, topics: [...consumer.topics] }, 'Kafka consumer running');
        return;
      } catch (error) {
        this.logger.warn({ groupId: consumer.groupId, attempt, ...errorFields(error) }, 'Kafka consumer did not start; retrying');
        await this.sleeper.sleep(backoffDelay(attempt));
      }
    }
  }
}
