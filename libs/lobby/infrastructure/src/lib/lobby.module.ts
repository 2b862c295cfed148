import { Inject, Injectable, Module, Optional, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import type { MongoClient } from 'mongodb';
import { defaultDatabaseName, MONGO_CLIENT } from '@tall/platform/database';
import { EventsRegistrar } from '@tall/platform/events';
import { LOGGER, type Logger } from '@tall/platform/observability';
import { RpcRegistry } from '@tall/platform/rpc';
import { dayOf } from '@tall/platform/calendar';
import { ScheduledJobs } from '@tall/platform/scheduling';
import { ExportLobbyData } from '@tall/lobby/contracts';
import { BUILT_MODULES, LOBBY_STORE, LobbyService, lobbyRolesHandler } from '@tall/lobby/application';
import { LobbyController, LobbyErrorInterceptor } from './lobby.controller';
import { MongoLobbyStore } from './mongo-lobby-store';

export interface LobbyModuleOptions {
  mongoUri: string;
  /** Every module of this build (hosted here or elsewhere); products of the others show as coming soon. */
  builtModules: () => readonly string[];
}

export const LOBBY_INBOX_TRIM_JOB = 'lobby-inbox-trim';

@Injectable()
class LobbyLifecycle implements OnModuleInit {
  constructor(
    @Inject(LOBBY_STORE) private readonly store: MongoLobbyStore,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly lobby: LobbyService,
    private readonly registrar: EventsRegistrar,
    private readonly jobs: ScheduledJobs,
    @Optional() private readonly rpc?: RpcRegistry,
  ) {}

  onModuleInit(): void {
    this.registrar.registerHandler('lobby', lobbyRolesHandler(this.store));
    this.rpc?.provide(ExportLobbyData, (input) => this.lobby.export(input.userId));
    this.jobs.register({
      name: LOBBY_INBOX_TRIM_JOB,
      cron: '45 4 * * *',
      timeZone: 'Europe/Amsterdam',
      period: (date) => dayOf(date, 'Europe/Amsterdam'),
      run: async () => {
        const removed = await this.store.trimInbox();
        this.logger.info({ removed }, 'lobby inbox trimmed');
      },
    });
  }
}

/** The lobby: which products each role may open, and "continue where you left off". MongoDB database `<db>_lobby`. */
@Module({})
export class LobbyModule {
  static forRoot(options: LobbyModuleOptions): DynamicModule {
    return {
      module: LobbyModule,
      controllers: [LobbyController],
      providers: [
        {
          provide: LOBBY_STORE,
          inject: [MONGO_CLIENT],
          useFactory: (client: MongoClient) => new MongoLobbyStore(client.db(`${defaultDatabaseName(options.mongoUri)}_lobby`)),
        },
        { provide: BUILT_MODULES, useFactory: () => options.builtModules() },
        LobbyService,
        LobbyErrorInterceptor,
        LobbyLifecycle,
      ],
    };
  }
}
