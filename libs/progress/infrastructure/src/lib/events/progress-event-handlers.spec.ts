import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { UseCasesModule } from '@tall/platform/use-cases';
import { createEvent, type EventEnvelope } from '@tall/platform/event-contracts';
import { LoginSucceeded, TeacherStudentLinked, UserCreated, UserDeleted, UserDisabled } from '@tall/profile/contracts';
import { LearningCardReviewed, LearningRotationCompleted, ThematicCardReviewed, ThematicTopicProgressed } from '@tall/vocabulary/contracts';
import { ReaderWordSaved, TestCompleted, TextFinished, TextOpened, TextProgressed } from '@tall/reader/contracts';
import { VideoAnswered, VideoCompleted, VideoProgressed, VideoStarted } from '@tall/listening/contracts';
import { ExerciseCompleted } from '@tall/exercises/contracts';
import type { ProgressFact } from '@tall/progress/domain';
import { PROGRESS_PROJECTION, progressCommandHandlers, type AppliedEvent, type ProgressProjection } from '@tall/progress/application';
import { PROGRESS_HANDLERS, progressEventHandlers } from './progress-event-handlers';

class RecordingProjection implements ProgressProjection {
  readonly applied: Array<{ event: AppliedEvent; fact: ProgressFact }> = [];
  async apply(event: AppliedEvent, fact: ProgressFact): Promise<boolean> {
    this.applied.push({ event, fact });
    return true;
  }
}

const userId = randomUUID();
const meta = { key: userId, correlationId: 'test' };

/** The adapters as the module wires them: through the CommandBus to RecordProgressFact's handler. */
async function setup() {
  const projection = new RecordingProjection();
  const moduleRef = await Test.createTestingModule({
    imports: [UseCasesModule],
    providers: [...progressCommandHandlers, { provide: PROGRESS_PROJECTION, useValue: projection }],
  }).compile();
  await moduleRef.init();
  const warnings: string[] = [];
  const handlers = progressEventHandlers(moduleRef.get(CommandBus), { logger: { warn: (_fields, message) => void warnings.push(message) } });
  const deliver = async (envelope: EventEnvelope) => {
    for (const handler of handlers.filter((candidate) => candidate.topics.includes(envelope.topic) && (!candidate.types || candidate.types.includes(envelope.type)))) {
      await handler.handle(envelope);
    }
  };
  return { projection, handlers, deliver, warnings };
}

describe('progress event handlers', () => {
  it('declare one handler per consumed topic, with stable inbox names', async () => {
    const { handlers } = await setup();
    expect(handlers.map((handler) => [handler.name, handler.topics])).toEqual([
      [PROGRESS_HANDLERS.users, ['user.events.v2']],
      [PROGRESS_HANDLERS.thematicCards, ['vocab.cards.v1']],
      [PROGRESS_HANDLERS.thematicProgress, ['vocab.progress.v1']],
      [PROGRESS_HANDLERS.learningCards, ['learning.cards.v1']],
      [PROGRESS_HANDLERS.learningSchedule, ['learning.schedule.v1']],
      [PROGRESS_HANDLERS.reading, ['reader.events.v1']],
      [PROGRESS_HANDLERS.watching, ['video.events.v1']],
      [PROGRESS_HANDLERS.videoAnswers, ['video.results.v1']],
      [PROGRESS_HANDLERS.exercises, ['exercise.results.v1']],
    ]);
    expect(handlers[0].types).toEqual(expect.arrayContaining(['user.created', 'user.deleted', 'teacher.studentLinked', 'teacher.studentUnlinked']));
    expect(handlers[4].types).toEqual(['learning.week.rotated']);
    expect(handlers[5].types).toEqual(['text.opened', 'text.progressed', 'text.finished', 'test.completed']);
    expect(handlers.slice(6).map((handler) => handler.types)).toEqual([['video.started', 'video.progressed', 'video.completed'], ['video.answered'], ['exercise.completed']]);
  });

  it('turns listening’s events into watching facts with running totals of seconds, and answers into verdicts', async () => {
    const { projection, deliver } = await setup();
    const video = { userId, videoId: 'op-de-markt', level: 'A1' as const, durationSeconds: 18.4 };
    const started = createEvent(VideoStarted, { ...video, positionSeconds: 0, at: '2026-05-03T10:00:00.000Z' }, meta);
    const progressed = createEvent(VideoProgressed, { ...video, positionSeconds: 9.5, watchedSeconds: 9.5, at: '2026-05-03T10:00:10.000Z' }, meta);
    const completed = createEvent(VideoCompleted, { ...video, watchedSeconds: 18.4, at: '2026-05-03T10:00:20.000Z' }, meta);
    const answer = (questionId: string, correct: boolean | null, skipped: boolean) =>
      createEvent(VideoAnswered, { userId, videoId: 'op-de-markt', questionId, kind: 'trueFalse', correct, skipped, at: '2026-05-03T10:00:05.000Z' }, meta);
    for (const event of [started, progressed, completed, answer('q1', true, false), answer('q2', false, false), answer('q3', null, true)]) await deliver(event);
    expect(projection.applied.map(({ event }) => event.handler)).toEqual([
      'progress.watching', 'progress.watching', 'progress.watching', 'progress.videoAnswers', 'progress.videoAnswers', 'progress.videoAnswers',
    ]);
    const at = (time: string) => new Date(`2026-05-03T10:00:${time}.000Z`);
    expect(projection.applied.map(({ fact }) => fact)).toEqual([
      { kind: 'videoWatching', userId, videoId: 'op-de-markt', level: 'A1', step: 'started', watchedSeconds: null, at: at('00') },
      { kind: 'videoWatching', userId, videoId: 'op-de-markt', level: 'A1', step: 'progressed', watchedSeconds: 9.5, at: at('10') },
      { kind: 'videoWatching', userId, videoId: 'op-de-markt', level: 'A1', step: 'completed', watchedSeconds: 18.4, at: at('20') },
      { kind: 'videoQuestionAnswered', userId, videoId: 'op-de-markt', questionId: 'q1', questionKind: 'trueFalse', verdict: 'correct', at: at('05') },
      { kind: 'videoQuestionAnswered', userId, videoId: 'op-de-markt', questionId: 'q2', questionKind: 'trueFalse', verdict: 'wrong', at: at('05') },
      { kind: 'videoQuestionAnswered', userId, videoId: 'op-de-markt', questionId: 'q3', questionKind: 'trueFalse', verdict: 'skipped', at: at('05') },
    ]);
  });

  it('turns exercise.completed into an exercise attempt, its score capped at its maximum', async () => {
    const { projection, deliver } = await setup();
    const attemptId = randomUUID();
    await deliver(
      createEvent(
        ExerciseCompleted,
        { userId, attemptId, exerciseId: 'wk-2026-w19-1-abc', type: 'cloze', level: 'A2', source: 'weekly', weekStart: '2026-05-04', score: 5, maxScore: 4, at: '2026-05-05T10:00:00.000Z' },
        meta,
      ),
    );
    await deliver(createEvent(ExerciseCompleted, { userId, attemptId: randomUUID(), exerciseId: 'a1-order-1', type: 'order', level: 'A1', source: 'authored', score: 2, maxScore: 4, at: '2026-05-05T11:00:00.000Z' }, meta));
    expect(projection.applied.map(({ event }) => event.handler)).toEqual(['progress.exercises', 'progress.exercises']);
    expect(projection.applied.map(({ fact }) => fact)).toEqual([
      {
        kind: 'exerciseCompleted', userId, attemptId, exerciseId: 'wk-2026-w19-1-abc', exerciseType: 'cloze', level: 'A2', source: 'weekly', weekStart: '2026-05-04',
        score: 4, maxScore: 4, at: new Date('2026-05-05T10:00:00.000Z'),
      },
      expect.objectContaining({ kind: 'exerciseCompleted', exerciseId: 'a1-order-1', source: 'authored', weekStart: null, score: 2 }),
    ]);
  });

  it('turns the reader’s events into reading facts: running totals of seconds, every test attempt', async () => {
    const { projection, deliver } = await setup();
    const text = { userId, textId: 'text-1', source: 'library' as const, level: 'A2' as const, wordCount: 420 };
    const opened = createEvent(TextOpened, { ...text, at: '2026-05-03T10:00:00.000Z' }, meta);
    const progressed = createEvent(TextProgressed, { ...text, paragraph: 4, paragraphs: 9, readingSeconds: 310, at: '2026-05-03T10:05:10.000Z' }, meta);
    const finished = createEvent(TextFinished, { ...text, readingSeconds: 540, at: '2026-05-03T10:09:00.000Z' }, meta);
    const attemptId = randomUUID();
    const tested = createEvent(TestCompleted, { userId, attemptId, textId: 'text-1', textTitle: 'Op de markt', level: 'A2', score: 6, maxScore: 8, at: '2026-05-03T10:15:00.000Z' }, meta);
    // Not the reader's reading topic: vocabulary takes saved words, progress does not.
    await deliver(createEvent(ReaderWordSaved, { userId, savedId: 's1', lemma: 'markt', translation: null, article: 'de', context: null, textId: 'text-1', wordId: null, at: '2026-05-03T10:01:00.000Z' }, meta));
    for (const event of [opened, progressed, finished, tested]) await deliver(event);
    expect(projection.applied.map(({ event }) => event.handler)).toEqual(['progress.reading', 'progress.reading', 'progress.reading', 'progress.reading']);
    expect(projection.applied.map(({ fact }) => fact)).toEqual([
      { kind: 'textReading', userId, textId: 'text-1', step: 'opened', readingSeconds: null, at: new Date('2026-05-03T10:00:00.000Z') },
      { kind: 'textReading', userId, textId: 'text-1', step: 'progressed', readingSeconds: 310, at: new Date('2026-05-03T10:05:10.000Z') },
      { kind: 'textReading', userId, textId: 'text-1', step: 'finished', readingSeconds: 540, at: new Date('2026-05-03T10:09:00.000Z') },
      { kind: 'readingTestCompleted', userId, attemptId, textId: 'text-1', textTitle: 'Op de markt', level: 'A2', score: 6, maxScore: 8, at: new Date('2026-05-03T10:15:00.000Z') },
    ]);
  });

  it('caps a test score at its maximum, so no record shows more than 100 %', async () => {
    const { projection, deliver } = await setup();
    await deliver(createEvent(TestCompleted, { userId, attemptId: randomUUID(), textId: 't', textTitle: 'T', level: null, score: 9, maxScore: 8, at: '2026-05-03T10:15:00.000Z' }, meta));
    expect(projection.applied.map(({ fact }) => fact)).toEqual([expect.objectContaining({ kind: 'readingTestCompleted', score: 8, maxScore: 8, level: null })]);
  });

  it('turns events into facts, with times taken from the events only', async () => {
    const { projection, deliver } = await setup();
    const teacherId = randomUUID();
    const created = createEvent(UserCreated, { userId, role: 'STUDENT', origin: 'registration', createdAt: '2026-05-01T08:00:00.000Z' }, meta);
    const linked = createEvent(TeacherStudentLinked, { teacherId, studentId: userId }, { ...meta, key: teacherId, occurredAt: new Date('2026-05-02T09:00:00Z') });
    const reviewed = createEvent(
      ThematicCardReviewed,
      { userId, reviewId: randomUUID(), topicId: 't1', wordId: 'w1', mode: 'recall', correct: true, fromBox: 4, toBox: 5, mastered: true, dueAt: '2026-05-20T08:00:00.000Z', answeredAt: '2026-05-03T10:00:00.000Z', durationMs: 1200 },
      meta,
    );
    const learned = createEvent(
      LearningCardReviewed,
      { userId, reviewId: randomUUID(), userWordId: 'u1', cohortWeek: '2026-W18', rating: 'again', state: 'relearning', stability: 1, difficulty: 5, dueAt: '2026-05-03T10:10:00.000Z', answeredAt: '2026-05-03T10:00:00.000Z', durationMs: 900 },
      meta,
    );
    for (const event of [created, linked, reviewed, learned]) await deliver(event);
    expect(projection.applied.map(({ event }) => event)).toEqual([
      { eventId: created.id, handler: 'progress.users' },
      { eventId: linked.id, handler: 'progress.users' },
      { eventId: reviewed.id, handler: 'progress.thematicCards' },
      { eventId: learned.id, handler: 'progress.learningCards' },
    ]);
    expect(projection.applied.map(({ fact }) => fact)).toEqual([
      { kind: 'userRegistered', userId, role: 'STUDENT', at: new Date('2026-05-01T08:00:00.000Z') },
      { kind: 'studentLinked', teacherId, studentId: userId, at: new Date('2026-05-02T09:00:00Z') },
      { kind: 'thematicReviewed', userId, topicId: 't1', wordId: 'w1', correct: true, toBox: 5, mastered: true, answeredAt: new Date('2026-05-03T10:00:00.000Z'), durationMs: 1200 },
      {
        kind: 'learningReviewed', userId, userWordId: 'u1', cohortWeek: '2026-W18', correct: false, state: 'relearning',
        dueAt: new Date('2026-05-03T10:10:00.000Z'), answeredAt: new Date('2026-05-03T10:00:00.000Z'), durationMs: 900,
      },
    ]);
  });

  it('maps account status and erasure', async () => {
    const { projection, deliver } = await setup();
    await deliver(createEvent(UserDisabled, { userId, role: 'STUDENT' }, meta));
    await deliver(createEvent(UserDeleted, { userId, role: 'STUDENT', deletedAt: '2026-05-04T00:00:00.000Z' }, meta));
    expect(projection.applied.map(({ fact }) => fact)).toEqual([
      { kind: 'statusChanged', userId, role: 'STUDENT', status: 'disabled' },
      { kind: 'userDeleted', userId, at: new Date('2026-05-04T00:00:00.000Z') },
    ]);
  });

  it('ignores types it does not use, unknown versions and payloads that break their contract', async () => {
    const { projection, handlers, deliver, warnings } = await setup();
    await deliver(createEvent(LearningRotationCompleted, { week: '2026-W19', students: 3, cards: 40, durationMs: 5, at: '2026-05-04T00:00:00.000Z' }, meta));
    await deliver(createEvent(LoginSucceeded, { userId, sessionId: randomUUID(), role: 'STUDENT' }, meta));
    const progressed = createEvent(
      ThematicTopicProgressed,
      { userId, topicId: 't1', topicSlug: 'food', level: 'A1', wordCount: 10, seen: 2, learning: 1, mastered: 1, mastery: 0.1, at: '2026-05-03T10:00:00.000Z' },
      meta,
    );
    const [thematicProgress] = handlers.filter((handler) => handler.name === PROGRESS_HANDLERS.thematicProgress);
    await thematicProgress.handle({ ...progressed, version: 2 });
    await thematicProgress.handle({ ...progressed, payload: { ...(progressed.payload as object), mastery: 3 } });
    expect(projection.applied).toEqual([]);
    expect(warnings).toEqual(['skipping an event whose payload breaks its contract']);
    await thematicProgress.handle(progressed);
    expect(projection.applied.map(({ fact }) => fact.kind)).toEqual(['topicProgressed']);
  });
});
