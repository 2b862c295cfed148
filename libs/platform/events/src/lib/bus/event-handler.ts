import type { EventEnvelope } from '@tall/platform/event-contracts';

/**
 * A subscriber of integration events. It never knows whether an event came from the local bus
 * or from Kafka, and it must be idempotent (see PgInbox / applyOnce): every event may arrive
 * more than once.
 */
export interface EventHandler {
  /** Stable across releases: it is the inbox key, e.g. 'progress.onReviewRecorded'. */
  readonly name: string;
  readonly topics: readonly string[];
  /** When set, only these event types are delivered; otherwise every event of the topics. */
  readonly types?: readonly string[];
  handle(envelope: EventEnvelope): Promise<void>;
}

export function handlesEvent(handler: EventHandler, envelope: EventEnvelope): boolean {
  return handler.topics.includes(envelope.topic) && (!handler.types || handler.types.includes(envelope.type));
}
