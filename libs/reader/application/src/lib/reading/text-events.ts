import { RequestContext } from '@tall/platform/observability';
import type { EventMetadata } from '@tall/platform/event-contracts';
import type { StoredText } from '../ports/text-stores.port';

/** What every reading event says about its text: ids, source, level and size, never its words. */
export function textFacts(userId: string, text: StoredText, wordCount: number) {
  return { userId, textId: text.id, source: text.source, level: text.level, wordCount };
}

/** Reading events are keyed by the student, so one student's events stay in order. */
export function studentEventMeta(userId: string, at: Date): EventMetadata {
  return { key: userId, correlationId: RequestContext.correlationId(), actorId: userId, occurredAt: at };
}
