import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { UserDataSection } from '@tall/platform/call-contracts';
import { READING_STORE, type ReadingStore } from '../../ports/reading-store.port';
import { OWN_TEXT_STORE, type OwnTextStore } from '../../ports/text-stores.port';
import { ExportReaderDataQuery } from './export-reader-data.query';

@QueryHandler(ExportReaderDataQuery)
export class ExportReaderDataHandler implements IQueryHandler<ExportReaderDataQuery> {
  constructor(
    @Inject(OWN_TEXT_STORE) private readonly own: OwnTextStore,
    @Inject(READING_STORE) private readonly reading: ReadingStore,
  ) {}

  async execute({ userId }: ExportReaderDataQuery): Promise<UserDataSection> {
    const [texts, reading] = await Promise.all([this.own.listOf(userId), this.reading.exportOf(userId)]);
    return {
      context: 'reader',
      data: {
        ownTexts: texts.map((text) => ({ id: text.id, title: text.title, createdAt: text.createdAt.toISOString(), wordCount: text.wordCount, sections: text.sections })),
        wordStates: reading.states.map((state) => ({ ...state, updatedAt: state.updatedAt.toISOString() })),
        readingPositions: reading.progress.map((progress) => ({
          textId: progress.textId,
          paragraph: progress.paragraph,
          sentence: progress.sentence,
          readingSeconds: progress.readingSeconds,
          finished: progress.finished,
          openedAt: progress.openedAt?.toISOString() ?? null,
          updatedAt: progress.updatedAt.toISOString(),
        })),
        savedWords: reading.savedWords.map((word) => ({ ...word, savedAt: word.savedAt.toISOString() })),
        testAttempts: reading.attempts.map((attempt) => ({ ...attempt, at: attempt.at.toISOString() })),
      },
      purposes: [
        'Showing you your texts, how far you read them and which words you know',
        'Turning words you save into learning cards',
        'Grading your comprehension tests and showing your results to you and your teachers',
      ],
      retention: 'Until you delete a text or your account is erased',
      recipients: ['You', 'Your teachers (test scores and reading figures, through the progress record)'],
    };
  }
}
