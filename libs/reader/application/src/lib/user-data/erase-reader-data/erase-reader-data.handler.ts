import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { READING_STORE, type ReadingStore } from '../../ports/reading-store.port';
import { OWN_TEXT_STORE, type OwnTextStore } from '../../ports/text-stores.port';
import { EraseReaderDataCommand } from './erase-reader-data.command';

/** Idempotent: erasing twice finds nothing the second time. */
@CommandHandler(EraseReaderDataCommand)
export class EraseReaderDataHandler implements ICommandHandler<EraseReaderDataCommand> {
  constructor(
    @Inject(OWN_TEXT_STORE) private readonly own: OwnTextStore,
    @Inject(READING_STORE) private readonly reading: ReadingStore,
  ) {}

  async execute({ userId }: EraseReaderDataCommand): Promise<void> {
    await this.own.eraseOwner(userId);
    await this.reading.erase(userId);
  }
}
