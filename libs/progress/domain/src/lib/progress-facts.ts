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
  | ReadingTestCompleted;

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
 * A scored result of a video's questions or an exercise (`activity_results`). No context publishes
 * one yet; the reader's tests reach the same table, kind `reading`, through ReadingTestCompleted.
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

/** Facts about a student's own activity: they make the student active on their day. */
export function isActivity(fact: ProgressFact): fact is ThematicReviewed | LearningReviewed | ActivityResultRecorded | TextReading | ReadingTestCompleted {
  return (
    fact.kind === 'thematicReviewed' ||
    fact.kind === 'learningReviewed' ||
    fact.kind === 'activityResult' ||
    fact.kind === 'textReading' ||
    fact.kind === 'readingTestCompleted'
  );
}
