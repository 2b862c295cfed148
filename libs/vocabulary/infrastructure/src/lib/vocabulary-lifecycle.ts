import { Inject, Injectable, Optional, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Db } from 'mongodb';
import { EventsRegistrar } from '@tall/platform/events';
import { BackgroundPreparation, HealthRegistry, LOGGER, type Logger } from '@tall/platform/observability';
import { RpcRegistry } from '@tall/platform/rpc';
import { ScheduledJobs } from '@tall/platform/scheduling';
import {
  ArchiveDictionaryEntryCommand,
  ExportVocabularyDataQuery,
  GetLevelWordsQuery,
  GetReaderLexiconQuery,
  ListDictionaryContentQuery,
  PublishDictionaryEntryCommand,
  RecoverThematicReviewsCommand,
  THEMATIC_STORE,
} from '@tall/vocabulary/application';
import {
  ArchiveDictionaryEntry,
  ExportVocabularyData,
  GetLevelWords,
  GetReaderLexicon,
  ListDictionaryContent,
  PublishDictionaryEntry,
  VOCABULARY_MODULE,
} from '@tall/vocabulary/contracts';
import { CachedDictionaryStore } from './dictionary/cached-dictionary.store';
import { DictionaryContentUpdatedHandler } from './dictionary/content-updated.handler';
import { MongoDictionaryStore } from './dictionary/mongo-dictionary.store';
import { SeedLoader } from './dictionary/seed-loader';
import { VocabularyUserDeletedHandler } from './export/user-deleted.handler';
import { THEMATIC_CARDS, THEMATIC_PROGRESS } from './persistence/collections';
import type { MongoThematicStore } from './thematic/mongo-thematic.store';

export const VOCABULARY_DB = Symbol('VOCABULARY_DB');
export const SEED_LOADER = Symbol('SEED_LOADER');
export const THEMATIC_RECOVERY_JOB = 'vocabulary-thematic-recovery';
const TIME_ZONE = 'Europe/Amsterdam';

/**
 * Start-up of the vocabulary context (the thematic side; learning cards have their own): the
 * outbox sources of the thematic topics, the erasure handler, the dictionary's refresh on an
 * admin's change elsewhere, the export, lexicon, level-words and dictionary content calls, the
 * recovery job, then the indexes and the seed dictionary, retried in the background while MongoDB
 * does not answer (readiness reports the dictionary as down until then).
 */
@Injectable()
export class VocabularyLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly preparation: BackgroundPreparation;

  constructor(
    @Inject(VOCABULARY_DB) private readonly db: Db,
    @Inject(MongoDictionaryStore) private readonly dictionary: MongoDictionaryStore,
    @Inject(CachedDictionaryStore) private readonly cachedDictionary: CachedDictionaryStore,
    @Inject(THEMATIC_STORE) private readonly thematic: MongoThematicStore,
    @Inject(SEED_LOADER) private readonly seed: SeedLoader,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(VocabularyUserDeletedHandler) private readonly userDeleted: VocabularyUserDeletedHandler,
    @Inject(DictionaryContentUpdatedHandler) private readonly contentUpdated: DictionaryContentUpdatedHandler,
    @Inject(EventsRegistrar) private readonly registrar: EventsRegistrar,
    @Inject(ScheduledJobs) private readonly jobs: ScheduledJobs,
    @Inject(HealthRegistry) health: HealthRegistry,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() @Inject(RpcRegistry) private readonly rpc?: RpcRegistry,
  ) {
    this.preparation = new BackgroundPreparation({ name: 'vocabulary-dictionary', subject: 'the dictionary', prepare: () => this.prepare(), health, logger });
  }

  async onModuleInit(): Promise<void> {
    this.registrar.registerMongoSource(this.db, THEMATIC_CARDS);
    this.registrar.registerMongoSource(this.db, THEMATIC_PROGRESS);
    this.registrar.registerWhenPublished(VOCABULARY_MODULE.name, this.userDeleted);
    this.registrar.registerWhenPublished(VOCABULARY_MODULE.name, this.contentUpdated);
    this.rpc?.provide(ExportVocabularyData, (input) => this.queries.execute(new ExportVocabularyDataQuery(input.userId)));
    this.rpc?.provide(GetReaderLexicon, (input) => this.queries.execute(new GetReaderLexiconQuery(input.knownVersion)));
    this.rpc?.provide(GetLevelWords, (input) => this.queries.execute(new GetLevelWordsQuery(input.level, input.language)));
    this.rpc?.provide(ListDictionaryContent, () => this.queries.execute(new ListDictionaryContentQuery()));
    this.rpc?.provide(PublishDictionaryEntry, (input) => this.commands.execute(new PublishDictionaryEntryCommand(input)));
    this.rpc?.provide(ArchiveDictionaryEntry, (input) => this.commands.execute(new ArchiveDictionaryEntryCommand(input)));
    this.jobs.register({
      name: THEMATIC_RECOVERY_JOB,
      cron: '7 * * * *',
      timeZone: TIME_ZONE,
      period: (date) => date.toISOString().slice(0, 13),
      run: async () => {
        const completed = await this.commands.execute(new RecoverThematicReviewsCommand());
        if (completed > 0) this.logger.warn({ completed }, 'completed thematic reviews left pending by interrupted requests');
      },
    });
    await this.preparation.start();
  }

  onApplicationShutdown(): void {
    // Not awaited: a try hanging on an unreachable database must not hold the shutdown.
    void this.preparation.stop();
  }

  private async prepare(): Promise<void> {
    await this.dictionary.ensureIndexes();
    await this.thematic.ensureIndexes();
    const report = await this.seed.load();
    this.cachedDictionary.invalidate();
    this.logger.info({ ...report }, report.outcome === 'loaded' ? 'seed dictionary loaded' : 'seed dictionary already loaded');
  }
}
