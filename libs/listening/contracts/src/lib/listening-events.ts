import { z } from 'zod';
import { defineEvent } from '@tall/platform/event-contracts';

/**
 * Topics the listening context publishes (their names come from the school's spec). Ids, levels,
 * seconds and verdicts only: never what a student typed as an answer.
 */
export const ListeningTopics = {
  /** Watching: a video started, watched on (throttled), watched to the end. */
  events: 'video.events.v1',
  /** Answers to a video's timed questions, graded on the server. */
  results: 'video.results.v1',
} as const;

export const VideoLevelSchema = z.enum(['A1', 'A2', 'B1', 'B2', 'C1']);
export type VideoLevel = z.infer<typeof VideoLevelSchema>;
export const QuestionKindSchema = z.enum(['multipleChoice', 'trueFalse', 'shortAnswer']);
export type QuestionKind = z.infer<typeof QuestionKindSchema>;

const VideoId = z.string().min(1).max(64);
/** What every watching event says about the video. */
const VideoFacts = {
  userId: z.uuid(),
  videoId: VideoId,
  level: VideoLevelSchema,
  durationSeconds: z.number().min(0),
};

export const VideoStarted = defineEvent({
  type: 'video.started',
  version: 1,
  topic: ListeningTopics.events,
  description: 'A student started watching a video (once per viewing session: again only after 30 minutes away).',
  schema: z.object({ ...VideoFacts, positionSeconds: z.number().min(0), at: z.iso.datetime() }),
});

export const VideoProgressed = defineEvent({
  type: 'video.progressed',
  version: 1,
  topic: ListeningTopics.events,
  description: "A student watched on: the position and the video's watching time so far (at most one event per student and video every five minutes).",
  schema: z.object({
    ...VideoFacts,
    positionSeconds: z.number().min(0),
    /** Seconds spent watching this video in total, so far. */
    watchedSeconds: z.number().min(0),
    at: z.iso.datetime(),
  }),
});

export const VideoCompleted = defineEvent({
  type: 'video.completed',
  version: 1,
  topic: ListeningTopics.events,
  description: 'A student watched a video to its end (once per student and video).',
  schema: z.object({ ...VideoFacts, watchedSeconds: z.number().min(0), at: z.iso.datetime() }),
});

export const VideoAnswered = defineEvent({
  type: 'video.answered',
  version: 1,
  topic: ListeningTopics.results,
  description: 'A student answered or skipped a timed question of a video; the server graded it. The verdict only, never the answer given.',
  schema: z.object({
    userId: z.uuid(),
    videoId: VideoId,
    questionId: z.string().min(1).max(16),
    kind: QuestionKindSchema,
    /** Null when skipped. */
    correct: z.boolean().nullable(),
    skipped: z.boolean(),
    at: z.iso.datetime(),
  }),
});

export const LISTENING_EVENT_CONTRACTS = [VideoStarted, VideoProgressed, VideoCompleted, VideoAnswered] as const;
