import { Command } from '@nestjs/cqrs';

/** A student deletes a text they imported, and where they were in it. */
export class DeleteOwnTextCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly textId: string,
  ) {
    super();
  }
}
