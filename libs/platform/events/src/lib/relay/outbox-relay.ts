import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { EventBroker } from '../broker/event-broker';
import type { LocalEventBus } from '../bus/local-event-bus';
import { defaultEventMetrics, type EventMetrics } from '../event-metrics';
import { errorFields, silentLogger, type EventsLogger } from '../events-logger';
import { backoffDelay, Sleeper, type BackoffOptions } from '../retry-backoff';
import type { DrainResult, OutboxSource, PublishOutcome } from './outbox-source';

export interface OutboxRelayOptions {
  /** In-process subscribers of the modules hosted here. */
  bus?: LocalEventBus;
  /** Kafka; without it events go to the local bus only (single process, no broker). */
  broker?: EventBroker | null;
  logger?: EventsLogger;
  metrics?: EventMetrics;
  /** Events claimed per drain. */
  batchSize?: number;
  /** Wait between polls of a source that just had events. */
  pollIntervalMs?: number;
  /**
   * Longest wait between polls of a source that stays empty: the wait doubles from pollIntervalMs
   * with each empty poll up to this (default 8 × pollIntervalMs), and drops back at the first event.
   * Idle sources (most of them, most of the time) then cost a few queries a second, not ten each.
   */
  idlePollMaxMs?: number;
  /** Wait after a failed drain, growing with consecutive failures. */
  backoff?: BackoffOptions;
  statsIntervalMs?: number;
  maintenanceIntervalMs?: number;
}

interface SourceLoop {
  source: OutboxSource;
  sleeper: Sleeper;
  /** Serialises drains of one source: the loop and drainOnce() never overlap. */
  lock: Promise<unknown>;
  running?: Promise<void>;
  started: boolean;
}

/**
 * Drains the registered outboxes: each event goes to the local bus and to the broker, and is
 * marked done only when both succeeded. A failure leaves it pending and is retried with
 * backoff; later events of the batch wait, so no event overtakes an earlier one of its key.
 * Each source runs its own loop, so one failing outbox does not hold the others back.
 */
export class OutboxRelay {
  private readonly loops: SourceLoop[] = [];
  private readonly bus?: LocalEventBus;
  private readonly broker: EventBroker | null;
  private readonly logger: EventsLogger;
  private readonly metrics: EventMetrics;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly idlePollMaxMs: number;
  private readonly backoff: BackoffOptions;
  private readonly statsIntervalMs: number;
  private readonly maintenanceIntervalMs: number;
  private running = false;

  constructor(options: OutboxRelayOptions = {}) {
    this.bus = options.bus;
    this.broker = options.broker ?? null;
    this.logger = options.logger ?? silentLogger;
    this.metrics = options.metrics ?? defaultEventMetrics();
    this.batchSize = options.batchSize ?? 2000;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.idlePollMaxMs = Math.max(this.pollIntervalMs, options.idlePollMaxMs ?? this.pollIntervalMs * 8);
    this.backoff = options.backoff ?? { initialMs: 200, maxMs: 10_000 };
    this.statsIntervalMs = options.statsIntervalMs ?? 5_000;
    this.maintenanceIntervalMs = options.maintenanceIntervalMs ?? 600_000;
  }

  get sources(): readonly OutboxSource[] {
    return this.loops.map((loop) => loop.source);
  }

  /** Sources may be registered before or after start(). */
  register(source: OutboxSource): void {
    if (this.loops.some((loop) => loop.source.name === source.name)) {
      throw new Error(`Outbox source ${source.name} is registered twice`);
    }
    const loop: SourceLoop = { source, sleeper: new Sleeper(), lock: Promise.resolve(), started: false };
    this.loops.push(loop);
    if (this.running) loop.running = this.run(loop);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    for (const loop of this.loops) loop.running = this.run(loop);
  }

  /** Stops polling; an in-flight batch is finished (and recorded) before this resolves. */
  async stop(): Promise<void> {
    this.running = false;
    this.loops.forEach((loop) => loop.sleeper.wake());
    await Promise.all(this.loops.map((loop) => loop.running));
    await Promise.all(
      this.loops.map(async (loop) => {
        try {
          if (loop.started) await loop.source.stop?.();
        } catch (error) {
          this.logger.warn({ source: loop.source.name, ...errorFields(error) }, 'outbox source did not stop cleanly');
        }
        loop.started = false;
      }),
    );
  }

  /** Wakes idle loops, e.g. right after a commit that appended events. */
  wake(): void {
    this.loops.forEach((loop) => loop.sleeper.wake());
  }

  /** One batch of every source, for tests and scripts that do not run the loops. */
  async drainOnce(): Promise<DrainResult[]> {
    const results: DrainResult[] = [];
    for (const loop of this.loops) results.push(await this.drainSource(loop));
    return results;
  }

  /** Publishes a batch: local bus first, then the broker; reports what may be marked done. */
  readonly publish = async (envelopes: readonly EventEnvelope[]): Promise<PublishOutcome> => {
    let dispatched = envelopes.length;
    let localError: unknown;
    if (this.bus) {
      for (let index = 0; index < envelopes.length; index++) {
        try {
          await this.bus.dispatch(envelopes[index]);
        } catch (error) {
          dispatched = index;
          localError = error;
          break;
        }
      }
    }
    const ready = envelopes.slice(0, dispatched);
    if (this.broker && ready.length > 0) {
      try {
        await this.broker.produce(ready);
      } catch (error) {
        new Set(ready.map((envelope) => envelope.topic)).forEach((topic) => this.metrics.produceErrors.inc({ topic }));
        // The whole produce call failed: every event in it was attempted. A local failure
        // after them was not reached by the broker, so it does not count as attempted.
        return { published: 0, failed: ready.length, error };
      }
    }
    ready.forEach((envelope) => this.metrics.eventsPublished.inc({ topic: envelope.topic }));
    return { published: ready.length, failed: localError === undefined ? 0 : 1, error: localError };
  };

  private async run(loop: SourceLoop): Promise<void> {
    let failures = 0;
    let idleWaitMs = this.pollIntervalMs;
    let statsDue = 0;
    let maintenanceDue = Date.now() + this.maintenanceIntervalMs;
    while (this.running) {
      let result: DrainResult;
      try {
        result = await this.drainSource(loop);
      } catch (error) {
        this.logger.error({ source: loop.source.name, ...errorFields(error) }, 'outbox drain failed');
        result = { published: 0, failed: true, full: false };
      }
      const now = Date.now();
      if (now >= statsDue) {
        statsDue = now + this.statsIntervalMs;
        await this.refreshStats(loop.source);
      }
      if (now >= maintenanceDue && loop.source.maintain) {
        maintenanceDue = now + this.maintenanceIntervalMs;
        await loop.source.maintain().catch((error: unknown) =>
          this.logger.warn({ source: loop.source.name, ...errorFields(error) }, 'outbox maintenance failed'),
        );
      }
      if (!this.running) break;
      if (result.failed) {
        failures++;
        await loop.sleeper.sleep(backoffDelay(failures, this.backoff));
      } else {
        failures = 0;
        // A full batch means more is waiting: drain again at once, but let I/O callbacks in.
        if (result.full && result.published > 0) await new Promise((resolve) => setImmediate(resolve));
        else {
          idleWaitMs = result.published > 0 ? this.pollIntervalMs : Math.min(idleWaitMs * 2, this.idlePollMaxMs);
          await loop.sleeper.sleep(idleWaitMs);
        }
      }
    }
  }

  private drainSource(loop: SourceLoop): Promise<DrainResult> {
    const next = loop.lock.then(async () => {
      if (!loop.started) {
        await loop.source.start?.();
        loop.started = true;
      }
      const result = await loop.source.drain(this.batchSize, this.publish);
      if (result.failed) {
        this.logger.warn(
          { source: loop.source.name, published: result.published, ...errorFields(result.error) },
          'outbox batch stopped at a failed event',
        );
      }
      return result;
    });
    loop.lock = next.catch(() => undefined);
    return next;
  }

  private async refreshStats(source: OutboxSource): Promise<void> {
    try {
      const stats = await source.stats();
      this.metrics.outboxPending.set({ source: source.name }, stats.pending);
      this.metrics.relayLagSeconds.set({ source: source.name }, stats.oldestAgeSeconds);
    } catch (error) {
      this.logger.warn({ source: source.name, ...errorFields(error) }, 'outbox stats unavailable');
    }
  }
}
