import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { EventHandler } from '../bus/event-handler';
import { defaultEventMetrics, type EventMetrics } from '../event-metrics';
import { errorFields, errorMessage, silentLogger, type EventsLogger } from '../events-logger';
import type { ParkedEvent, ParkedEventStore } from './parked-event-store';

export interface EventParkingOptions {
  /** Tries of one event by one consumer before it is parked (EVENT_MAX_ATTEMPTS). */
  maxAttempts?: number;
  /** How often the blocked keys and the gauges are read again (other instances park too). */
  refreshIntervalMs?: number;
  logger?: EventsLogger;
  metrics?: EventMetrics;
}

export interface ReplayOutcome {
  applied: number;
  remaining: number;
  error: string | null;
}

/** The consumer of a parked event is not hosted by this instance (see MODULES). */
export class ConsumerNotHostedError extends Error {
  constructor(readonly consumer: string) {
    super(`Consumer ${consumer} is not hosted by this instance`);
    this.name = 'ConsumerNotHostedError';
  }
}

const blockKey = (consumer: string, key: string): string => `${consumer}\u0000${key}`;

/**
 * Poison events, per consumer: an event a handler fails `maxAttempts` times is parked in the
 * store instead of being retried forever, so its source (an outbox batch, a Kafka partition)
 * flows again. Parking keeps per-key order: while a consumer has a parked event of a key, its
 * later events of that key are parked behind it (`waiting`); other keys, and other consumers
 * of the same event, go on. An operator replays a key's queue (oldest first) or discards.
 *
 * Attempts are counted in memory: after a restart an event gets up to `maxAttempts` more.
 * Blocked keys are cached and re-read every `refreshIntervalMs`, so another instance's parking
 * is seen within that; Kafka feeds a key to one instance at a time anyway.
 */
export class EventParking {
  private readonly maxAttempts: number;
  private readonly refreshIntervalMs: number;
  private readonly logger: EventsLogger;
  private readonly metrics: EventMetrics;
  private readonly handlers = new Map<string, EventHandler>();
  private readonly attempts = new Map<string, number>();
  private blocked = new Set<string>();
  private timer?: NodeJS.Timeout;
  private readonly knownConsumers = new Set<string>();

  constructor(
    readonly store: ParkedEventStore,
    options: EventParkingOptions = {},
  ) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.refreshIntervalMs = options.refreshIntervalMs ?? 5_000;
    this.logger = options.logger ?? silentLogger;
    this.metrics = options.metrics ?? defaultEventMetrics();
  }

  async start(): Promise<void> {
    await this.refresh();
    this.timer ??= setInterval(() => {
      this.refresh().catch((error: unknown) => this.logger.warn(errorFields(error), 'parked events unavailable'));
    }, this.refreshIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The handler as the buses should call it: failures counted, poison events parked. */
  guard(handler: EventHandler): EventHandler {
    this.handlers.set(handler.name, handler);
    return {
      name: handler.name,
      topics: handler.topics,
      types: handler.types,
      handle: (envelope) => this.handle(handler, envelope),
    };
  }

  isHosted(consumer: string): boolean {
    return this.handlers.has(consumer);
  }

  /**
   * Runs the parked events of the entry's consumer and key again, oldest first; stops at the
   * first that fails (it stays parked, as `failed`, with the new error).
   */
  async replay(entry: ParkedEvent): Promise<ReplayOutcome> {
    const handler = this.handlers.get(entry.consumer);
    if (!handler) throw new ConsumerNotHostedError(entry.consumer);
    const queue = await this.store.queue(entry.consumer, entry.envelope.key);
    let applied = 0;
    for (const parked of queue) {
      try {
        await handler.handle(parked.envelope);
      } catch (error) {
        await this.store.recordFailure(parked.id, errorMessage(error));
        this.logger.warn({ consumer: parked.consumer, eventId: parked.envelope.id, ...errorFields(error) }, 'parked event failed again on replay');
        await this.refresh();
        return { applied, remaining: queue.length - applied, error: errorMessage(error) };
      }
      await this.store.remove(parked.id);
      applied++;
    }
    this.logger.info({ consumer: entry.consumer, key: entry.envelope.key, applied }, 'parked events replayed');
    await this.refresh();
    return { applied, remaining: 0, error: null };
  }

  /** Drops one parked event; the key stays blocked while others of it are parked. */
  async discard(entry: ParkedEvent): Promise<{ remaining: number }> {
    await this.store.remove(entry.id);
    this.logger.warn({ consumer: entry.consumer, eventId: entry.envelope.id, type: entry.envelope.type }, 'parked event discarded');
    await this.refresh();
    return { remaining: (await this.store.queue(entry.consumer, entry.envelope.key)).length };
  }

  /** Reads the blocked keys and the per-consumer gauge again. */
  async refresh(): Promise<void> {
    const [keys, counts] = await Promise.all([this.store.blockedKeys(), this.store.counts()]);
    this.blocked = new Set(keys.map(({ consumer, key }) => blockKey(consumer, key)));
    const now = new Map(counts.map(({ consumer, count }) => [consumer, count]));
    for (const consumer of new Set([...this.knownConsumers, ...now.keys()])) {
      this.knownConsumers.add(consumer);
      this.metrics.parked.set({ consumer }, now.get(consumer) ?? 0);
    }
  }

  private async handle(handler: EventHandler, envelope: EventEnvelope): Promise<void> {
    const blocked = blockKey(handler.name, envelope.key);
    if (this.blocked.has(blocked)) {
      await this.park(handler.name, envelope, 'waiting', 0, null);
      return;
    }
    const attemptKey = `${handler.name}\u0000${envelope.id}`;
    try {
      await handler.handle(envelope);
      this.attempts.delete(attemptKey);
    } catch (error) {
      const attempts = (this.attempts.get(attemptKey) ?? 0) + 1;
      if (attempts < this.maxAttempts) {
        this.attempts.set(attemptKey, attempts);
        throw error;
      }
      this.attempts.delete(attemptKey);
      await this.park(handler.name, envelope, 'failed', attempts, errorMessage(error));
      this.blocked.add(blocked);
    }
  }

  private async park(consumer: string, envelope: EventEnvelope, reason: 'failed' | 'waiting', attempts: number, lastError: string | null): Promise<void> {
    await this.store.park({ consumer, envelope, reason, attempts, lastError });
    this.metrics.parkedTotal.inc({ consumer, topic: envelope.topic });
    this.metrics.parked.inc({ consumer });
    this.knownConsumers.add(consumer);
    const fields = { consumer, eventId: envelope.id, type: envelope.type, topic: envelope.topic, key: envelope.key, attempts, reason };
    if (reason === 'failed') this.logger.error({ ...fields, lastError }, 'event parked after repeated failures');
    else this.logger.warn(fields, 'event parked behind an earlier parked event of its key');
  }
}
