import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { TextSummary } from '@tall/reader/contracts';
import { READER_CLOCK, TEXT_FILE_READER, type ReaderClock, type TextFileReader } from '../../ports/text-file-reader.port';
import { OWN_TEXT_STORE, type OwnTextStore, type StoredText } from '../../ports/text-stores.port';
import { TextViews } from '../../reading/text-views';
import { ImportTextCommand } from './import-text.command';

/** The text is read and cleaned, atomized once (which warms the cache for the first read), and kept for its owner only. */
@CommandHandler(ImportTextCommand)
export class ImportTextHandler implements ICommandHandler<ImportTextCommand> {
  constructor(
    @Inject(TEXT_FILE_READER) private readonly files: TextFileReader,
    @Inject(OWN_TEXT_STORE) private readonly own: OwnTextStore,
    @Inject(TextViews) private readonly views: TextViews,
    @Inject(READER_CLOCK) private readonly clock: ReaderClock,
  ) {}

  async execute({ userId, input }: ImportTextCommand): Promise<TextSummary> {
    const read = input.kind === 'pasted' ? this.files.readPasted(input.title, input.body) : await this.files.readFile({ name: input.name, bytes: input.bytes });
    const title = (input.kind === 'file' && input.title?.trim()) || read.title;
    const text: StoredText = {
      id: randomUUID(),
      title: title.slice(0, 200),
      level: null,
      topic: null,
      source: 'own',
      credit: null,
      version: 1,
      sections: read.sections,
      test: null,
      ownerId: userId,
      wordCount: 0,
      createdAt: this.clock(),
    };
    const { atomized } = await this.views.atomization(text);
    text.wordCount = atomized.wordCount;
    await this.own.insert(text);
    return this.views.summary(text, userId, new Map(), undefined);
  }
}
