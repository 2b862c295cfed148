import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Principal } from '@tall/platform/identity';
import { createLogger, type Logger } from '@tall/platform/observability';
import { RpcRegistry } from '@tall/platform/rpc';
import type { SecretStore } from '@tall/platform/secrets';
import { uniqueName } from '@tall/platform/testing';
import { stackSecretStore, startPlatformTestApp } from '@tall/platform/test-app';
import { PII_MODULE } from '@tall/pii/contracts';
import { ExportProfileData, PROFILE_MODULE } from '@tall/profile/contracts';
import { PiiModule } from '../lib/pii.module';

/** Stands in for the identity context's export section: pii calls nothing else of profile. */
@Injectable()
class FakeProfileCalls implements OnModuleInit {
  constructor(@Inject(RpcRegistry) private readonly rpc: RpcRegistry) {}

  onModuleInit(): void {
    this.rpc.provide(ExportProfileData, async ({ userId }) => ({
      context: 'profile',
      data: { account: { id: userId, role: 'STUDENT' } },
      purposes: ['Sign-in'],
      retention: 'Until erased',
      recipients: ['Admins'],
    }));
  }
}

export interface PiiTestApp {
  app: NestFastifyApplication;
  masterKeySecret: string;
  databaseUrl: string;
  tokenFor(principal: Principal): Promise<string>;
  close(): Promise<void>;
}

export interface PiiTestAppOptions {
  databaseUrl: string;
  /** Default: Secrets Manager on the local stack. */
  secretStore?: SecretStore;
  masterKeySecret?: string;
  logger?: Logger;
}

/** The pii context in a Nest app with the real platform modules, the local stack, and profile's export faked. */
export async function startPiiApp(options: PiiTestAppOptions): Promise<PiiTestApp> {
  const masterKeySecret = options.masterKeySecret ?? uniqueName('tall/test/pii-master');
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const modules = [PII_MODULE, PROFILE_MODULE].map(({ name, publishes }) => ({ name, publishes: [...publishes] }));
  const hosted = modules.map((module) => module.name);

  @Module({ providers: [FakeProfileCalls] })
  class FakeProfileModule {}

  const platform = await startPlatformTestApp({
    name: 'pii-int',
    databaseUrl: options.databaseUrl,
    config: { KAFKA_BROKERS: '', PII_MASTER_KEY_SECRET_NAME: masterKeySecret },
    logger,
    modules,
    hostedModules: hosted,
    events: { relay: { pollIntervalMs: 50 } },
    secrets: options.secretStore ?? stackSecretStore(),
    rpc: { requiredCalls: ['exportUserData'] },
    postgresPoolSize: 5,
    imports: [FakeProfileModule, PiiModule],
  });
  const app = platform.app;
  return {
    app,
    masterKeySecret,
    databaseUrl: options.databaseUrl,
    tokenFor: platform.tokenFor,
    close: platform.close,
  };
}
