import type { EventEnvelope } from '@tall/platform/event-contracts';
import { z } from 'zod';

// Only the envelope is checked here; payloads are checked against their contracts by whoever
// knows the contract (createEvent on the way in, a handler on the way out if it wishes).
const envelopeSchema = z.looseObject({
  id: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  topic: z.string().min(1),
  key: z.string().min(1),
  occurredAt: z.string().min(1),
  correlationId: z.string(),
  causationId: z.string().nullable(),
  actorId: z.string().nullable().optional(),
  payload: z.unknown(),
});

/** Throws when `value` is not an event envelope. */
export function parseEnvelope(value: unknown): EventEnvelope {
  const result = envelopeSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '$'}: ${issue.message}`);
    throw new Error(`Not an event envelope (${problems.join('; ')})`);
  }
  return result.data as EventEnvelope;
}

export function assertEnvelopes(envelopes: readonly EventEnvelope[]): void {
  envelopes.forEach((envelope) => parseEnvelope(envelope));
}
