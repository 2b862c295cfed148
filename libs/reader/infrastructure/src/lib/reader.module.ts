import { Inject, Injectable, Module, Optional, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { MongoClient } from 'mongodb';
import type { Model } from 'mongoose';
import { MONGO_CLIENT } from '@tall/platform/database';
import { EventsRegistrar } from '@tall/platform/events';
import { BackgroundPreparation, HealthRegistry, LOGGER, type Logger } from '@tall/platform/observability';
import { RpcClient, RpcRegistry } from '@tall/platform/rpc';
import {
  ExportReaderDataQuery,
  LEXICON_SOURCE,
  LIBRARY_STORE,
  OWN_TEXT_STORE,
  READER_CLOCK,
  READING_STORE,
  readerCollaborators,
  readerCommandHandlers,
  readerQueryHandlers,
  TEXT_FILE_READER,
  type ReaderClock,
} from '@tall/reader/application';
import { ExportReaderData, READER_MODULE } from '@tall/reader/contracts';
import { ReaderController } from './http/reader.controller';
import { ReaderErrorMapper } from './http/reader-error.mapper';
import { ImportingTextFileReader } from './import/text-file-reader.adapter';
import { RpcLexiconSource } from './lexicon/rpc-lexicon-source';
import { MongoReadingStore } from './persistence/mongo-reading-store';
import { MongoLibraryStore, MongoOwnTextStore } from './persistence/mongo-text-stores';
import { readerConnectionProviders, readerDatabaseName, readerModelProviders, type ReaderDatabase } from './persistence/reader-connections';
import {
  ATTEMPT_MODEL,
  LIBRARY_TEXT_MODEL,
  OWN_TEXT_MODEL,
  READER_MODELS,
  READER_OUTBOX_COLLECTIONS,
  SAVED_WORD_MODEL,
  STUDENT_READING_MODEL,
  type AttemptDocument,
  type LibraryTextDocument,
  type OwnTextDocument,
  type SavedWordDocument,
  type StudentReadingDocument,
} from './persistence/reader-models';
import { loadSeedLibrary } from './seed/library-seed-loader';
import { readSeedTexts, SEED_TEXTS_DIR } from './seed/seed-texts';
import { ReaderUserDeletedHandler } from './user-data/reader-user-deleted.handler';

export interface ReaderModuleOptions {
  mongoUri: string;
  /** Tests: another seed directory, and the current time. */
  seedDirectory?: string;
  clock?: ReaderClock;
  /** How often the dictionary is checked for changes (default a minute). */
  dictionaryCheckMs?: number;
}

const READER_OPTIONS = Symbol('READER_OPTIONS');
/**
 * Start-up: the outbox sources of both databases, the erasure handler, the export call, then the
 * indexes and the seed library, retried in the background while MongoDB does not answer (readiness
 * reports the library as down until then).
 */
@Injectable()
class ReaderLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly preparation: BackgroundPreparation;

  constructor(
    @Inject(READER_OPTIONS) private readonly options: ReaderModuleOptions,
    @Inject(MONGO_CLIENT) private readonly client: MongoClient,
    @Inject(LIBRARY_STORE) private readonly library: MongoLibraryStore,
    @Inject(OWN_TEXT_STORE) private readonly own: MongoOwnTextStore,
    @Inject(READING_STORE) private readonly reading: MongoReadingStore,
    @Inject(LIBRARY_TEXT_MODEL.token) private readonly libraryTexts: Model<LibraryTextDocument>,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(ReaderUserDeletedHandler) private readonly userDeleted: ReaderUserDeletedHandler,
    @Inject(EventsRegistrar) private readonly registrar: EventsRegistrar,
    @Inject(HealthRegistry) health: HealthRegistry,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() @Inject(RpcRegistry) private readonly rpc?: RpcRegistry,
  ) {
    this.preparation = new BackgroundPreparation({ name: 'reader-library', subject: "the reader's library", prepare: () => this.prepare(), health, logger });
  }

  async onModuleInit(): Promise<void> {
    for (const database of Object.keys(READER_OUTBOX_COLLECTIONS) as ReaderDatabase[]) {
      const db = this.client.db(readerDatabaseName(this.options.mongoUri, database));
      for (const collection of READER_OUTBOX_COLLECTIONS[database]) this.registrar.registerMongoSource(db, collection);
    }
    this.registrar.registerWhenPublished(READER_MODULE.name, this.userDeleted);
    this.rpc?.provide(ExportReaderData, (input) => this.queries.execute(new ExportReaderDataQuery(input.userId)));
    await this.preparation.start();
  }

  onApplicationShutdown(): void {
    // Not awaited: a try hanging on an unreachable database must not hold the shutdown.
    void this.preparation.stop();
  }

  private async prepare(): Promise<void> {
    await Promise.all([this.library.ensureIndexes(), this.own.ensureIndexes(), this.reading.ensureIndexes()]);
    const report = await loadSeedLibrary(this.libraryTexts, readSeedTexts(this.options.seedDirectory ?? SEED_TEXTS_DIR));
    this.library.invalidate();
    this.logger.info({ ...report }, 'reader seed library loaded');
  }
}

/**
 * The reader context: the library and students' own texts, reading with word states, saved
 * words, reading positions and comprehension tests. MongoDB databases `<db>_reader` (library and
 * test texts) and `<db>_reader_users` (everything of students), through mongoose. The dictionary
 * and a student's own words come from vocabulary's contract.
 */
@Module({})
export class ReaderModule {
  static forRoot(options: ReaderModuleOptions): DynamicModule {
    return {
      module: ReaderModule,
      controllers: [ReaderController],
      providers: [
        { provide: READER_OPTIONS, useValue: options },
        ...readerConnectionProviders(options.mongoUri),
        ...readerModelProviders(...READER_MODELS),
        { provide: LIBRARY_STORE, inject: [LIBRARY_TEXT_MODEL.token], useFactory: (texts: Model<LibraryTextDocument>) => new MongoLibraryStore(texts) },
        { provide: OWN_TEXT_STORE, inject: [OWN_TEXT_MODEL.token], useFactory: (texts: Model<OwnTextDocument>) => new MongoOwnTextStore(texts) },
        {
          provide: READING_STORE,
          inject: [STUDENT_READING_MODEL.token, SAVED_WORD_MODEL.token, ATTEMPT_MODEL.token],
          useFactory: (students: Model<StudentReadingDocument>, saved: Model<SavedWordDocument>, attempts: Model<AttemptDocument>) =>
            new MongoReadingStore({ students, saved, attempts }),
        },
        {
          provide: LEXICON_SOURCE,
          inject: [RpcClient, LOGGER],
          useFactory: (rpc: RpcClient, logger: Logger) => new RpcLexiconSource(rpc, { dictionaryCheckMs: options.dictionaryCheckMs, logger }),
        },
        { provide: TEXT_FILE_READER, useValue: new ImportingTextFileReader() },
        { provide: READER_CLOCK, useValue: options.clock ?? (() => new Date()) },
        ...readerCollaborators,
        ...readerQueryHandlers,
        ...readerCommandHandlers,
        ReaderErrorMapper,
        ReaderUserDeletedHandler,
        ReaderLifecycle,
      ],
    };
  }
}
