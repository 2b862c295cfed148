import { Inject, Injectable, Module, Optional, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { MongoClient } from 'mongodb';
import type { Model } from 'mongoose';
import { MONGO_CLIENT } from '@tall/platform/database';
import { EventsRegistrar } from '@tall/platform/events';
import { BackgroundPreparation, HealthRegistry, LOGGER, type Logger } from '@tall/platform/observability';
import { RpcRegistry } from '@tall/platform/rpc';
import { SECRET_STORE, type SecretStore } from '@tall/platform/secrets';
import { OBJECT_STORAGE, type ObjectStorage } from '@tall/platform/storage';
import {
  CONTENT_KEY_VAULT,
  DEFAULT_UPLOAD_TTL_SECONDS,
  DEFAULT_URL_TTL_SECONDS,
  ExportListeningDataQuery,
  LISTENING_CLOCK,
  LISTENING_SETTINGS,
  listeningCollaborators,
  listeningCommandHandlers,
  listeningQueryHandlers,
  MAX_URL_TTL_SECONDS,
  MEDIA_STORAGE,
  STUDENT_LISTENING_STORE,
  VIDEO_STORE,
  type ListeningClock,
  type ListeningSettings,
} from '@tall/listening/application';
import { ExportListeningData, LISTENING_MODULE } from '@tall/listening/contracts';
import { ListeningController } from './http/listening.controller';
import { ListeningAdminController } from './http/listening-admin.controller';
import { ListeningErrorMapper } from './http/listening-error.mapper';
import { DEFAULT_CONTENT_KEY_SECRET_NAME, SecretContentKeyVault } from './keys/secret-content-key-vault';
import { ObjectStorageMedia } from './media/object-storage-media';
import { listeningConnectionProvider, listeningDatabaseName, listeningModelProviders } from './persistence/listening-connection';
import { LISTENING_MODELS, LISTENING_OUTBOX_COLLECTIONS, STUDENT_LISTENING_MODEL, VIDEO_MODEL, type StudentListeningDocument, type VideoDocument } from './persistence/listening-models';
import { MongoStudentListeningStore } from './persistence/mongo-student-listening-store';
import { MongoVideoStore } from './persistence/mongo-video-store';
import { ListeningUserDeletedHandler } from './user-data/listening-user-deleted.handler';

export interface ListeningModuleOptions {
  mongoUri: string;
  /** Lifetime of pre-signed playback URLs (posters, films, subtitles): default 10 minutes, at most 15. */
  urlTtlSeconds?: number;
  /** Lifetime of pre-signed upload URLs: default 15 minutes. */
  uploadTtlSeconds?: number;
  /** The Secrets Manager secret whose key seals devices' content keys at rest. */
  contentKeySecretName?: string;
  /** Tests: the current time. */
  clock?: ListeningClock;
}

const LISTENING_OPTIONS = Symbol('LISTENING_OPTIONS');

/** The settings of the options, checked: a playback URL never lives longer than 15 minutes. */
export function listeningSettings(options: Pick<ListeningModuleOptions, 'urlTtlSeconds' | 'uploadTtlSeconds'>): ListeningSettings {
  const urlTtlSeconds = options.urlTtlSeconds ?? DEFAULT_URL_TTL_SECONDS;
  const uploadTtlSeconds = options.uploadTtlSeconds ?? DEFAULT_UPLOAD_TTL_SECONDS;
  if (!Number.isInteger(urlTtlSeconds) || urlTtlSeconds < 1 || urlTtlSeconds > MAX_URL_TTL_SECONDS) {
    throw new Error(`listening: pre-signed URLs live 1 to ${MAX_URL_TTL_SECONDS} seconds, not ${urlTtlSeconds}`);
  }
  if (!Number.isInteger(uploadTtlSeconds) || uploadTtlSeconds < 1 || uploadTtlSeconds > 3_600) throw new Error(`listening: upload URLs live 1 to 3600 seconds, not ${uploadTtlSeconds}`);
  return { urlTtlSeconds, uploadTtlSeconds };
}

/**
 * Start-up: the outbox source, the erasure handler, the export call, then the indexes, retried in
 * the background while MongoDB does not answer (readiness reports listening as down until then).
 */
@Injectable()
class ListeningLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly preparation: BackgroundPreparation;

  constructor(
    @Inject(LISTENING_OPTIONS) private readonly options: ListeningModuleOptions,
    @Inject(MONGO_CLIENT) private readonly client: MongoClient,
    @Inject(VIDEO_STORE) private readonly videos: MongoVideoStore,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(ListeningUserDeletedHandler) private readonly userDeleted: ListeningUserDeletedHandler,
    @Inject(EventsRegistrar) private readonly registrar: EventsRegistrar,
    @Inject(HealthRegistry) health: HealthRegistry,
    @Inject(LOGGER) logger: Logger,
    @Optional() @Inject(RpcRegistry) private readonly rpc?: RpcRegistry,
  ) {
    this.preparation = new BackgroundPreparation({ name: 'listening', subject: 'listening', prepare: () => this.videos.ensureIndexes(), health, logger });
  }

  async onModuleInit(): Promise<void> {
    const db = this.client.db(listeningDatabaseName(this.options.mongoUri));
    for (const collection of LISTENING_OUTBOX_COLLECTIONS) this.registrar.registerMongoSource(db, collection);
    this.registrar.registerWhenPublished(LISTENING_MODULE.name, this.userDeleted);
    this.rpc?.provide(ExportListeningData, (input) => this.queries.execute(new ExportListeningDataQuery(input.userId)));
    await this.preparation.start();
  }

  onApplicationShutdown(): void {
    // Not awaited: a try hanging on an unreachable database must not hold the shutdown.
    void this.preparation.stop();
  }
}

/**
 * The listening context: videos with timed questions graded on the server, viewing positions,
 * and content keys for devices that keep videos offline. MongoDB database `<db>_listening`
 * through mongoose; the media in the platform's object storage (S3), reached by clients through
 * pre-signed URLs only; devices' content keys sealed under a key from Secrets Manager.
 */
@Module({})
export class ListeningModule {
  static forRoot(options: ListeningModuleOptions): DynamicModule {
    return {
      module: ListeningModule,
      controllers: [ListeningController, ListeningAdminController],
      providers: [
        { provide: LISTENING_OPTIONS, useValue: options },
        { provide: LISTENING_SETTINGS, useValue: listeningSettings(options) },
        { provide: LISTENING_CLOCK, useValue: options.clock ?? (() => new Date()) },
        listeningConnectionProvider(options.mongoUri),
        ...listeningModelProviders(...LISTENING_MODELS),
        { provide: VIDEO_STORE, inject: [VIDEO_MODEL.token], useFactory: (videos: Model<VideoDocument>) => new MongoVideoStore(videos) },
        {
          provide: STUDENT_LISTENING_STORE,
          inject: [STUDENT_LISTENING_MODEL.token],
          useFactory: (students: Model<StudentListeningDocument>) => new MongoStudentListeningStore(students),
        },
        { provide: MEDIA_STORAGE, inject: [OBJECT_STORAGE], useFactory: (storage: ObjectStorage) => new ObjectStorageMedia(storage) },
        {
          provide: CONTENT_KEY_VAULT,
          inject: [SECRET_STORE],
          useFactory: (secrets: SecretStore) => new SecretContentKeyVault(secrets, options.contentKeySecretName ?? DEFAULT_CONTENT_KEY_SECRET_NAME),
        },
        ...listeningCollaborators,
        ...listeningQueryHandlers,
        ...listeningCommandHandlers,
        ListeningErrorMapper,
        ListeningUserDeletedHandler,
        ListeningLifecycle,
      ],
    };
  }
}
