import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EraseLearningDataCommand } from '../../learning/erase-learning-data/erase-learning-data.command';
import { THEMATIC_STORE, type ThematicStore } from '../../thematic/thematic-store.port';
import { EraseVocabularyDataCommand } from './erase-vocabulary-data.command';

@CommandHandler(EraseVocabularyDataCommand)
export class EraseVocabularyDataHandler implements ICommandHandler<EraseVocabularyDataCommand> {
  constructor(
    @Inject(THEMATIC_STORE) private readonly thematic: ThematicStore,
    @Inject(CommandBus) private readonly commands: CommandBus,
  ) {}

  async execute({ userId }: EraseVocabularyDataCommand): Promise<void> {
    await Promise.all([this.thematic.eraseUser(userId), this.commands.execute(new EraseLearningDataCommand(userId))]);
  }
}
