import { Command } from '@nestjs/cqrs';
import type { PositionBody, ReadingPosition } from '@tall/reader/contracts';

/** Where the student is in a text, and the seconds read since the last report. */
export class SavePositionCommand extends Command<ReadingPosition> {
  constructor(
    readonly userId: string,
    readonly textId: string,
    readonly position: PositionBody,
  ) {
    super();
  }
}
