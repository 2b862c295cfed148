import { randomUUID } from 'node:crypto';
import type { CommandBus } from '@nestjs/cqrs';
import { createEvent } from '@tall/platform/event-contracts';
import { RequestContext } from '@tall/platform/observability';
import { ReaderWordSaved } from '@tall/reader/contracts';
import { AddReaderWordCommand } from '@tall/vocabulary/application';
import { readerWordSavedHandler } from './reader-word-saved.handler';

describe('readerWordSavedHandler', () => {
  it('keeps its inbox key and adds the saved word in the correlation of the event it came with', async () => {
    const executed: Array<{ command: unknown; correlationId: string | undefined }> = [];
    const commands = {
      execute: async (command: unknown) => void executed.push({ command, correlationId: RequestContext.current()?.correlationId }),
    } as unknown as CommandBus;
    const handler = readerWordSavedHandler(commands);
    const userId = randomUUID();
    const word = {
      userId,
      savedId: 'save-1',
      lemma: 'boek',
      translation: 'book',
      article: 'het' as const,
      context: 'Ik lees een boek.',
      textId: 'text-1',
      wordId: null,
      at: '2026-11-29T22:45:00.000Z',
    };
    const event = createEvent(ReaderWordSaved, word, { key: userId, correlationId: randomUUID() });
    await handler.handle(event);
    expect(handler.name).toBe('vocabulary.learning.onReaderWordSaved');
    expect(executed).toEqual([{ command: new AddReaderWordCommand(ReaderWordSaved.schema.parse(word), event.id), correlationId: event.correlationId }]);
  });
});
