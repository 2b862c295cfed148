import { ContentUpdated, type ContentChange } from '@tall/admin/contracts';
import type { ContentItemState } from '@tall/admin/domain';
import { createEvent, type EventEnvelope } from '@tall/platform/event-contracts';
import { RequestContext } from '@tall/platform/observability';

/** `content.updated` for the version a publish or archive just made, keyed by the item's id. */
export function contentUpdatedEvent(item: ContentItemState, change: ContentChange, actorId: string, at: Date): EventEnvelope {
  return createEvent(
    ContentUpdated,
    { kind: item.kind, id: item.id, version: item.publishedVersion, change, actorId, at: at.toISOString() },
    { key: item.id, correlationId: RequestContext.correlationId(), actorId, occurredAt: at },
  );
}
