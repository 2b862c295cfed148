import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EventEnvelope } from './event-envelope';

export interface EventContract<TType extends string = string, TSchema extends z.ZodType = z.ZodType> {
  readonly type: TType;
  readonly version: number;
  readonly topic: string;
  readonly description: string;
  readonly schema: TSchema;
}

export type EventPayload<C extends EventContract> = z.infer<C['schema']>;

export function defineEvent<TType extends string, TSchema extends z.ZodType>(contract: {
  type: TType;
  version: number;
  topic: string;
  description: string;
  schema: TSchema;
}): EventContract<TType, TSchema> {
  if (!Number.isInteger(contract.version) || contract.version < 1) {
    throw new Error(`Event ${contract.type}: version must be a positive integer`);
  }
  return Object.freeze({ ...contract });
}

export interface EventMetadata {
  key: string;
  correlationId: string;
  causationId?: string | null;
  actorId?: string | null;
  occurredAt?: Date;
  id?: string;
}

/** Builds a validated envelope; an invalid payload is a programming error and throws. */
export function createEvent<C extends EventContract>(
  contract: C,
  payload: EventPayload<C>,
  meta: EventMetadata,
): EventEnvelope<EventPayload<C>> {
  const parsed = contract.schema.parse(payload) as EventPayload<C>;
  return {
    id: meta.id ?? randomUUID(),
    type: contract.type,
    version: contract.version,
    topic: contract.topic,
    key: meta.key,
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    correlationId: meta.correlationId,
    causationId: meta.causationId ?? null,
    actorId: meta.actorId ?? null,
    payload: parsed,
  };
}

/** Narrows an envelope to a contract's payload type when type and version match. */
export function isEvent<C extends EventContract>(
  contract: C,
  envelope: EventEnvelope,
): envelope is EventEnvelope<EventPayload<C>> {
  return envelope.type === contract.type && envelope.version === contract.version;
}
