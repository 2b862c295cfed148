import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createEvent, type EventEnvelope } from '@tall/platform/event-contracts';
import { TextFinished, TextProgressed, type ReadingPosition } from '@tall/reader/contracts';
import { READER_CLOCK, type ReaderClock } from '../../ports/text-file-reader.port';
import { READING_STORE, type ReadingProgress, type ReadingStore } from '../../ports/reading-store.port';
import { ReaderError } from '../../reader-error';
import { ReadableTexts } from '../readable-texts';
import { studentEventMeta, textFacts } from '../text-events';
import { positionOf, TextViews } from '../text-views';
import { SavePositionCommand } from './save-position.command';

/** At most one `text.progressed` per text this often: positions are saved every half minute. */
export const PROGRESS_EVENT_INTERVAL_MS = 5 * 60_000;
const ATTEMPTS = 5;

/**
 * Saves the position and adds the seconds read. Reaching the last paragraph finishes the text
 * (`text.finished`, once); otherwise the running reading time goes out now and then
 * (`text.progressed`). Concurrent saves of one student retry on the stored revision, so no second
 * is counted twice or lost.
 */
@CommandHandler(SavePositionCommand)
export class SavePositionHandler implements ICommandHandler<SavePositionCommand> {
  constructor(
    @Inject(ReadableTexts) private readonly texts: ReadableTexts,
    @Inject(TextViews) private readonly views: TextViews,
    @Inject(READING_STORE) private readonly reading: ReadingStore,
    @Inject(READER_CLOCK) private readonly clock: ReaderClock,
  ) {}

  async execute({ userId, textId, position }: SavePositionCommand): Promise<ReadingPosition> {
    const text = await this.texts.get(textId, userId);
    const { atomized } = await this.views.atomization(text);
    const paragraphs = atomized.paragraphs;
    const sentences = paragraphs[position.paragraph]?.sentences.length;
    if (sentences === undefined || position.sentence >= sentences) {
      throw new ReaderError(
        'POSITION_OUT_OF_RANGE',
        sentences === undefined ? `The text has ${paragraphs.length} paragraphs (0–${paragraphs.length - 1})` : `Paragraph ${position.paragraph} has ${sentences} sentences (0–${sentences - 1})`,
      );
    }
    for (let attempt = 1; ; attempt++) {
      const at = this.clock();
      const previous = (await this.reading.progressOf(userId, [text.id])).get(text.id);
      const finishing = !previous?.finished && position.paragraph === paragraphs.length - 1;
      const readingSeconds = (previous?.readingSeconds ?? 0) + position.readingSeconds;
      const reportDue = !previous?.progressReportedAt || at.getTime() - previous.progressReportedAt.getTime() >= PROGRESS_EVENT_INTERVAL_MS;
      const facts = textFacts(userId, text, atomized.wordCount);
      const events: EventEnvelope[] = [];
      if (finishing) events.push(createEvent(TextFinished, { ...facts, readingSeconds, at: at.toISOString() }, studentEventMeta(userId, at)));
      else if (reportDue && position.readingSeconds > 0) {
        events.push(
          createEvent(TextProgressed, { ...facts, paragraph: position.paragraph, paragraphs: paragraphs.length, readingSeconds, at: at.toISOString() }, studentEventMeta(userId, at)),
        );
      }
      const next: ReadingProgress = {
        userId,
        textId: text.id,
        paragraph: position.paragraph,
        sentence: position.sentence,
        paragraphs: paragraphs.length,
        readingSeconds,
        finished: Boolean(previous?.finished) || finishing,
        openedAt: previous?.openedAt ?? at,
        progressReportedAt: events.length > 0 ? at : (previous?.progressReportedAt ?? null),
        updatedAt: at,
        revision: (previous?.revision ?? 0) + 1,
      };
      if (await this.reading.saveProgress(next, previous?.revision ?? 0, events)) return positionOf(next);
      if (attempt >= ATTEMPTS) throw new Error(`reading position of ${text.id} kept changing under ${ATTEMPTS} attempts`);
    }
  }
}
