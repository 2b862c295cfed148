import { randomUUID } from 'node:crypto';
import { createEvent, type EventEnvelope } from '@tall/platform/event-contracts';
import { TeacherStudentLinked, TeacherStudentUnlinked, UserCreated, UserDeleted, UserDisabled, UserRoleChanged } from '@tall/profile/contracts';
import type { ProgressSourceTopics } from '@tall/progress/contracts';
import { TestCompleted, TextFinished, TextOpened, TextProgressed } from '@tall/reader/contracts';
import { ExerciseCompleted, type ExerciseType } from '@tall/exercises/contracts';
import { VideoAnswered, VideoCompleted, VideoProgressed, VideoStarted } from '@tall/listening/contracts';
import {
  LearningCardReviewed,
  LearningWeekRotated,
  LearningWordAdded,
  LearningWordRemoved,
  ThematicCardReviewed,
  ThematicTopicMastered,
  ThematicTopicProgressed,
  type LearningRating,
} from '@tall/vocabulary/contracts';

const meta = (key: string, occurredAt?: Date) => ({ key, correlationId: 'progress-test', ...(occurredAt ? { occurredAt } : {}) });
const iso = (date: Date | string) => new Date(date).toISOString();

/** What every reading event says about its text (a library text of level A2 unless told). */
const textFacts = (userId: string, textId: string) => ({ userId, textId, source: 'library' as const, level: 'A2' as const, wordCount: 350 });

/** What every watching event says about its video (an A1 video of 20 s unless told). */
const videoFacts = (userId: string, videoId: string) => ({ userId, videoId, level: 'A1' as const, durationSeconds: 20 });

/**
 * Envelopes as the profile, vocabulary, reader, listening and exercises relays publish them (key = the user, or the
 * teacher for links). `retopic` moves them to test-only topics, so a test replays only its own events.
 */
export const progressTestEvents = {
  userCreated: (userId: string, role: 'STUDENT' | 'TEACHER' | 'EDU_ADMIN' | 'TECH_ADMIN' = 'STUDENT', at = new Date('2026-05-01T08:00:00Z')) =>
    createEvent(UserCreated, { userId, role, origin: 'admin', createdAt: iso(at) }, meta(userId)),
  roleChanged: (userId: string, previousRole: 'STUDENT' | 'TEACHER', role: 'STUDENT' | 'TEACHER') =>
    createEvent(UserRoleChanged, { userId, previousRole, role }, meta(userId)),
  disabled: (userId: string) => createEvent(UserDisabled, { userId, role: 'STUDENT' }, meta(userId)),
  deleted: (userId: string, at = new Date('2026-05-20T08:00:00Z')) => createEvent(UserDeleted, { userId, role: 'STUDENT', deletedAt: iso(at) }, meta(userId)),
  linked: (teacherId: string, studentId: string, at = new Date('2026-05-01T09:00:00Z')) =>
    createEvent(TeacherStudentLinked, { teacherId, studentId }, meta(teacherId, at)),
  unlinked: (teacherId: string, studentId: string) => createEvent(TeacherStudentUnlinked, { teacherId, studentId, reason: 'unlinked' }, meta(teacherId)),
  thematic: (userId: string, review: { wordId: string; topicId?: string; correct?: boolean; mastered?: boolean; toBox?: number; answeredAt: Date | string; durationMs?: number }) =>
    createEvent(
      ThematicCardReviewed,
      {
        userId,
        reviewId: randomUUID(),
        topicId: review.topicId ?? 'topic-food',
        wordId: review.wordId,
        mode: 'recall',
        correct: review.correct ?? true,
        fromBox: 0,
        toBox: review.toBox ?? (review.mastered ? 5 : 2),
        mastered: review.mastered ?? false,
        dueAt: iso(new Date(new Date(review.answeredAt).getTime() + 86_400_000)),
        answeredAt: iso(review.answeredAt),
        durationMs: review.durationMs ?? 1500,
      },
      meta(userId),
    ),
  topicProgressed: (userId: string, topicId: string, counts: { seen: number; learning: number; mastered: number; wordCount?: number; at: Date | string }) =>
    createEvent(
      ThematicTopicProgressed,
      {
        userId,
        topicId,
        topicSlug: `slug-${topicId}`,
        level: 'A1',
        wordCount: counts.wordCount ?? 20,
        seen: counts.seen,
        learning: counts.learning,
        mastered: counts.mastered,
        mastery: counts.mastered / (counts.wordCount ?? 20),
        at: iso(counts.at),
      },
      meta(userId),
    ),
  topicMastered: (userId: string, topicId: string, at: Date | string) =>
    createEvent(ThematicTopicMastered, { userId, topicId, topicSlug: `slug-${topicId}`, level: 'A1', at: iso(at) }, meta(userId)),
  wordAdded: (userId: string, userWordId: string, cohortWeek: string, at: Date | string) =>
    createEvent(LearningWordAdded, { userId, userWordId, source: 'own', wordId: null, cohortWeek, at: iso(at) }, meta(userId)),
  wordRemoved: (userId: string, userWordId: string, cohortWeek: string, at: Date | string) =>
    createEvent(LearningWordRemoved, { userId, userWordId, cohortWeek, at: iso(at) }, meta(userId)),
  learning: (userId: string, review: { userWordId: string; cohortWeek: string; rating?: LearningRating; dueAt: Date | string; answeredAt: Date | string }) =>
    createEvent(
      LearningCardReviewed,
      {
        userId,
        reviewId: randomUUID(),
        userWordId: review.userWordId,
        cohortWeek: review.cohortWeek,
        rating: review.rating ?? 'good',
        state: 'review',
        stability: 3.2,
        difficulty: 5.1,
        dueAt: iso(review.dueAt),
        answeredAt: iso(review.answeredAt),
        durationMs: 2000,
      },
      meta(userId),
    ),
  rotated: (userId: string, week: string, activeCohorts: string[], activeCards: number, at: Date | string) =>
    createEvent(LearningWeekRotated, { userId, week, activeCohorts, activeCards, newCohortCards: 0, at: iso(at) }, meta(userId)),
  textOpened: (userId: string, textId: string, at: Date | string) => createEvent(TextOpened, { ...textFacts(userId, textId), at: iso(at) }, meta(userId)),
  textProgressed: (userId: string, textId: string, readingSeconds: number, at: Date | string, paragraph = 3) =>
    createEvent(TextProgressed, { ...textFacts(userId, textId), paragraph, paragraphs: 10, readingSeconds, at: iso(at) }, meta(userId)),
  textFinished: (userId: string, textId: string, readingSeconds: number, at: Date | string) =>
    createEvent(TextFinished, { ...textFacts(userId, textId), readingSeconds, at: iso(at) }, meta(userId)),
  testCompleted: (userId: string, test: { textId: string; textTitle?: string; score: number; maxScore: number; at: Date | string; attemptId?: string; level?: 'A1' | 'A2' | 'B1' | null }) =>
    createEvent(
      TestCompleted,
      {
        userId,
        attemptId: test.attemptId ?? randomUUID(),
        textId: test.textId,
        textTitle: test.textTitle ?? `Title of ${test.textId}`,
        level: test.level === undefined ? 'A2' : test.level,
        score: test.score,
        maxScore: test.maxScore,
        at: iso(test.at),
      },
      meta(userId),
    ),
  videoStarted: (userId: string, videoId: string, at: Date | string, positionSeconds = 0) =>
    createEvent(VideoStarted, { ...videoFacts(userId, videoId), positionSeconds, at: iso(at) }, meta(userId)),
  videoProgressed: (userId: string, videoId: string, watchedSeconds: number, at: Date | string) =>
    createEvent(VideoProgressed, { ...videoFacts(userId, videoId), positionSeconds: Math.min(watchedSeconds, 20), watchedSeconds, at: iso(at) }, meta(userId)),
  videoCompleted: (userId: string, videoId: string, watchedSeconds: number, at: Date | string) =>
    createEvent(VideoCompleted, { ...videoFacts(userId, videoId), watchedSeconds, at: iso(at) }, meta(userId)),
  /** An answer to a timed question: right, wrong, or skipped. */
  videoAnswered: (userId: string, videoId: string, questionId: string, verdict: 'correct' | 'wrong' | 'skipped', at: Date | string) =>
    createEvent(
      VideoAnswered,
      { userId, videoId, questionId, kind: 'multipleChoice', correct: verdict === 'skipped' ? null : verdict === 'correct', skipped: verdict === 'skipped', at: iso(at) },
      meta(userId),
    ),
  exerciseCompleted: (
    userId: string,
    attempt: { exerciseId: string; score: number; maxScore: number; at: Date | string; attemptId?: string; type?: ExerciseType; weekStart?: string },
  ) =>
    createEvent(
      ExerciseCompleted,
      {
        userId,
        attemptId: attempt.attemptId ?? randomUUID(),
        exerciseId: attempt.exerciseId,
        type: attempt.type ?? 'cloze',
        level: 'A1',
        source: attempt.weekStart ? 'weekly' : 'authored',
        ...(attempt.weekStart ? { weekStart: attempt.weekStart } : {}),
        score: attempt.score,
        maxScore: attempt.maxScore,
        at: iso(attempt.at),
      },
      meta(userId),
    ),
};

/** The same envelope on a test topic (see PROGRESS_SOURCE_TOPICS for the real names). */
export function retopic(envelope: EventEnvelope, real: ProgressSourceTopics, test: ProgressSourceTopics): EventEnvelope {
  const source = (Object.keys(real) as Array<keyof ProgressSourceTopics>).find((key) => real[key] === envelope.topic);
  if (!source) throw new Error(`${envelope.topic} is not a progress source topic`);
  return { ...envelope, topic: test[source] };
}
