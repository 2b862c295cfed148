import { Module } from '@nestjs/common';
import { exportUserDataCall } from '@tall/platform/call-contracts';
import { ModuleCatalog, RpcClient } from '@tall/platform/rpc';
import {
  ErasureService,
  KeyRotationService,
  PersonalDataService,
  UserDataExportCollector,
} from '@tall/pii/application';
import { PII_MODULE } from '@tall/pii/contracts';
import { LoggingIntegrityMonitor } from './integrity-monitor';
import { MasterKeyRing } from './master-key-ring';
import { PgPiiRepository } from './pg-pii.repository';
import { PiiCallsProvider } from './pii-calls.provider';
import { TeacherLinksHandler, UserDeletedHandler } from './pii-event-handlers';
import { PiiController } from './pii.controller';
import { PiiLifecycle } from './pii-lifecycle';
import { ProfileIdentityGateway } from './profile-identity.gateway';
import { SecretEmailIndexer } from './secret-email-indexer';

const adapters = [PgPiiRepository, MasterKeyRing, SecretEmailIndexer, LoggingIntegrityMonitor, ProfileIdentityGateway];

const useCases = [
  {
    provide: PersonalDataService,
    inject: [PgPiiRepository, MasterKeyRing, SecretEmailIndexer, LoggingIntegrityMonitor],
    useFactory: (repository: PgPiiRepository, keys: MasterKeyRing, emails: SecretEmailIndexer, integrity: LoggingIntegrityMonitor) =>
      new PersonalDataService(repository, keys, emails, integrity),
  },
  {
    provide: ErasureService,
    inject: [PgPiiRepository, ProfileIdentityGateway],
    useFactory: (repository: PgPiiRepository, identity: ProfileIdentityGateway) => new ErasureService(repository, identity),
  },
  {
    provide: KeyRotationService,
    inject: [MasterKeyRing, PgPiiRepository, LoggingIntegrityMonitor],
    useFactory: (keys: MasterKeyRing, store: PgPiiRepository, integrity: LoggingIntegrityMonitor) => new KeyRotationService(keys, store, integrity),
  },
  {
    provide: UserDataExportCollector,
    inject: [ModuleCatalog, RpcClient],
    useFactory: (catalog: ModuleCatalog, rpc: RpcClient) =>
      new UserDataExportCollector(catalog.modules, (module, userId) =>
        rpc.call(exportUserDataCall(module), { userId }, { caller: PII_MODULE.name }),
      ),
  },
];

const eventHandlers = [UserDeletedHandler, TeacherLinksHandler];

/** The pii context: encrypted personal data, its audit, export and erasure. Platform modules are global. */
@Module({
  controllers: [PiiController],
  providers: [...adapters, ...useCases, ...eventHandlers, PiiCallsProvider, PiiLifecycle],
})
export class PiiModule {}
