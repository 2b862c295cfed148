import { Inject, Injectable, Module, Optional, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { MongoClient } from 'mongodb';
import type { Model } from 'mongoose';
import { ADMIN_CLOCK, adminCollaborators, adminCommandHandlers, adminQueryHandlers, AdoptContentCommand, CONTENT_OWNERS, CONTENT_STORE, ExportAdminDataQuery, type AdminClock } from '@tall/admin/application';
import { MONGO_CLIENT } from '@tall/platform/database';
import { EventsRegistrar } from '@tall/platform/events';
import { BackgroundPreparation, HealthRegistry, LOGGER, type Logger } from '@tall/platform/observability';
import { ExportAdminData } from '@tall/admin/contracts';
import { RpcClient, RpcRegistry } from '@tall/platform/rpc';
import { AdminContentController } from './http/admin-content.controller';
import { AdminErrorMapper } from './http/admin-error.mapper';
import { ContentOwnerRegistry } from './owners/content-owner-registry';
import { VocabularyContentOwner } from './owners/vocabulary-content-owner';
import { adminConnectionProvider, adminDatabaseName, adminModelProviders } from './persistence/admin-connection';
import { ADMIN_MODELS, ADMIN_OUTBOX_COLLECTIONS, CONTENT_ITEM_MODEL, type ContentItemDocument } from './persistence/admin-models';
import { MongoContentStore } from './persistence/mongo-content-store';

export interface AdminModuleOptions {
  mongoUri: string;
  /** Tests: the current time. */
  clock?: AdminClock;
}

const ADMIN_OPTIONS = Symbol('ADMIN_OPTIONS');

/**
 * Start-up, as the other contexts': the outbox source, the export call, then the indexes and the adoption of what
 * the owners serve that the admin store lacks (the seed), retried in the background while MongoDB
 * or an owner does not answer (readiness reports the admin content as down until then).
 */
@Injectable()
class AdminLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly preparation: BackgroundPreparation;

  constructor(
    @Inject(ADMIN_OPTIONS) private readonly options: AdminModuleOptions,
    @Inject(MONGO_CLIENT) private readonly client: MongoClient,
    @Inject(CONTENT_STORE) private readonly store: MongoContentStore,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(EventsRegistrar) private readonly registrar: EventsRegistrar,
    @Inject(HealthRegistry) health: HealthRegistry,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() @Inject(RpcRegistry) private readonly rpc?: RpcRegistry,
  ) {
    this.preparation = new BackgroundPreparation({ name: 'admin-content', subject: 'the admin content', prepare: () => this.prepare(), health, logger });
  }

  async onModuleInit(): Promise<void> {
    const db = this.client.db(adminDatabaseName(this.options.mongoUri));
    for (const collection of ADMIN_OUTBOX_COLLECTIONS) this.registrar.registerMongoSource(db, collection);
    this.rpc?.provide(ExportAdminData, (input) => this.queries.execute(new ExportAdminDataQuery(input.userId)));
    await this.preparation.start();
  }

  onApplicationShutdown(): void {
    // Not awaited: a try hanging on an unreachable database must not hold the shutdown.
    void this.preparation.stop();
  }

  private async prepare(): Promise<void> {
    await this.store.ensureIndexes();
    const report = await this.commands.execute(new AdoptContentCommand());
    this.logger.info({ ...report }, 'admin content adopted');
  }
}

/**
 * The admin context: the content workflow (draft → in review → published → archived) with each
 * item's history, in MongoDB database `<db>_admin` through mongoose. Published versions reach
 * the kind's owner through its remote calls, then `content.updated` leaves through the item's outbox.
 */
@Module({})
export class AdminModule {
  static forRoot(options: AdminModuleOptions): DynamicModule {
    return {
      module: AdminModule,
      controllers: [AdminContentController],
      providers: [
        { provide: ADMIN_OPTIONS, useValue: options },
        adminConnectionProvider(options.mongoUri),
        ...adminModelProviders(...ADMIN_MODELS),
        { provide: CONTENT_STORE, inject: [CONTENT_ITEM_MODEL.token], useFactory: (items: Model<ContentItemDocument>) => new MongoContentStore(items) },
        { provide: CONTENT_OWNERS, inject: [RpcClient], useFactory: (rpc: RpcClient) => new ContentOwnerRegistry([new VocabularyContentOwner(rpc)]) },
        { provide: ADMIN_CLOCK, useValue: options.clock ?? (() => new Date()) },
        ...adminCollaborators,
        ...adminQueryHandlers,
        ...adminCommandHandlers,
        AdminErrorMapper,
        AdminLifecycle,
      ],
    };
  }
}
