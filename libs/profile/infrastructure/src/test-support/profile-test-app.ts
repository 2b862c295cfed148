import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Client, type Pool } from 'pg';
import { EMAIL_BLIND_INDEX_SECRET, emailBlindIndex, GetDisplayNames, PII_MODULE, StorePersonalData } from '@tall/pii/contracts';
import { AuthModule } from '@tall/platform/auth';
import { createPgPool, DatabaseModule } from '@tall/platform/database';
import { EventsModule } from '@tall/platform/events';
import { configureHttp, errors, HttpPlatformModule } from '@tall/platform/http';
import { createLogger, ObservabilityModule } from '@tall/platform/observability';
import { RpcModule, RpcRegistry } from '@tall/platform/rpc';
import { SchedulingModule } from '@tall/platform/scheduling';
import { SECRET_STORE, SecretsModule, type SecretStore } from '@tall/platform/secrets';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import { PROFILE_MODULE } from '@tall/profile/contracts';
import { ProfileModule } from '../lib/profile.module';
import type { ProfileModuleOptions } from '../lib/profile-tokens';

/** Stands in for the pii context: keeps personal data in memory, provides its calls in-process. */
@Injectable()
export class FakePii implements OnModuleInit {
  readonly people = new Map<string, { firstName: string; lastName: string; email: string; index: string }>();
  failNextStore = false;

  constructor(
    private readonly rpc: RpcRegistry,
    private readonly _secrets: SecretStore,
  ) {}

  onModuleInit(): void {
    this.rpc.provide(StorePersonalData, async (input) => {
      if (this.failNextStore) {
        this.failNextStore = false;
        throw errors.unavailable('pii');
      }
      const key = await this._secrets.createIfMissing(EMAIL_BLIND_INDEX_SECRET, () => Buffer.alloc(32, 9).toString('base64'));
      const index = emailBlindIndex(key.value, input.email);
      this.people.set(input.userId, { firstName: input.firstName, lastName: input.lastName, email: input.email, index });
      return { userId: input.userId, emailBlindIndex: index, created: true };
    });
    this.rpc.provide(GetDisplayNames, async (input) => ({
      names: input.userIds.flatMap((userId) => {
        const person = this.people.get(userId);
        return person ? [{ userId, firstName: person.firstName, lastName: person.lastName }] : [];
      }),
    }));
  }
}

@Module({ providers: [{ provide: FakePii, inject: [RpcRegistry, SECRET_STORE], useFactory: (rpc: RpcRegistry, secrets: SecretStore) => new FakePii(rpc, secrets) }], exports: [FakePii] })
class FakePiiModule {}

export interface ProfileTestApp {
  app: NestFastifyApplication;
  pool: Pool;
  pii: FakePii;
  close(): Promise<void>;
}

/** profile on a database of its own, with the platform modules it needs and a fake pii. */
export async function startProfileTestApp(options: Partial<ProfileModuleOptions> = {}): Promise<ProfileTestApp> {
  const stack = stackEnv();
  const database = uniqueName('profile_int').toLowerCase();
  const admin = new Client({ connectionString: stack.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const databaseUrl = stack.DATABASE_URL.replace(/\/[^/?]+(\?|$)/, `/${database}$1`);
  const directory = mkdtempSync(join(tmpdir(), 'tall-profile-'));
  const logger = createLogger({ level: 'silent' });
  const modules = [PROFILE_MODULE, PII_MODULE].map(({ name, publishes }) => ({ name, publishes: [...publishes] }));

  const moduleRef = await Test.createTestingModule({
    imports: [
      ObservabilityModule.forRoot({ logger }),
      HttpPlatformModule.forRoot({ minimumClientVersions: { web: '1.0.0', android: '1.0.0', desktop: '1.0.0' } }),
      DatabaseModule.forRoot({ postgresUrl: databaseUrl, postgresPoolSize: 5, mongoUri: stack.MONGODB_URI }),
      EventsModule.forRoot({ clientId: 'profile-int', modules, hostedModules: ['profile', 'pii'], logger }),
      SchedulingModule.forRoot({ enabled: false }),
      SecretsModule.forRoot({ driver: 'local', file: join(directory, 'secrets.json') }),
      AuthModule.forRoot({ keys: { kind: 'secret', secretName: 'test/jwt', issuer: true } }),
      RpcModule.forRoot({ modules: ['profile', 'pii'], hostedModules: ['profile', 'pii'], signingSecretName: 'test/rpc' }),
      FakePiiModule,
      ProfileModule.forRoot({
        databaseUrl,
        poolSize: 5,
        registrationOpen: true,
        authRateLimitPerMinute: 10_000,
        defaultClientVersions: { web: '1.0.0', android: '1.0.0', desktop: '1.0.0' },
        ...options,
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  configureHttp(app, logger);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const pool = createPgPool(databaseUrl, 3, 'test');
  return {
    app,
    pool,
    pii: app.get(FakePii),
    close: async () => {
      await app.close();
      await pool.end();
      rmSync(directory, { recursive: true, force: true });
      const client = new Client({ connectionString: stack.DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
      await client.end();
    },
  };
}
