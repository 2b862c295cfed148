import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { READING_STORE, type ReadingStore } from '../../ports/reading-store.port';
import { LIBRARY_STORE, OWN_TEXT_STORE, type LibraryStore, type OwnTextStore } from '../../ports/text-stores.port';
import { readerErrors } from '../../reader-error';
import { DeleteOwnTextCommand } from './delete-own-text.command';

/** Library texts are not the student's to delete (403); another student's text does not exist for them (404). */
@CommandHandler(DeleteOwnTextCommand)
export class DeleteOwnTextHandler implements ICommandHandler<DeleteOwnTextCommand> {
  constructor(
    @Inject(LIBRARY_STORE) private readonly library: LibraryStore,
    @Inject(OWN_TEXT_STORE) private readonly own: OwnTextStore,
    @Inject(READING_STORE) private readonly reading: ReadingStore,
  ) {}

  async execute({ userId, textId }: DeleteOwnTextCommand): Promise<void> {
    if (await this.own.delete(textId, userId)) {
      await this.reading.dropProgress(userId, textId);
      return;
    }
    if (await this.library.get(textId)) throw readerErrors.notYourText();
    throw readerErrors.textNotFound();
  }
}
