import 'reflect-metadata';
import { Inject, Injectable, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { waitFor } from '@tall/platform/testing';
import { randomUUID } from 'node:crypto';
import { InMemoryEventBroker } from '../broker/in-memory-event-broker';
import { silentLogger } from '../events-logger';
import { OutboxRelay } from '../relay/outbox-relay';
import type { DrainResult, OutboxSource, PublishBatch } from '../relay/outbox-source';
import { EventsRegistrar } from '../registration/events-registrar';
import type { ModuleManifest } from '../routing/event-routing';
import { EventsModule } from './events.module';
import { EVENT_BROKER } from './events-module-options';

const modules: ModuleManifest[] = [
  { name: 'profile', publishes: ['user.events.v2'] },
  { name: 'progress', publishes: [] },
];

const event = (n: number): EventEnvelope => ({
  id: randomUUID(),
  type: 'user.created',
  version: 2,
  topic: 'user.events.v2',
  key: `user-${n}`,
  occurredAt: new Date().toISOString(),
  correlationId: 'c',
  causationId: null,
  payload: { n },
});

class ListSource implements OutboxSource {
  readonly name = 'memory:profile';
  pending: EventEnvelope[] = [];
  async drain(limit: number, publish: PublishBatch): Promise<DrainResult> {
    const batch = this.pending.splice(0, limit);
    if (batch.length === 0) return { published: 0, failed: false, full: false };
    const outcome = await publish(batch);
    this.pending.unshift(...batch.slice(outcome.published));
    return { published: outcome.published, failed: outcome.failed > 0, full: false };
  }
  async stats() {
    return { pending: this.pending.length, oldestAgeSeconds: 0 };
  }
}

const source = new ListSource();
const received: Array<{ n: number }> = [];

const shutdownOrder: string[] = [];

@Injectable()
class ProfileOutbox implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(EventsRegistrar) private readonly events: EventsRegistrar) {}
  onModuleInit(): void {
    this.events.registerSource(source);
  }
  onApplicationShutdown(): void {
    shutdownOrder.push('profile pool closed');
  }
}

@Injectable()
class ProgressHandlers implements OnModuleInit {
  constructor(@Inject(EventsRegistrar) private readonly events: EventsRegistrar) {}
  onModuleInit(): void {
    this.events.registerHandler('progress', {
      name: 'progress.onUserCreated',
      topics: ['user.events.v2'],
      handle: async (envelope) => void received.push(envelope.payload as { n: number }),
    });
  }
}

@Module({ providers: [ProfileOutbox] })
class ProfileModule {}

@Module({ providers: [ProgressHandlers] })
class ProgressModule {}

describe('EventsModule', () => {
  beforeEach(() => {
    received.length = 0;
    source.pending = [];
  });

  it('wires registered sources and handlers, runs the relay from bootstrap to shutdown', async () => {
    const broker = new InMemoryEventBroker();
    const app = await NestFactory.createApplicationContext(
      {
        module: class AppModule {},
        imports: [
          EventsModule.forRoot({ clientId: 'test', modules, hostedModules: ['profile', 'progress'], logger: silentLogger, broker, relay: { pollIntervalMs: 10 } }),
          ProfileModule,
          ProgressModule,
        ],
      },
      { logger: false },
    );
    expect(app.get(EventsRegistrar).routes).toEqual([expect.objectContaining({ localTopics: ['user.events.v2'], kafkaTopics: [] })]);
    source.pending.push(event(1), event(2));
    await waitFor(() => received.length === 2, { timeoutMs: 5_000, intervalMs: 10 });
    expect(received).toEqual([{ n: 1 }, { n: 2 }]);
    expect(broker.produced).toHaveLength(2);
    expect(app.get(EVENT_BROKER)).toBe(broker);
    const relay = app.get(OutboxRelay);
    const stop = relay.stop.bind(relay);
    relay.stop = async () => {
      await stop();
      shutdownOrder.push('relay stopped');
    };
    await app.close();
    expect(shutdownOrder).toEqual(['relay stopped', 'profile pool closed']);
    expect(broker.connected).toBe(false);
    source.pending.push(event(3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(source.pending).toHaveLength(1);
  });

  it('feeds a handler from the broker when the publishing module runs elsewhere', async () => {
    const broker = new InMemoryEventBroker();
    const app = await NestFactory.createApplicationContext(
      {
        module: class ProgressOnlyApp {},
        imports: [
          EventsModule.forRootAsync({
            useFactory: () => ({ clientId: 'test', modules, hostedModules: ['progress'], logger: silentLogger, broker }),
          }),
          ProgressModule,
        ],
      },
      { logger: false },
    );
    const registrar = app.get(EventsRegistrar);
    expect(registrar.routes).toEqual([
      expect.objectContaining({ localTopics: [], kafkaTopics: ['user.events.v2'], groupId: 'tall.progress' }),
    ]);
    await registrar.consumersReady();
    // Another process's relay produced it.
    await broker.produce([event(7)]);
    expect(received).toEqual([{ n: 7 }]);
    expect(app.get(OutboxRelay).sources).toEqual([]);
    await app.close();
  });
});
