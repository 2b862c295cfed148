import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ContentItems, type AdoptionReport } from '../content-items';
import { AdoptContentCommand } from './adopt-content.command';

/** Idempotent, and safe with several instances starting at once: an item is inserted by its id or left. */
@CommandHandler(AdoptContentCommand)
export class AdoptContentHandler implements ICommandHandler<AdoptContentCommand> {
  constructor(@Inject(ContentItems) private readonly items: ContentItems) {}

  execute(): Promise<AdoptionReport> {
    return this.items.adoptMissing();
  }
}
