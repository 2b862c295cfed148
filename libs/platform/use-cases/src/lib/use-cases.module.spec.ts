import { Injectable, Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, Query, QueryBus, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { COMMAND_HANDLER_METADATA, QUERY_HANDLER_METADATA, UseCasesModule } from './use-cases.module';

class AddWordCommand extends Command<{ added: string }> {
  constructor(readonly lemma: string) {
    super();
  }
}
class CountWordsQuery extends Query<number> {}

const words: string[] = [];

@CommandHandler(AddWordCommand)
class AddWordHandler implements ICommandHandler<AddWordCommand> {
  async execute(command: AddWordCommand): Promise<{ added: string }> {
    words.push(command.lemma);
    return { added: command.lemma };
  }
}

@QueryHandler(CountWordsQuery)
class CountWordsHandler implements IQueryHandler<CountWordsQuery> {
  async execute(): Promise<number> {
    return words.length;
  }
}

/** Stands for a platform starter (the relay, a consumer) that dispatches as soon as the app starts. */
const seenAtStart: Array<{ hook: string; count: number }> = [];

@Injectable()
class EarlyDispatcher implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.commands.execute(new AddWordCommand('fiets'));
    seenAtStart.push({ hook: 'onModuleInit', count: await this.queries.execute(new CountWordsQuery()) });
  }

  async onApplicationBootstrap(): Promise<void> {
    seenAtStart.push({ hook: 'onApplicationBootstrap', count: await this.queries.execute(new CountWordsQuery()) });
  }
}

@Module({ providers: [AddWordHandler, CountWordsHandler] })
class VocabularyLikeModule {}

@Module({ providers: [EarlyDispatcher] })
class PlatformLikeModule {}

describe('UseCasesModule', () => {
  it('uses the metadata keys of @nestjs/cqrs', () => {
    expect(Reflect.getMetadata(COMMAND_HANDLER_METADATA, AddWordHandler)).toBe(AddWordCommand);
    expect(Reflect.getMetadata(QUERY_HANDLER_METADATA, CountWordsHandler)).toBe(CountWordsQuery);
  });

  it('has every handler registered before any module hook runs, wherever the modules sit', async () => {
    // The dispatching module comes before the handlers' module, as global platform modules do.
    const moduleRef = await Test.createTestingModule({ imports: [UseCasesModule, PlatformLikeModule, VocabularyLikeModule] }).compile();
    const app = await moduleRef.init();
    expect(seenAtStart).toEqual([
      { hook: 'onModuleInit', count: 1 },
      { hook: 'onApplicationBootstrap', count: 1 },
    ]);
    await expect(app.get(CommandBus).execute(new AddWordCommand('boom'))).resolves.toEqual({ added: 'boom' });
    await app.close();
  });
});
