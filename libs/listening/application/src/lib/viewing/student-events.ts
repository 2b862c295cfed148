import type { EventMetadata } from '@tall/platform/event-contracts';
import { RequestContext } from '@tall/platform/observability';
import type { Video } from '@tall/listening/domain';

/** What every watching event says about its video. */
export function videoFacts(userId: string, video: Video) {
  return { userId, videoId: video.id, level: video.level, durationSeconds: video.durationSeconds };
}

/** Listening events are keyed by the student, so one student's events stay in order. */
export function studentEventMeta(userId: string, at: Date): EventMetadata {
  return { key: userId, correlationId: RequestContext.correlationId(), actorId: userId, occurredAt: at };
}
