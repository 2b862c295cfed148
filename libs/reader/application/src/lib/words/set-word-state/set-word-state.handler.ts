import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { READER_CLOCK, type ReaderClock } from '../../ports/text-file-reader.port';
import { READING_STORE, type ReadingStore } from '../../ports/reading-store.port';
import { TextViews } from '../../reading/text-views';
import { resolveWordRef } from '../word-ref';
import { SetWordStateCommand } from './set-word-state.command';

@CommandHandler(SetWordStateCommand)
export class SetWordStateHandler implements ICommandHandler<SetWordStateCommand> {
  constructor(
    @Inject(TextViews) private readonly views: TextViews,
    @Inject(READING_STORE) private readonly reading: ReadingStore,
    @Inject(READER_CLOCK) private readonly clock: ReaderClock,
  ) {}

  async execute({ userId, body }: SetWordStateCommand): Promise<{ key: string; state: SetWordStateCommand['body']['state'] }> {
    const { key } = await resolveWordRef(this.views, body);
    await this.reading.setState(userId, key, body.state, this.clock());
    return { key, state: body.state };
  }
}
