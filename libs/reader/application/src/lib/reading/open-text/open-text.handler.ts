import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createEvent } from '@tall/platform/event-contracts';
import { TextOpened, type ReaderText } from '@tall/reader/contracts';
import { READER_CLOCK, type ReaderClock } from '../../ports/text-file-reader.port';
import { READING_STORE, type ReadingProgress, type ReadingStore } from '../../ports/reading-store.port';
import { ReadableTexts } from '../readable-texts';
import { studentEventMeta, textFacts } from '../text-events';
import { TextViews } from '../text-views';
import { OpenTextCommand } from './open-text.command';

/** Away this long, and opening the text again is a new reading session (another `text.opened`). */
export const READING_SESSION_GAP_MS = 30 * 60_000;

@CommandHandler(OpenTextCommand)
export class OpenTextHandler implements ICommandHandler<OpenTextCommand> {
  constructor(
    @Inject(ReadableTexts) private readonly texts: ReadableTexts,
    @Inject(TextViews) private readonly views: TextViews,
    @Inject(READING_STORE) private readonly reading: ReadingStore,
    @Inject(READER_CLOCK) private readonly clock: ReaderClock,
  ) {}

  async execute({ userId, textId, language }: OpenTextCommand): Promise<ReaderText> {
    const text = await this.texts.get(textId, userId);
    const atomization = await this.views.atomization(text);
    const keys = await this.views.keysOf(userId, atomization);
    const [states, progress] = await Promise.all([this.reading.statesOf(userId, keys), this.reading.progressOf(userId, [text.id])]);
    const current = await this.markOpened(userId, text, atomization.atomized.paragraphs.length, atomization.atomized.wordCount, progress.get(text.id));
    const view = await this.views.view(text, userId, language, states, current);
    return { ...view, language: 'nl', version: text.version };
  }

  /** The first open, or the first after a pause, is an event; reopening within the session writes nothing. */
  private async markOpened(userId: string, text: Parameters<typeof textFacts>[1], paragraphs: number, wordCount: number, previous: ReadingProgress | undefined) {
    const at = this.clock();
    if (previous?.openedAt && at.getTime() - previous.openedAt.getTime() < READING_SESSION_GAP_MS) return previous;
    const next: ReadingProgress = previous
      ? { ...previous, paragraphs, openedAt: at, revision: previous.revision + 1 }
      : { userId, textId: text.id, paragraph: 0, sentence: 0, paragraphs, readingSeconds: 0, finished: false, openedAt: at, progressReportedAt: null, updatedAt: at, revision: 1 };
    const event = createEvent(TextOpened, { ...textFacts(userId, text, wordCount), at: at.toISOString() }, studentEventMeta(userId, at));
    // Another request of the same student opened it at the same moment: that one's event counts.
    return (await this.reading.saveProgress(next, previous?.revision ?? 0, [event])) ? next : previous;
  }
}
