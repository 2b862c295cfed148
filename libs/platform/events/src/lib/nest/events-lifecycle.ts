import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { HealthRegistry } from '@tall/platform/observability';
import type { EventBroker } from '../broker/event-broker';
import { EventsRegistrar } from '../registration/events-registrar';
import { EVENT_BROKER } from './events-module-options';

/**
 * Starts consumers and relay once every module registered its sources and handlers (they do
 * it in onModuleInit), and stops them in onModuleDestroy. Nest runs every module's
 * onModuleDestroy before any onApplicationShutdown, so contexts must close their pools and
 * clients in onApplicationShutdown (as @nestjs/typeorm does): the relay's last batch and the
 * consumers' handlers still need them.
 */
@Injectable()
export class EventsLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(EventsRegistrar) private readonly registrar: EventsRegistrar,
    @Inject(EVENT_BROKER) private readonly broker: EventBroker | null,
    @Optional() @Inject(HealthRegistry) private readonly health?: HealthRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const broker = this.broker;
    // Readiness includes the broker the app is configured with (see ObservabilityModule).
    if (broker && this.health) this.health.register({ name: 'kafka', check: () => broker.healthCheck() });
    await this.registrar.start();
    // A process fed from Kafka (modules hosted elsewhere) is ready once its consumer groups have
    // joined: before that, events it should react to would only wait in the topic.
    if (this.health && this.registrar.routes.some((route) => route.kafkaTopics.length > 0)) {
      let joined = false;
      void this.registrar.consumersReady().then(() => (joined = true));
      this.health.register({
        name: 'event-consumers',
        check: async () => {
          if (!joined) throw new Error('Kafka consumer groups are still joining');
        },
      });
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.registrar.stop();
  }
}
