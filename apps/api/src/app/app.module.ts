import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { AuthModule, MetricsAccess } from '@tall/platform/auth';
import { APP_INFO, ConfigModule, type AppConfig, type AppInfo } from '@tall/platform/config';
import { DatabaseModule } from '@tall/platform/database';
import { EventsModule, parseHostedModules } from '@tall/platform/events';
import { HttpPlatformModule } from '@tall/platform/http';
import { ObservabilityModule } from '@tall/platform/observability';
import { EXPORT_USER_DATA } from '@tall/platform/call-contracts';
import { RpcModule } from '@tall/platform/rpc';
import { SchedulingModule } from '@tall/platform/scheduling';
import { SecretsModule } from '@tall/platform/secrets';
import { StorageModule, type StorageModuleOptions } from '@tall/platform/storage';
import { UseCasesModule } from '@tall/platform/use-cases';
import { ClientVersionsFollowerModule, ProfileSessionStatusModule } from '@tall/profile/infrastructure';
import { CONTEXT_MODULES } from './context-modules';
import { APP_VERSION } from './app-version';

@Module({})
export class AppModule {
  /** `extraModules`: tools only (the benchmark host); production hosts exactly the catalog. */
  static forRoot(config: AppConfig, logger: Logger, extraModules: Array<Type | DynamicModule> = []): DynamicModule {
    const hosted = parseHostedModules(config.MODULES, CONTEXT_MODULES);
    if (!config.KAFKA_BROKERS?.length && hosted.length < CONTEXT_MODULES.length) {
      throw new Error('MODULES hosts only some modules, so KAFKA_BROKERS must be set for the others to reach them');
    }
    const info: AppInfo = {
      name: 'Tall',
      version: APP_VERSION,
      instanceId: `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
      hostedModules: hosted,
      startedAt: new Date().toISOString(),
    };
    const credentials =
      config.AWS_ACCESS_KEY_ID && config.AWS_SECRET_ACCESS_KEY
        ? { accessKeyId: config.AWS_ACCESS_KEY_ID, secretAccessKey: config.AWS_SECRET_ACCESS_KEY }
        : undefined;
    return {
      module: AppModule,
      providers: [{ provide: APP_INFO, useValue: info }],
      exports: [APP_INFO],
      global: true,
      imports: [
        // The command and query buses, every handler registered before any module starts work.
        UseCasesModule,
        ConfigModule.forRoot(config),
        ObservabilityModule.forRoot({ logger, metricsAccess: MetricsAccess() }),
        HttpPlatformModule.forRoot({
          minimumClientVersions: {
            web: config.MIN_CLIENT_VERSION_WEB,
            android: config.MIN_CLIENT_VERSION_ANDROID,
            desktop: config.MIN_CLIENT_VERSION_DESKTOP,
          },
        }),
        DatabaseModule.forRoot({
          postgresUrl: config.DATABASE_URL,
          postgresPoolSize: config.DATABASE_POOL_SIZE,
          mongoUri: config.MONGODB_URI,
          mongoPoolSize: config.MONGODB_POOL_SIZE,
        }),
        EventsModule.forRoot({
          kafkaBrokers: config.KAFKA_BROKERS,
          clientId: config.KAFKA_CLIENT_ID,
          modules: CONTEXT_MODULES.map(({ name, publishes }) => ({ name, publishes: [...publishes] })),
          hostedModules: hosted,
          logger: logger.child({ component: 'events' }),
          parking: { maxAttempts: config.EVENT_MAX_ATTEMPTS },
        }),
        SchedulingModule.forRoot({ enabled: config.CRON_ENABLED }),
        SecretsModule.forRoot(
          config.SECRETS_DRIVER === 'local'
            ? { driver: 'local', file: config.SECRETS_LOCAL_FILE }
            : { driver: 'aws', region: config.AWS_REGION, endpoint: config.AWS_ENDPOINT_URL_SECRETS_MANAGER, credentials },
        ),
        StorageModule.forRoot(storageOptions(config, credentials)),
        AuthModule.forRoot({
          // Only the process hosting profile keeps the private key; every other one verifies with public keys.
          keys:
            config.AUTH_JWKS_URL && !hosted.includes('profile')
              ? { kind: 'jwks', url: config.AUTH_JWKS_URL }
              : { kind: 'secret', secretName: config.JWT_SIGNING_KEYS_SECRET_NAME, issuer: hosted.includes('profile') },
          settings: { ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS },
          opsToken: config.OPS_API_TOKEN,
          metricsToken: config.METRICS_TOKEN,
        }),
        RpcModule.forRoot({
          modules: CONTEXT_MODULES.map((context) => context.name),
          hostedModules: hosted,
          moduleUrls: config.MODULE_URLS,
          signingSecretName: config.RPC_SIGNING_SECRET_NAME,
          timeoutMs: config.RPC_TIMEOUT_MS,
          // Every context answers the GDPR export: the app reports at start any that does not.
          requiredCalls: [EXPORT_USER_DATA],
        }),
        ...CONTEXT_MODULES.filter((context) => hosted.includes(context.name)).map((context) => context.module(config)),
        // Without profile here, the 426 check follows the minimums profile stores, through its call.
        ...(hosted.includes('profile') ? [] : [ClientVersionsFollowerModule]),
        // Every process checks access tokens against their session, which profile owns (ADR 15).
        ProfileSessionStatusModule,
        ...extraModules,
      ],
    };
  }
}

function storageOptions(
  config: AppConfig,
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined,
): StorageModuleOptions {
  if (config.STORAGE_DRIVER === 'local') {
    if (!config.STORAGE_LOCAL_SIGNING_SECRET) {
      throw new Error('STORAGE_LOCAL_SIGNING_SECRET is required when STORAGE_DRIVER=local');
    }
    const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
    return {
      driver: 'local',
      directory: config.STORAGE_LOCAL_DIR,
      signingSecret: config.STORAGE_LOCAL_SIGNING_SECRET,
      baseUrl: `${publicUrl.replace(/\/$/, '')}/api/storage/local`,
    };
  }
  return {
    driver: 's3',
    bucket: config.STORAGE_BUCKET,
    region: config.AWS_REGION,
    endpoint: config.AWS_ENDPOINT_URL_S3,
    forcePathStyle: config.STORAGE_DRIVER === 's3-compatible' || Boolean(config.AWS_ENDPOINT_URL_S3),
    credentials,
    publicEndpoint: config.STORAGE_PUBLIC_ENDPOINT,
    // Local stacks start empty; on AWS the bucket is provisioned with the infrastructure.
    ensureBucket: Boolean(config.AWS_ENDPOINT_URL_S3),
  };
}
