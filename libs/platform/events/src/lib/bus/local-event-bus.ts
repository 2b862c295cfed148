import type { EventEnvelope } from '@tall/platform/event-contracts';
import { handlesEvent, type EventHandler } from './event-handler';

/** Raised by dispatch when handlers failed; the relay keeps the event pending and retries. */
export class EventDispatchError extends Error {
  constructor(
    readonly envelope: EventEnvelope,
    readonly failures: ReadonlyArray<{ handler: string; error: unknown }>,
  ) {
    super(
      `Event ${envelope.type} ${envelope.id} failed in ${failures
        .map(({ handler, error }) => `${handler} (${error instanceof Error ? error.message : String(error)})`)
        .join(', ')}`,
    );
    this.name = 'EventDispatchError';
  }
}

interface Subscription {
  handler: EventHandler;
  topics: ReadonlySet<string>;
}

/**
 * In-process delivery to the handlers of the modules hosted here, fed by the outbox relay.
 * Every matching handler runs (one failing does not starve the others); dispatch throws when
 * any failed, so the relay retries the event for all of them — handlers are idempotent.
 */
export class LocalEventBus {
  private readonly subscriptions = new Map<string, Subscription>();

  /** `topics` narrows the handler to the topics the routing feeds from memory. */
  subscribe(handler: EventHandler, topics: readonly string[] = handler.topics): () => void {
    if (this.subscriptions.has(handler.name)) throw new Error(`Event handler ${handler.name} is subscribed twice`);
    const unknown = topics.filter((topic) => !handler.topics.includes(topic));
    if (unknown.length > 0) throw new Error(`Event handler ${handler.name} does not handle ${unknown.join(', ')}`);
    this.subscriptions.set(handler.name, { handler, topics: new Set(topics) });
    return () => this.subscriptions.delete(handler.name);
  }

  handlersFor(envelope: EventEnvelope): EventHandler[] {
    return [...this.subscriptions.values()]
      .filter(({ handler, topics }) => topics.has(envelope.topic) && handlesEvent(handler, envelope))
      .map(({ handler }) => handler);
  }

  async dispatch(envelope: EventEnvelope): Promise<void> {
    const failures: Array<{ handler: string; error: unknown }> = [];
    for (const handler of this.handlersFor(envelope)) {
      try {
        await handler.handle(envelope);
      } catch (error) {
        failures.push({ handler: handler.name, error });
      }
    }
    if (failures.length > 0) throw new EventDispatchError(envelope, failures);
  }
}
