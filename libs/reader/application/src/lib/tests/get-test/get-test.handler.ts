import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ReaderTest } from '@tall/reader/contracts';
import { publicQuestions } from '@tall/reader/domain';
import { READING_STORE, type ReadingStore } from '../../ports/reading-store.port';
import { readerErrors } from '../../reader-error';
import { ReadableTexts } from '../../reading/readable-texts';
import { GetTestQuery } from './get-test.query';

@QueryHandler(GetTestQuery)
export class GetTestHandler implements IQueryHandler<GetTestQuery> {
  constructor(
    @Inject(ReadableTexts) private readonly texts: ReadableTexts,
    @Inject(READING_STORE) private readonly reading: ReadingStore,
  ) {}

  async execute({ userId, textId }: GetTestQuery): Promise<ReaderTest> {
    const text = await this.texts.get(textId, userId);
    if (!text.test || text.test.questions.length === 0) throw readerErrors.testNotFound();
    const attempts = await this.reading.attemptsOf(userId, text.id);
    return {
      textId: text.id,
      title: text.title,
      questions: publicQuestions(text.test.questions, `${text.id}:${text.version}`),
      attempts: attempts.map((attempt) => ({ id: attempt.id, score: attempt.score, maxScore: attempt.maxScore, at: attempt.at.toISOString() })),
    };
  }
}
