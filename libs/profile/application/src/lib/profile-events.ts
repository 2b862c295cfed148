import { createEvent, type EventContract, type EventEnvelope, type EventPayload } from '@tall/platform/event-contracts';
import { RequestContext } from '@tall/platform/observability';

/** An envelope for the current request: its correlation id and, when signed in, its actor. */
export function profileEvent<C extends EventContract>(contract: C, payload: EventPayload<C>, key: string): EventEnvelope {
  const context = RequestContext.current();
  return createEvent(contract, payload, {
    key,
    correlationId: RequestContext.correlationId(),
    actorId: context?.actorId ?? null,
  });
}
