import { type DynamicModule, Inject, Injectable, Module, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { HealthRegistry } from '@tall/platform/observability';
import { AwsSecretStore, createSecretsManagerClient, type SecretsManagerConnectionOptions } from './aws/aws-secret-store';
import { CachingSecretStore } from './caching-secret-store';
import { LocalFileSecretStore, type LocalFileSecretStoreOptions } from './local-file/local-file-secret-store';
import { SECRET_STORE, type SecretStore } from './secret-store.port';

interface CommonOptions {
  /** How long the current version of a secret is reused; 0 turns caching off. Default 60 s. */
  currentTtlMs?: number;
}

export type SecretsModuleOptions =
  | (CommonOptions & SecretsManagerConnectionOptions & { driver: 'aws' })
  | (CommonOptions & LocalFileSecretStoreOptions & { driver: 'local' });

const SECRETS_DRIVER = Symbol('SECRETS_DRIVER');

@Injectable()
class SecretsLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(SECRETS_DRIVER) private readonly driver: SecretStore,
    @Inject(SECRET_STORE) store: SecretStore,
    @Optional() health?: HealthRegistry,
  ) {
    health?.register({ name: 'secrets', check: () => store.checkReachable() });
  }

  onApplicationShutdown(): void {
    if (this.driver instanceof AwsSecretStore) this.driver.destroy();
  }
}

/** Binds `SECRET_STORE` globally and adds a 'secrets' readiness check when observability is loaded. */
@Module({})
export class SecretsModule {
  static forRoot(options: SecretsModuleOptions): DynamicModule {
    return {
      module: SecretsModule,
      global: true,
      providers: [
        {
          provide: SECRETS_DRIVER,
          useFactory: (): SecretStore =>
            options.driver === 'aws'
              ? new AwsSecretStore({ client: createSecretsManagerClient(options) })
              : new LocalFileSecretStore(options),
        },
        {
          provide: SECRET_STORE,
          inject: [SECRETS_DRIVER],
          useFactory: (driver: SecretStore): SecretStore => {
            const ttl = options.currentTtlMs ?? 60_000;
            return ttl > 0 ? new CachingSecretStore(driver, { currentTtlMs: ttl }) : driver;
          },
        },
        SecretsLifecycle,
      ],
      exports: [SECRET_STORE],
    };
  }
}
