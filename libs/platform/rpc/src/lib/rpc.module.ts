import { Inject, Injectable, Module, Optional, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@tall/platform/observability';
import { SECRET_STORE, type SecretStore } from '@tall/platform/secrets';
import { RpcClient } from './rpc-client';
import { InternalRpcController } from './internal-rpc.controller';
import { ModuleCatalog, RPC_OPTIONS, type RpcModuleOptions } from './rpc-options';
import { RpcRegistry } from './rpc-registry';
import { ServiceTokens } from './service-token';

@Injectable()
class RpcLifecycle implements OnApplicationBootstrap {
  constructor(
    @Inject(RPC_OPTIONS) private readonly options: RpcModuleOptions,
    @Inject(RpcRegistry) private readonly registry: RpcRegistry,
    @Inject(ModuleCatalog) private readonly catalog: ModuleCatalog,
    @Optional() @Inject(LOGGER) private readonly logger?: Logger,
  ) {}

  onApplicationBootstrap(): void {
    // Contexts provide their calls in onModuleInit, so by now every provider is known.
    const missing = this.registry.missing(this.options.requiredCalls ?? []);
    if (missing.length > 0) this.logger?.error({ missing }, 'hosted modules do not provide calls every module must provide');
    const unreachable = this.catalog.modules.filter((module) => !this.catalog.isHosted(module) && !this.options.moduleUrls?.[module]);
    if (unreachable.length > 0 && this.catalog.hostedModules.length < this.catalog.modules.length) {
      this.logger?.warn({ modules: unreachable }, 'MODULE_URLS names no process for these modules: calls to them will answer 503');
    }
  }
}

/**
 * Calls between contexts (global). Contexts inject `RpcRegistry` to provide their calls at
 * module init and `RpcClient` to make calls; `ModuleCatalog` tells which contexts exist.
 * Needs a `SECRET_STORE` (SecretsModule) for the service-token key. Other processes reach this
 * one's calls through the internal listener the app attaches with `connectInternalRpc`.
 */
@Module({})
export class RpcModule {
  static forRoot(options: RpcModuleOptions): DynamicModule {
    return {
      module: RpcModule,
      global: true,
      // Message handlers only (no HTTP route): they answer on the internal listener, when the app connects one.
      controllers: [InternalRpcController],
      providers: [
        { provide: RPC_OPTIONS, useValue: options },
        { provide: ModuleCatalog, useValue: new ModuleCatalog(options.modules, options.hostedModules) },
        {
          provide: ServiceTokens,
          inject: [SECRET_STORE],
          useFactory: (secrets: SecretStore) =>
            new ServiceTokens(secrets, { secretName: options.signingSecretName, ttlSeconds: options.tokenTtlSeconds }),
        },
        RpcRegistry,
        RpcClient,
        RpcLifecycle,
      ],
      exports: [RPC_OPTIONS, ModuleCatalog, RpcRegistry, RpcClient, ServiceTokens],
    };
  }
}
