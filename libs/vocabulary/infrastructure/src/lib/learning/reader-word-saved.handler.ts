import type { CommandBus } from '@nestjs/cqrs';
import { isEvent, type EventEnvelope } from '@tall/platform/event-contracts';
import type { EventHandler } from '@tall/platform/events';
import { RequestContext } from '@tall/platform/observability';
import { ReaderTopics, ReaderWordSaved } from '@tall/reader/contracts';
import { AddReaderWordCommand } from '@tall/vocabulary/application';

export const READER_WORD_SAVED_HANDLER = 'vocabulary.learning.onReaderWordSaved';

/**
 * `reader.wordSaved` → a learning card (source `reader`). Idempotent by savedId: the card's id
 * derives from the save, so a redelivery finds the card; a lemma already in the student's
 * dictionary (any case) is not added twice.
 */
export function readerWordSavedHandler(commands: CommandBus): EventHandler {
  return {
    name: READER_WORD_SAVED_HANDLER,
    topics: [ReaderTopics.words],
    types: [ReaderWordSaved.type],
    async handle(envelope: EventEnvelope): Promise<void> {
      if (!isEvent(ReaderWordSaved, envelope)) return;
      const word = ReaderWordSaved.schema.parse(envelope.payload);
      await RequestContext.run({ correlationId: envelope.correlationId }, () => commands.execute(new AddReaderWordCommand(word, envelope.id)));
    },
  };
}
