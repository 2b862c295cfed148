import { ExerciseTopics } from '@tall/exercises/contracts';
import { ListeningTopics } from '@tall/listening/contracts';
import { ProfileTopics } from '@tall/profile/contracts';
import { ReaderTopics } from '@tall/reader/contracts';
import { VocabularyTopics } from '@tall/vocabulary/contracts';

/**
 * Every topic the progress read model is built from, and therefore every topic a rebuild replays
 * from the beginning.
 */
export const PROGRESS_SOURCE_TOPICS = {
  users: ProfileTopics.userEvents,
  thematicCards: VocabularyTopics.thematicCards,
  thematicProgress: VocabularyTopics.thematicProgress,
  learningCards: VocabularyTopics.learningCards,
  learningSchedule: VocabularyTopics.learningSchedule,
  /** Texts opened, read on and finished, and comprehension tests taken. */
  reading: ReaderTopics.events,
  /** Videos started, watched on and watched to the end. */
  watching: ListeningTopics.events,
  /** Answers to a video's timed questions: right, wrong or skipped. */
  videoAnswers: ListeningTopics.results,
  /** Exercises handed in and graded. */
  exercises: ExerciseTopics.results,
} as const;

export type ProgressSourceTopics = { -readonly [K in keyof typeof PROGRESS_SOURCE_TOPICS]: string };

/** Days of the calendar and weeks of the cohorts are those of the school. */
export const PROGRESS_TIME_ZONE = 'Europe/Amsterdam';

/** A student without activity for longer than this is flagged inactive on the dashboard. */
export const INACTIVE_AFTER_DAYS = 7;

/** Length of the reviews-per-day series in a record. */
export const REVIEW_SERIES_DAYS = 90;
