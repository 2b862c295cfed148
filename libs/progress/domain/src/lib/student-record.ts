import {
  PROGRESS_TIME_ZONE,
  REVIEW_SERIES_DAYS,
  type ResultSlot,
  type StudentRecord,
  type StudentSummary,
} from '@tall/progress/contracts';
import { accuracy, inactiveDays, isInactive, streakOn } from './activity-policy';
import { dayOf, daysEndingWith, isoWeekOf, type Day } from '@tall/platform/calendar';
import type { AccountStatus, ResultKind } from './progress-facts';
import { readingTests, testScorePercent, textsRead, type TestAttemptState, type TextReadingState } from './reading-policy';
import { answerRate, listeningSlot, videosWatched, type VideoQuestionState, type VideoWatchState } from './listening-policy';
import { exerciseAttempts, type ExerciseAttemptState } from './exercise-policy';

/** A student's stored counters: what the list sorts on and the record starts from. */
export interface StudentActivityState {
  status: AccountStatus;
  firstActiveAt: Date | null;
  lastActiveAt: Date | null;
  daysActive: number;
  runEndDay: Day | null;
  runLength: number;
  reviewsTotal: number;
  reviewsCorrect: number;
  thematicReviews: number;
  learningReviews: number;
  wordsSeen: number;
  wordsMastered: number;
}

export const EMPTY_ACTIVITY: StudentActivityState = {
  status: 'active',
  firstActiveAt: null,
  lastActiveAt: null,
  daysActive: 0,
  runEndDay: null,
  runLength: 0,
  reviewsTotal: 0,
  reviewsCorrect: 0,
  thematicReviews: 0,
  learningReviews: 0,
  wordsSeen: 0,
  wordsMastered: 0,
};

/**
 * What a dashboard row shows of the reader, aggregated by the store over the student's texts and
 * test attempts with the rules of textsRead and readingTests.
 */
export interface ReadingTotals {
  textsRead: number;
  testsTaken: number;
  /** Mean of the attempts' percentages (averageTestScore); null without attempts. */
  averageTestScore: number | null;
  /** The newest attempt (newestAttemptsFirst); null without attempts. */
  lastTest: { score: number; maxScore: number } | null;
}

export const NO_READING: ReadingTotals = { textsRead: 0, testsTaken: 0, averageTestScore: null, lastTest: null };

/** What a dashboard row shows of listening, aggregated by the store with the rules of videosWatched. */
export interface ListeningTotals {
  videosWatched: number;
  questionsAsked: number;
  questionsAnswered: number;
}

export const NO_LISTENING: ListeningTotals = { videosWatched: 0, questionsAsked: 0, questionsAnswered: 0 };

/** What a dashboard row shows of exercises, aggregated by the store with the rules of exerciseAttempts. */
export interface ExerciseTotals {
  exercisesDone: number;
  /** Mean of the attempts' percentages; null without attempts. */
  averageScore: number | null;
}

export const NO_EXERCISES: ExerciseTotals = { exercisesDone: 0, averageScore: null };

/** A row of the student table as stored: counters plus this week's mastery change and the totals of reading, listening and exercises. */
export interface StudentRowState extends StudentActivityState {
  studentId: string;
  masteredThisWeek: number;
  reading: ReadingTotals;
  listening: ListeningTotals;
  exercises: ExerciseTotals;
}

export interface TopicState {
  topicId: string;
  topicSlug: string | null;
  level: string | null;
  wordCount: number;
  seen: number;
  learning: number;
  mastered: number;
  mastery: number;
  masteredAt: Date | null;
  updatedAt: Date | null;
}

export interface LearningCardState {
  cohortWeek: string;
  dueAt: Date | null;
  lastAnsweredAt: Date | null;
}

export interface LearningWeekState {
  week: string;
  activeCohorts: string[];
  activeCards: number;
}

export interface ResultState {
  kind: ResultKind;
  itemId: string;
  attempts: number;
  lastScore: number;
  lastAt: Date;
}

/** Everything stored about one student; the record is computed from it at `now`. */
export interface StudentRecordState {
  studentId: string;
  activity: StudentActivityState | null;
  /** Reviews per day; days outside the series are ignored. */
  days: ReadonlyArray<{ day: Day; reviews: number; correct: number }>;
  /** Mastery gained and lost per ISO week. */
  weeklyMastery: ReadonlyArray<{ week: string; gained: number; lost: number }>;
  topics: readonly TopicState[];
  learningCards: readonly LearningCardState[];
  /** The rotation of the week asked about, if it ran. */
  learningWeeks: readonly LearningWeekState[];
  results: readonly ResultState[];
  /** Every text the reader told about. */
  texts: readonly TextReadingState[];
  /** Every comprehension test attempt. */
  testAttempts: readonly TestAttemptState[];
  /** Every video listening told about. */
  videos: readonly VideoWatchState[];
  /** Every timed question the student answered or skipped. */
  videoQuestions: readonly VideoQuestionState[];
  /** Every exercise attempt. */
  exerciseAttempts: readonly ExerciseAttemptState[];
}

export interface Today {
  now: Date;
  today: Day;
  week: string;
}

export function todayAt(now: Date): Today {
  return { now, today: dayOf(now, PROGRESS_TIME_ZONE), week: isoWeekOf(now, PROGRESS_TIME_ZONE) };
}

/** One row of the teacher dashboard, without the name (pii's to tell). */
export function studentSummary(row: StudentRowState, at: Today): Omit<StudentSummary, 'name'> {
  const run = row.runEndDay ? { endDay: row.runEndDay, length: row.runLength } : null;
  return {
    studentId: row.studentId,
    status: row.status,
    lastActiveAt: row.lastActiveAt?.toISOString() ?? null,
    daysActive: row.daysActive,
    streak: streakOn(run, at.today),
    masteredThisWeek: row.masteredThisWeek,
    wordsMastered: row.wordsMastered,
    reviews: row.reviewsTotal,
    accuracy: accuracy(row.reviewsCorrect, row.reviewsTotal),
    inactive: isInactive(row.lastActiveAt, at.now),
    inactiveDays: inactiveDays(row.lastActiveAt, at.now),
    textsRead: row.reading.textsRead,
    testsTaken: row.reading.testsTaken,
    averageTestScore: row.reading.averageTestScore,
    lastTestScore: row.reading.lastTest ? testScorePercent(row.reading.lastTest.score, row.reading.lastTest.maxScore) : null,
    videosWatched: row.listening.videosWatched,
    answerRate: answerRate(row.listening.questionsAsked, row.listening.questionsAnswered),
    exercisesDone: row.exercises.exercisesDone,
    averageExerciseScore: row.exercises.averageScore,
  };
}

const RECENT_RESULTS = 10;

function resultSlot(results: readonly ResultState[], kind: ResultKind): ResultSlot {
  const mine = results.filter((result) => result.kind === kind).sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime() || a.itemId.localeCompare(b.itemId));
  return {
    completed: mine.length,
    attempts: mine.reduce((sum, result) => sum + result.attempts, 0),
    averageScore: mine.length > 0 ? mine.reduce((sum, result) => sum + result.lastScore, 0) / mine.length : null,
    lastAt: mine[0]?.lastAt.toISOString() ?? null,
    recent: mine.slice(0, RECENT_RESULTS).map((result) => ({ itemId: result.itemId, score: result.lastScore, attempts: result.attempts, at: result.lastAt.toISOString() })),
  };
}

/** A student's full record as of `at`: values that depend on today are computed here, not stored. */
export function studentRecord(state: StudentRecordState, at: Today): StudentRecord {
  const activity = state.activity ?? EMPTY_ACTIVITY;
  const summary = studentSummary({ ...activity, studentId: state.studentId, masteredThisWeek: 0, reading: NO_READING, listening: NO_LISTENING, exercises: NO_EXERCISES }, at);
  const byDay = new Map(state.days.map((day) => [day.day, day]));
  const thisWeek = state.weeklyMastery.find((week) => week.week === at.week);
  const rotation = state.learningWeeks.find((week) => week.week === at.week);
  // Before this week's rotation ran, this week's own cohort is what the student studies.
  const activeCohorts = rotation ? [...rotation.activeCohorts].sort() : [at.week];
  const active = state.learningCards.filter((card) => activeCohorts.includes(card.cohortWeek));
  const dayIn = (instant: Date | null) => (instant ? dayOf(instant, PROGRESS_TIME_ZONE) : null);
  return {
    studentId: state.studentId,
    status: activity.status,
    asOf: at.now.toISOString(),
    timeZone: PROGRESS_TIME_ZONE,
    today: at.today,
    week: at.week,
    activity: {
      firstActiveAt: activity.firstActiveAt?.toISOString() ?? null,
      lastActiveAt: summary.lastActiveAt,
      daysActive: activity.daysActive,
      streak: summary.streak,
      inactive: summary.inactive,
      inactiveDays: summary.inactiveDays,
    },
    reviews: {
      total: activity.reviewsTotal,
      correct: activity.reviewsCorrect,
      accuracy: summary.accuracy,
      thematic: activity.thematicReviews,
      learning: activity.learningReviews,
      perDay: daysEndingWith(at.today, REVIEW_SERIES_DAYS).map((day) => ({ day, reviews: byDay.get(day)?.reviews ?? 0, correct: byDay.get(day)?.correct ?? 0 })),
    },
    words: {
      seen: activity.wordsSeen,
      learning: activity.wordsSeen - activity.wordsMastered,
      mastered: activity.wordsMastered,
      masteredThisWeek: thisWeek ? thisWeek.gained - thisWeek.lost : 0,
    },
    topics: [...state.topics]
      .sort((a, b) => a.topicId.localeCompare(b.topicId))
      .map((topic) => ({
        topicId: topic.topicId,
        topicSlug: topic.topicSlug,
        level: topic.level,
        wordCount: topic.wordCount,
        seen: topic.seen,
        learning: topic.learning,
        mastered: topic.mastered,
        mastery: topic.mastery,
        masteredAt: topic.masteredAt?.toISOString() ?? null,
        updatedAt: topic.updatedAt?.toISOString() ?? null,
      })),
    learningCards: {
      week: at.week,
      cohortSize: state.learningCards.filter((card) => card.cohortWeek === at.week).length,
      activeCohorts,
      activeCards: rotation ? rotation.activeCards : active.length,
      due: active.filter((card) => card.dueAt === null || (dayIn(card.dueAt) ?? '') <= at.today).length,
      done: active.filter((card) => dayIn(card.lastAnsweredAt) === at.today).length,
      totalWords: state.learningCards.length,
    },
    reading: resultSlot(state.results, 'reading'),
    listening: listeningSlot(state.videoQuestions),
    exercises: resultSlot(state.results, 'exercise'),
    texts: textsRead(state.texts),
    readingTests: readingTests(state.testAttempts),
    videos: videosWatched(state.videos, state.videoQuestions),
    exerciseAttempts: exerciseAttempts(state.exerciseAttempts),
  };
}
