import { z } from 'zod';
import { defineEvent } from '@tall/platform/event-contracts';
import { VocabularyTopics } from './vocabulary-topics';

const UserId = z.uuid();
const Id = z.string().min(1).max(64);
/** ISO week of the Europe/Amsterdam calendar, e.g. `2026-W47`. */
export const IsoWeekSchema = z.string().regex(/^\d{4}-W\d{2}$/);
export const CefrLevelSchema = z.enum(['A1', 'A2', 'B1', 'B2']);
export type CefrLevel = z.infer<typeof CefrLevelSchema>;
export const ThematicModeSchema = z.enum(['recognition', 'recall', 'article', 'verb-forms']);
export type ThematicMode = z.infer<typeof ThematicModeSchema>;
export const LearningRatingSchema = z.enum(['again', 'hard', 'good', 'easy']);
export type LearningRating = z.infer<typeof LearningRatingSchema>;
export const FsrsStateSchema = z.enum(['new', 'learning', 'review', 'relearning']);

export const ThematicCardReviewed = defineEvent({
  type: 'thematic.card.reviewed',
  version: 1,
  topic: VocabularyTopics.thematicCards,
  description: 'A student answered a thematic card; the server checked it and moved the word between Leitner boxes.',
  schema: z.object({
    userId: UserId,
    reviewId: z.uuid(),
    topicId: Id,
    wordId: Id,
    mode: ThematicModeSchema,
    correct: z.boolean(),
    fromBox: z.int().min(0),
    toBox: z.int().min(1),
    /** Whether `toBox` is one of the top (mastered) boxes. */
    mastered: z.boolean(),
    dueAt: z.iso.datetime(),
    answeredAt: z.iso.datetime(),
    durationMs: z.int().min(0),
  }),
});

export const ThematicTopicProgressed = defineEvent({
  type: 'thematic.topic.progressed',
  version: 1,
  topic: VocabularyTopics.thematicProgress,
  description: "A student's counts on one topic changed (after a review): words seen, learning and mastered of the topic's word count.",
  schema: z.object({
    userId: UserId,
    topicId: Id,
    topicSlug: z.string().min(1),
    level: CefrLevelSchema,
    wordCount: z.int().min(0),
    seen: z.int().min(0),
    learning: z.int().min(0),
    mastered: z.int().min(0),
    /** mastered / wordCount, 0..1. */
    mastery: z.number().min(0).max(1),
    at: z.iso.datetime(),
  }),
});

export const ThematicTopicMastered = defineEvent({
  type: 'thematic.topic.mastered',
  version: 1,
  topic: VocabularyTopics.thematicProgress,
  description: "A student's share of the topic's words in the top boxes reached the mastery threshold (published once per crossing).",
  schema: z.object({ userId: UserId, topicId: Id, topicSlug: z.string().min(1), level: CefrLevelSchema, at: z.iso.datetime() }),
});

export const LearningWordAdded = defineEvent({
  type: 'learning.word.added',
  version: 1,
  topic: VocabularyTopics.learningCards,
  description: "A word joined a student's personal dictionary and the cohort of the ISO week it was added in. The lemma is not published.",
  schema: z.object({
    userId: UserId,
    userWordId: Id,
    source: z.enum(['dictionary', 'own', 'reader']),
    /** The dictionary word, when it came from the dictionary. */
    wordId: Id.nullable(),
    cohortWeek: IsoWeekSchema,
    at: z.iso.datetime(),
  }),
});

export const LearningWordRemoved = defineEvent({
  type: 'learning.word.removed',
  version: 1,
  topic: VocabularyTopics.learningCards,
  description: "A student removed a word from their personal dictionary.",
  schema: z.object({ userId: UserId, userWordId: Id, cohortWeek: IsoWeekSchema, at: z.iso.datetime() }),
});

export const LearningCardReviewed = defineEvent({
  type: 'learning.card.reviewed',
  version: 1,
  topic: VocabularyTopics.learningCards,
  description: 'A student rated a learning card; FSRS scheduled its next review.',
  schema: z.object({
    userId: UserId,
    reviewId: z.uuid(),
    userWordId: Id,
    cohortWeek: IsoWeekSchema,
    rating: LearningRatingSchema,
    state: FsrsStateSchema,
    stability: z.number().min(0),
    difficulty: z.number().min(0),
    dueAt: z.iso.datetime(),
    answeredAt: z.iso.datetime(),
    durationMs: z.int().min(0),
  }),
});

export const LearningWeekRotated = defineEvent({
  type: 'learning.week.rotated',
  version: 1,
  topic: VocabularyTopics.learningSchedule,
  description: "The weekly rotation set a student's active cohorts for an ISO week: this week's new cohort plus older ones on the expanding cycle.",
  schema: z.object({
    userId: UserId,
    week: IsoWeekSchema,
    activeCohorts: z.array(IsoWeekSchema),
    /** Cards in the active set, and of those the ones of this week's own cohort. */
    activeCards: z.int().min(0),
    newCohortCards: z.int().min(0),
    at: z.iso.datetime(),
  }),
});

export const LearningRotationCompleted = defineEvent({
  type: 'learning.rotation.completed',
  version: 1,
  topic: VocabularyTopics.learningSchedule,
  description: 'The weekly rotation finished for every student (once per ISO week).',
  schema: z.object({ week: IsoWeekSchema, students: z.int().min(0), cards: z.int().min(0), durationMs: z.int().min(0), at: z.iso.datetime() }),
});

export const VOCABULARY_EVENT_CONTRACTS = [
  ThematicCardReviewed,
  ThematicTopicProgressed,
  ThematicTopicMastered,
  LearningWordAdded,
  LearningWordRemoved,
  LearningCardReviewed,
  LearningWeekRotated,
  LearningRotationCompleted,
] as const;
