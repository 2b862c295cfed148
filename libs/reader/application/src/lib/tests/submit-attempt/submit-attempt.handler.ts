import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createEvent } from '@tall/platform/event-contracts';
import { TestCompleted, type AttemptResult } from '@tall/reader/contracts';
import { AnswerRejectedError, gradeAttempt, type GradedAttempt } from '@tall/reader/domain';
import { READER_CLOCK, type ReaderClock } from '../../ports/text-file-reader.port';
import { READING_STORE, type ReadingStore, type TestAttempt } from '../../ports/reading-store.port';
import { ReaderError, readerErrors } from '../../reader-error';
import { ReadableTexts } from '../../reading/readable-texts';
import { studentEventMeta } from '../../reading/text-events';
import { SubmitAttemptCommand } from './submit-attempt.command';

/** Unanswered questions count as wrong; an answer to a question the test lacks, or of the wrong shape, refuses the attempt (422). */
@CommandHandler(SubmitAttemptCommand)
export class SubmitAttemptHandler implements ICommandHandler<SubmitAttemptCommand> {
  constructor(
    @Inject(ReadableTexts) private readonly texts: ReadableTexts,
    @Inject(READING_STORE) private readonly reading: ReadingStore,
    @Inject(READER_CLOCK) private readonly clock: ReaderClock,
  ) {}

  async execute({ userId, textId, body }: SubmitAttemptCommand): Promise<AttemptResult> {
    const text = await this.texts.get(textId, userId);
    if (!text.test || text.test.questions.length === 0) throw readerErrors.testNotFound();
    let graded: GradedAttempt;
    try {
      graded = gradeAttempt(text.test.questions, body.answers);
    } catch (error) {
      if (error instanceof AnswerRejectedError) throw new ReaderError('INVALID_ANSWER', error.message);
      throw error;
    }
    const at = this.clock();
    const attempt: TestAttempt = { id: randomUUID(), userId, textId: text.id, textVersion: text.version, answers: body.answers, ...graded, at };
    const event = createEvent(
      TestCompleted,
      { userId, attemptId: attempt.id, textId: text.id, textTitle: text.title.slice(0, 200), level: text.level, score: graded.score, maxScore: graded.maxScore, at: at.toISOString() },
      studentEventMeta(userId, at),
    );
    await this.reading.addAttempt(attempt, event);
    return { id: attempt.id, score: graded.score, maxScore: graded.maxScore, results: graded.results, at: at.toISOString() };
  }
}
