import type { EventEnvelope } from '@tall/platform/event-contracts';

/**
 * What publishing a claimed batch came to: events `[0, published)` went out and may be marked
 * done; events `[published, published + failed)` were attempted and failed (record the attempt,
 * back off); the rest were not attempted, because nothing may overtake a failed event.
 */
export interface PublishOutcome {
  published: number;
  failed: number;
  error?: unknown;
}

/** Publishes events in order; never rejects, failures are reported in the outcome. */
export type PublishBatch = (envelopes: readonly EventEnvelope[]) => Promise<PublishOutcome>;

export interface DrainResult {
  published: number;
  failed: boolean;
  error?: unknown;
  /** The source had more than one batch ready: the relay drains again at once. */
  full: boolean;
}

export interface OutboxStats {
  pending: number;
  oldestAgeSeconds: number;
}

/**
 * One outbox the relay drains: a context's PostgreSQL table or a MongoDB collection.
 * Sources are safe to drain from several app instances at once.
 */
export interface OutboxSource {
  /** Label of the metrics and logs, e.g. `pg:profile`. */
  readonly name: string;
  /** Claims up to `limit` pending events in order, publishes them and records the outcome. */
  drain(limit: number, publish: PublishBatch): Promise<DrainResult>;
  stats(): Promise<OutboxStats>;
  /** Once before the first drain (indexes, …). */
  start?(): Promise<void>;
  /** Periodic housekeeping, e.g. deleting long-published rows. */
  maintain?(): Promise<void>;
  /** After the last drain (release leases, …). */
  stop?(): Promise<void>;
}
