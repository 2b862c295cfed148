import type { ReadingTests, TextsRead } from '@tall/progress/contracts';

/** One text as the read model keeps it: the reader's events about it folded together. */
export interface TextReadingState {
  textId: string;
  /**
   * The largest running total of reading seconds reported for the text. Progressed and finished
   * events both carry the total so far, so the largest is the text's time whatever order or how
   * often they arrive; adding them up would count the same seconds again.
   */
  readingSeconds: number;
  /** The earliest text.finished; null while the text was not read to the end. */
  finishedAt: Date | null;
  /** The latest event about the text. */
  lastReadAt: Date;
}

/** One comprehension test attempt, as the reader graded it. */
export interface TestAttemptState {
  attemptId: string;
  textId: string;
  textTitle: string;
  level: string | null;
  score: number;
  maxScore: number;
  at: Date;
}

/** Attempts shown in a record, newest first. */
export const RECENT_TEST_ATTEMPTS = 10;

/** An attempt's score in percent of its test's maximum. */
export function testScorePercent(score: number, maxScore: number): number {
  // Multiplied first: 7 / 10 * 100 is 70.00000000000001 in floating point, 700 / 10 is 70.
  return (score * 100) / maxScore;
}

/**
 * The mean of the attempts' percentages: each attempt weighs the same, whatever its test's
 * maximum (a 3-point test and a 20-point test count alike). Null without attempts.
 */
export function averageTestScore(attempts: ReadonlyArray<Pick<TestAttemptState, 'score' | 'maxScore'>>): number | null {
  if (attempts.length === 0) return null;
  return attempts.reduce((sum, attempt) => sum + testScorePercent(attempt.score, attempt.maxScore), 0) / attempts.length;
}

/** Newest first; an attempt's id breaks ties, so the order does not depend on how rows were read. */
export function newestAttemptsFirst<T extends Pick<TestAttemptState, 'attemptId' | 'at'>>(attempts: readonly T[]): T[] {
  // Plain code-unit order, as PostgreSQL orders the uuid column (a locale's collation would skip the hyphens).
  const byIdDescending = (a: T, b: T) => (a.attemptId < b.attemptId ? 1 : a.attemptId > b.attemptId ? -1 : 0);
  return [...attempts].sort((a, b) => b.at.getTime() - a.at.getTime() || byIdDescending(a, b));
}

/** A student's texts: every text the reader told about counts as opened, the finished ones as read. */
export function textsRead(texts: readonly TextReadingState[]): TextsRead {
  const lastReadAt = texts.reduce<Date | null>((latest, text) => (latest === null || text.lastReadAt > latest ? text.lastReadAt : latest), null);
  return {
    opened: texts.length,
    read: texts.filter((text) => text.finishedAt !== null).length,
    readingSeconds: texts.reduce((sum, text) => sum + text.readingSeconds, 0),
    lastReadAt: lastReadAt?.toISOString() ?? null,
  };
}

/** A student's comprehension tests: every attempt counts, the most recent listed. */
export function readingTests(attempts: readonly TestAttemptState[]): ReadingTests {
  return {
    taken: attempts.length,
    averageScore: averageTestScore(attempts),
    recent: newestAttemptsFirst(attempts)
      .slice(0, RECENT_TEST_ATTEMPTS)
      .map((attempt) => ({
        attemptId: attempt.attemptId,
        textId: attempt.textId,
        textTitle: attempt.textTitle,
        level: attempt.level,
        score: attempt.score,
        maxScore: attempt.maxScore,
        at: attempt.at.toISOString(),
      })),
  };
}
