import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { LEARNING_CLOCK, type Clock } from '../learning-settings';
import { LEARNING_STORE, type LearningStore } from '../learning-store.port';
import { EraseLearningDataCommand } from './erase-learning-data.command';

@CommandHandler(EraseLearningDataCommand)
export class EraseLearningDataHandler implements ICommandHandler<EraseLearningDataCommand> {
  constructor(
    @Inject(LEARNING_STORE) private readonly store: LearningStore,
    @Inject(LEARNING_CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ userId }: EraseLearningDataCommand): Promise<void> {
    await this.store.erase(userId, this.clock());
  }
}
