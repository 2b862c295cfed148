import { Inject, Injectable, Module, Optional, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { MongoClient } from 'mongodb';
import { defaultDatabaseName, MONGO_CLIENT } from '@tall/platform/database';
import { EventsRegistrar } from '@tall/platform/events';
import { LOGGER, type Logger } from '@tall/platform/observability';
import { RpcRegistry } from '@tall/platform/rpc';
import { dayOf } from '@tall/platform/calendar';
import { ScheduledJobs } from '@tall/platform/scheduling';
import { ExportLobbyData } from '@tall/lobby/contracts';
import { BUILT_MODULES, ExportLobbyDataQuery, LOBBY_STORE, lobbyCommandHandlers, lobbyQueryHandlers } from '@tall/lobby/application';
import { lobbyRolesHandler } from './events/lobby-roles.event-handler';
import { LobbyController } from './http/lobby.controller';
import { LobbyErrorMapper } from './http/lobby-error.mapper';
import { MongoLobbyStore } from './persistence/mongo-lobby-store';

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
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
    private readonly registrar: EventsRegistrar,
    private readonly jobs: ScheduledJobs,
    @Optional() private readonly rpc?: RpcRegistry,
  ) {}

  onModuleInit(): void {
    this.registrar.registerHandler('lobby', lobbyRolesHandler(this.commands));
    this.rpc?.provide(ExportLobbyData, (input) => this.queries.execute(new ExportLobbyDataQuery(input.userId)));
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
        ...lobbyQueryHandlers,
        ...lobbyCommandHandlers,
        LobbyErrorMapper,
        LobbyLifecycle,
      ],
    };
  }
}
