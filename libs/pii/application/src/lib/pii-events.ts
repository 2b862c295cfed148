import { createEvent, type EventContract, type EventEnvelope, type EventPayload } from '@tall/platform/event-contracts';
import { RequestContext } from '@tall/platform/observability';

/** An envelope for the current request (or event): its correlation id and, when signed in, its actor. */
export function piiEvent<C extends EventContract>(contract: C, payload: EventPayload<C>, key: string): EventEnvelope {
  return createEvent(contract, payload, {
    key,
    correlationId: RequestContext.correlationId(),
    actorId: RequestContext.current()?.actorId ?? null,
  });
}
