/**
 * The one envelope every integration event travels in, in memory and on Kafka.
 * `type` + `version` are the discriminator; class names never are.
 */
export interface EventEnvelope<TPayload = unknown> {
  id: string;
  type: string;
  version: number;
  topic: string;
  /** Aggregate id: Kafka message key, so events of one aggregate stay in order. */
  key: string;
  occurredAt: string;
  correlationId: string;
  causationId: string | null;
  actorId?: string | null;
  payload: TPayload;
}

/** Kafka header names carrying the envelope's identity beside the JSON value. */
export const EVENT_HEADERS = {
  id: 'event-id',
  type: 'event-type',
  version: 'event-version',
  correlationId: 'correlation-id',
} as const;
