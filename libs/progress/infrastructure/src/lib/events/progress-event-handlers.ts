import { isEvent, type EventContract, type EventEnvelope } from '@tall/platform/event-contracts';
import type { EventHandler } from '@tall/platform/events';
import {
  TeacherStudentLinked,
  TeacherStudentUnlinked,
  UserCreated,
  UserDeleted,
  UserDisabled,
  UserEnabled,
  UserRoleChanged,
} from '@tall/profile/contracts';
import { ExerciseCompleted } from '@tall/exercises/contracts';
import { VideoAnswered, VideoCompleted, VideoProgressed, VideoStarted } from '@tall/listening/contracts';
import { PROGRESS_SOURCE_TOPICS, type ProgressSourceTopics } from '@tall/progress/contracts';
import { TestCompleted, TextFinished, TextOpened, TextProgressed } from '@tall/reader/contracts';
import { answerVerdict, learningReviewCorrect, type ProgressFact } from '@tall/progress/domain';
import {
  LearningCardReviewed,
  LearningWeekRotated,
  LearningWordAdded,
  LearningWordRemoved,
  ThematicCardReviewed,
  ThematicTopicMastered,
  ThematicTopicProgressed,
} from '@tall/vocabulary/contracts';
import { RecordProgressFactCommand, type ProgressLogger } from '@tall/progress/application';

/** Stable handler names: they are the inbox keys, so renaming one re-applies every event. */
export const PROGRESS_HANDLERS = {
  users: 'progress.users',
  thematicCards: 'progress.thematicCards',
  thematicProgress: 'progress.thematicProgress',
  learningCards: 'progress.learningCards',
  learningSchedule: 'progress.learningSchedule',
  reading: 'progress.reading',
  watching: 'progress.watching',
  videoAnswers: 'progress.videoAnswers',
  exercises: 'progress.exercises',
} as const satisfies Record<keyof ProgressSourceTopics, string>;

/**
 * Executes RecordProgressFact: the app's CommandBus, or, in a rebuild (a script without a Nest
 * container), the command's handler itself.
 */
export interface ProgressFactRecorder {
  execute(command: RecordProgressFactCommand): Promise<boolean>;
}

type Translation = { contract: EventContract; fact: (payload: never, envelope: EventEnvelope) => ProgressFact };

const on = <C extends EventContract>(contract: C, fact: (payload: ReturnType<C['schema']['parse']>, envelope: EventEnvelope) => ProgressFact): Translation => ({
  contract,
  fact: fact as Translation['fact'],
});

const date = (value: string) => new Date(value);

/** How each consumed event becomes a fact of the read model, by topic. */
const TRANSLATIONS: Record<keyof ProgressSourceTopics, Translation[]> = {
  users: [
    on(UserCreated, (p) => ({ kind: 'userRegistered', userId: p.userId, role: p.role, at: date(p.createdAt) })),
    on(UserRoleChanged, (p) => ({ kind: 'roleChanged', userId: p.userId, role: p.role })),
    on(UserDisabled, (p) => ({ kind: 'statusChanged', userId: p.userId, role: p.role, status: 'disabled' })),
    on(UserEnabled, (p) => ({ kind: 'statusChanged', userId: p.userId, role: p.role, status: 'active' })),
    on(UserDeleted, (p) => ({ kind: 'userDeleted', userId: p.userId, at: date(p.deletedAt) })),
    // Link events carry no time of their own: the envelope's, which a replay keeps.
    on(TeacherStudentLinked, (p, envelope) => ({ kind: 'studentLinked', teacherId: p.teacherId, studentId: p.studentId, at: date(envelope.occurredAt) })),
    on(TeacherStudentUnlinked, (p) => ({ kind: 'studentUnlinked', teacherId: p.teacherId, studentId: p.studentId })),
  ],
  thematicCards: [
    on(ThematicCardReviewed, (p) => ({
      kind: 'thematicReviewed',
      userId: p.userId,
      topicId: p.topicId,
      wordId: p.wordId,
      correct: p.correct,
      toBox: p.toBox,
      mastered: p.mastered,
      answeredAt: date(p.answeredAt),
      durationMs: p.durationMs,
    })),
  ],
  thematicProgress: [
    on(ThematicTopicProgressed, (p) => ({
      kind: 'topicProgressed',
      userId: p.userId,
      topicId: p.topicId,
      topicSlug: p.topicSlug,
      level: p.level,
      wordCount: p.wordCount,
      seen: p.seen,
      learning: p.learning,
      mastered: p.mastered,
      mastery: p.mastery,
      at: date(p.at),
    })),
    on(ThematicTopicMastered, (p) => ({ kind: 'topicMastered', userId: p.userId, topicId: p.topicId, topicSlug: p.topicSlug, level: p.level, at: date(p.at) })),
  ],
  learningCards: [
    on(LearningWordAdded, (p) => ({ kind: 'learningWordAdded', userId: p.userId, userWordId: p.userWordId, cohortWeek: p.cohortWeek, source: p.source, at: date(p.at) })),
    on(LearningWordRemoved, (p) => ({ kind: 'learningWordRemoved', userId: p.userId, userWordId: p.userWordId, at: date(p.at) })),
    on(LearningCardReviewed, (p) => ({
      kind: 'learningReviewed',
      userId: p.userId,
      userWordId: p.userWordId,
      cohortWeek: p.cohortWeek,
      correct: learningReviewCorrect(p.rating),
      state: p.state,
      dueAt: date(p.dueAt),
      answeredAt: date(p.answeredAt),
      durationMs: p.durationMs,
    })),
  ],
  learningSchedule: [
    on(LearningWeekRotated, (p) => ({
      kind: 'learningWeekRotated',
      userId: p.userId,
      week: p.week,
      activeCohorts: [...p.activeCohorts],
      activeCards: p.activeCards,
      newCohortCards: p.newCohortCards,
      at: date(p.at),
    })),
  ],
  reading: [
    on(TextOpened, (p) => ({ kind: 'textReading', userId: p.userId, textId: p.textId, step: 'opened', readingSeconds: null, at: date(p.at) })),
    on(TextProgressed, (p) => ({ kind: 'textReading', userId: p.userId, textId: p.textId, step: 'progressed', readingSeconds: p.readingSeconds, at: date(p.at) })),
    on(TextFinished, (p) => ({ kind: 'textReading', userId: p.userId, textId: p.textId, step: 'finished', readingSeconds: p.readingSeconds, at: date(p.at) })),
    on(TestCompleted, (p) => ({
      kind: 'readingTestCompleted',
      userId: p.userId,
      attemptId: p.attemptId,
      textId: p.textId,
      textTitle: p.textTitle,
      level: p.level,
      // The contract does not tie the two together; a test cannot give more than its maximum.
      score: Math.min(p.score, p.maxScore),
      maxScore: p.maxScore,
      at: date(p.at),
    })),
  ],
  watching: [
    on(VideoStarted, (p) => ({ kind: 'videoWatching', userId: p.userId, videoId: p.videoId, level: p.level, step: 'started', watchedSeconds: null, at: date(p.at) })),
    on(VideoProgressed, (p) => ({ kind: 'videoWatching', userId: p.userId, videoId: p.videoId, level: p.level, step: 'progressed', watchedSeconds: p.watchedSeconds, at: date(p.at) })),
    on(VideoCompleted, (p) => ({ kind: 'videoWatching', userId: p.userId, videoId: p.videoId, level: p.level, step: 'completed', watchedSeconds: p.watchedSeconds, at: date(p.at) })),
  ],
  videoAnswers: [
    on(VideoAnswered, (p) => ({
      kind: 'videoQuestionAnswered',
      userId: p.userId,
      videoId: p.videoId,
      questionId: p.questionId,
      questionKind: p.kind,
      verdict: answerVerdict(p),
      at: date(p.at),
    })),
  ],
  exercises: [
    on(ExerciseCompleted, (p) => ({
      kind: 'exerciseCompleted',
      userId: p.userId,
      attemptId: p.attemptId,
      exerciseId: p.exerciseId,
      exerciseType: p.type,
      level: p.level,
      source: p.source,
      weekStart: p.weekStart ?? null,
      // As for the reader's tests: an attempt cannot give more than its maximum.
      score: Math.min(p.score, p.maxScore),
      maxScore: p.maxScore,
      at: date(p.at),
    })),
  ],
};

/**
 * One handler per consumed topic, so a build without the publishing context simply does not
 * subscribe it. The same handlers run in-process, from Kafka, and in a rebuild: each turns an
 * envelope into the fact it means and records it with RecordProgressFact (applied once, inbox),
 * deriving everything from the event itself.
 */
export function progressEventHandlers(
  recorder: ProgressFactRecorder,
  options: { topics?: ProgressSourceTopics; logger?: ProgressLogger } = {},
): EventHandler[] {
  const topics = options.topics ?? PROGRESS_SOURCE_TOPICS;
  return (Object.keys(TRANSLATIONS) as Array<keyof ProgressSourceTopics>).map((source) => {
    const name = PROGRESS_HANDLERS[source];
    const translations = TRANSLATIONS[source];
    return {
      name,
      topics: [topics[source]],
      types: [...new Set(translations.map((translation) => translation.contract.type))],
      async handle(envelope: EventEnvelope): Promise<void> {
        const translation = translations.find((candidate) => isEvent(candidate.contract, envelope));
        if (!translation) return; // another version of a type we know: not ours to guess
        const parsed = translation.contract.schema.safeParse(envelope.payload);
        if (!parsed.success) {
          // Retrying cannot repair it and blocking would stop the student's partition.
          options.logger?.warn({ handler: name, eventId: envelope.id, type: envelope.type, issues: parsed.error.issues.length }, 'skipping an event whose payload breaks its contract');
          return;
        }
        await recorder.execute(new RecordProgressFactCommand({ eventId: envelope.id, handler: name }, translation.fact(parsed.data as never, envelope)));
      },
    };
  });
}
