import { Module } from '@nestjs/common';
import { exportUserDataCall } from '@tall/platform/call-contracts';
import { ModuleCatalog, RpcClient } from '@tall/platform/rpc';
import {
  CLOCK,
  EMAIL_INDEXER,
  INTEGRITY_MONITOR,
  KEY_ROTATION_STORE,
  MASTER_KEYS,
  PERSONAL_DATA_REPOSITORY,
  piiCommandHandlers,
  piiQueryHandlers,
  piiServices,
  USER_DATA_SOURCES,
  type UserDataSources,
} from '@tall/pii/application';
import { PII_MODULE } from '@tall/pii/contracts';
import { TeacherLinksHandler, UserDeletedHandler, UserRolesHandler } from './events/pii-event-handlers';
import { PiiController } from './http/pii.controller';
import { LoggingIntegrityMonitor } from './integrity-monitor';
import { MasterKeyRing } from './keys/master-key-ring';
import { SecretEmailIndexer } from './keys/secret-email-indexer';
import { PgPiiRepository } from './persistence/pg-pii.repository';
import { PiiLifecycle } from './pii-lifecycle';
import { PiiCallsProvider } from './rpc/pii-calls.provider';

const adapters = [
  PgPiiRepository,
  MasterKeyRing,
  SecretEmailIndexer,
  LoggingIntegrityMonitor,
  { provide: PERSONAL_DATA_REPOSITORY, useExisting: PgPiiRepository },
  { provide: KEY_ROTATION_STORE, useExisting: PgPiiRepository },
  { provide: MASTER_KEYS, useExisting: MasterKeyRing },
  { provide: EMAIL_INDEXER, useExisting: SecretEmailIndexer },
  { provide: INTEGRITY_MONITOR, useExisting: LoggingIntegrityMonitor },
  { provide: CLOCK, useValue: { now: () => new Date() } },
  {
    // The export asks every context of the app's catalog, in-process or over an authenticated call.
    provide: USER_DATA_SOURCES,
    inject: [ModuleCatalog, RpcClient],
    useFactory: (catalog: ModuleCatalog, rpc: RpcClient): UserDataSources => ({
      modules: catalog.modules,
      exportOf: (module, userId) => rpc.call(exportUserDataCall(module), { userId }, { caller: PII_MODULE.name }),
    }),
  },
];

const eventHandlers = [UserDeletedHandler, TeacherLinksHandler, UserRolesHandler];

/**
 * The pii context: encrypted personal data, its audit, export and erasure. Platform modules are
 * global, the command and query buses included (UseCasesModule, imported by the root module):
 * importing CqrsModule here would give pii buses that learn their handlers only after the relay
 * and the scheduler have started.
 */
@Module({
  controllers: [PiiController],
  providers: [...adapters, ...piiServices, ...piiCommandHandlers, ...piiQueryHandlers, ...eventHandlers, PiiCallsProvider, PiiLifecycle],
})
export class PiiModule {}
