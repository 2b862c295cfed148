/**
 * What the progress read model learns from the other contexts' events, in its own words. Every
 * value comes from the event (its payload or its envelope's `occurredAt`), never from the clock
 * when it is applied: replaying the same events gives the same read model.
 */
export type ProgressFact =
  | { kind: 'userRegistered'; userId: string; role: string; at: Date }
  | { kind: 'roleChanged'; userId: string; role: string }
  | { kind: 'statusChanged'; userId: string; role: string; status: AccountStatus }
  | { kind: 'userDeleted'; userId: string; at: Date }
  | { kind: 'studentLinked'; teacherId: string; studentId: string; at: Date }
  | { kind: 'studentUnlinked'; teacherId: string; studentId: string }
  | ThematicReviewed
  | TopicProgressed
  | { kind: 'topicMastered'; userId: string; topicId: string; topicSlug: string; level: string; at: Date }
  | { kind: 'learningWordAdded'; userId: string; userWordId: string; cohortWeek: string; source: string; at: Date }
  | { kind: 'learningWordRemoved'; userId: string; userWordId: string; at: Date }
  | LearningReviewed
  | LearningWeekRotated
  | ActivityResultRecorded
  | TextReading
  | ReadingTestCompleted
  | VideoWatching
  | VideoQuestionAnswered
  | ExerciseCompleted;

export type AccountStatus = 'active' | 'disabled';

export interface ThematicReviewed {
  kind: 'thematicReviewed';
  userId: string;
  topicId: string;
  wordId: string;
  correct: boolean;
  toBox: number;
  mastered: boolean;
  answeredAt: Date;
  durationMs: number;
}

export interface TopicProgressed {
  kind: 'topicProgressed';
  userId: string;
  topicId: string;
  topicSlug: string;
  level: string;
  wordCount: number;
  seen: number;
  learning: number;
  mastered: number;
  mastery: number;
  at: Date;
}

export interface LearningReviewed {
  kind: 'learningReviewed';
  userId: string;
  userWordId: string;
  cohortWeek: string;
  correct: boolean;
  state: string;
  dueAt: Date;
  answeredAt: Date;
  durationMs: number;
}

export interface LearningWeekRotated {
  kind: 'learningWeekRotated';
  userId: string;
  week: string;
  activeCohorts: string[];
  activeCards: number;
  newCohortCards: number;
  at: Date;
}

/** The kinds of results the reader, listening and exercises contexts will publish. */
export const RESULT_KINDS = ['reading', 'listening', 'exercise'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

/**
 * A scored result of one item (`activity_results`). No context publishes one as such: the reader's
 * tests (kind `reading`) and exercises (kind `exercise`) reach the same table through
 * ReadingTestCompleted and ExerciseCompleted; listening's slot is computed from its questions.
 */
export interface ActivityResultRecorded {
  kind: 'activityResult';
  userId: string;
  resultKind: ResultKind;
  itemId: string;
  /** 0..1 */
  score: number;
  at: Date;
}

/** The reader's events about one text: opened, read on, read to the end. */
export type TextReadingStep = 'opened' | 'progressed' | 'finished';

/**
 * A student opened, read on in, or finished a text. `readingSeconds` is the text's running total
 * so far (null for an opening, which carries none): the largest one seen is the text's time.
 */
export interface TextReading {
  kind: 'textReading';
  userId: string;
  textId: string;
  step: TextReadingStep;
  readingSeconds: number | null;
  at: Date;
}

/** A comprehension test handed in and graded by the reader; every attempt is one. */
export interface ReadingTestCompleted {
  kind: 'readingTestCompleted';
  userId: string;
  attemptId: string;
  textId: string;
  textTitle: string;
  level: string | null;
  score: number;
  maxScore: number;
  at: Date;
}

/** Listening's events about one video: a viewing started, watched on, watched to the end. */
export type VideoWatchingStep = 'started' | 'progressed' | 'completed';

/**
 * A student started, watched on in, or finished a video. `watchedSeconds` is the video's running
 * total so far (null for a start, which carries none): the largest one seen is the video's time.
 */
export interface VideoWatching {
  kind: 'videoWatching';
  userId: string;
  videoId: string;
  level: string;
  step: VideoWatchingStep;
  watchedSeconds: number | null;
  at: Date;
}

/** How listening graded an answer to a timed question. */
export type AnswerVerdict = 'correct' | 'wrong' | 'skipped';

/** A timed question of a video answered or skipped; every answer is one. */
export interface VideoQuestionAnswered {
  kind: 'videoQuestionAnswered';
  userId: string;
  videoId: string;
  questionId: string;
  questionKind: string;
  verdict: AnswerVerdict;
  at: Date;
}

/** An exercise handed in and graded by the exercises context; every attempt is one. */
export interface ExerciseCompleted {
  kind: 'exerciseCompleted';
  userId: string;
  attemptId: string;
  exerciseId: string;
  exerciseType: string;
  level: string;
  source: string;
  /** The Monday of a weekly exercise's week (`YYYY-MM-DD`); null for the school's own exercises. */
  weekStart: string | null;
  score: number;
  maxScore: number;
  at: Date;
}

/** Facts about a student's own activity: they make the student active on their day. */
export function isActivity(
  fact: ProgressFact,
): fact is ThematicReviewed | LearningReviewed | ActivityResultRecorded | TextReading | ReadingTestCompleted | VideoWatching | VideoQuestionAnswered | ExerciseCompleted {
  return (
    fact.kind === 'thematicReviewed' ||
    fact.kind === 'learningReviewed' ||
    fact.kind === 'activityResult' ||
    fact.kind === 'textReading' ||
    fact.kind === 'readingTestCompleted' ||
    fact.kind === 'videoWatching' ||
    fact.kind === 'videoQuestionAnswered' ||
    fact.kind === 'exerciseCompleted'
  );
}
