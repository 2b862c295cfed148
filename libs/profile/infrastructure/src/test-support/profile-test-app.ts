import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Pool } from 'pg';
import { EMAIL_BLIND_INDEX_SECRET, emailBlindIndex, ErasePersonalData, GetDisplayNames, PII_MODULE, RecordUserRoles, StorePersonalData } from '@tall/pii/contracts';
import { createPgPool } from '@tall/platform/database';
import { errors } from '@tall/platform/http';
import { RpcRegistry } from '@tall/platform/rpc';
import { SECRET_STORE, type SecretStore } from '@tall/platform/secrets';
import { freshDatabase } from '@tall/platform/testing';
import { startPlatformTestApp } from '@tall/platform/test-app';
import { PROFILE_MODULE } from '@tall/profile/contracts';
import { ProfileModule } from '../lib/profile.module';
import { ProfileSessionStatusModule } from '../lib/session-check/profile-session-status.module';
import type { ProfileModuleOptions } from '../lib/profile-tokens';

/** Stands in for the pii context: keeps personal data in memory, provides its calls in-process. */
@Injectable()
export class FakePii implements OnModuleInit {
  readonly people = new Map<string, { firstName: string; lastName: string; email: string; index: string }>();
  /** Whose data profile had pii erase, and for whom (the forwarded principal). */
  readonly erasures: { userId: string; principal?: string }[] = [];
  /** Roles profile sent (`pii.recordUserRoles`), with the caller and principal of each call. */
  readonly roles = new Map<string, string>();
  readonly roleCalls: { users: number; caller?: string; principal?: string }[] = [];
  failNextStore = false;
  /** While set, `pii.recordUserRoles` answers 503, as an unreachable pii would. */
  rolesUnavailable = false;

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
    this.rpc.provide(ErasePersonalData, async ({ userId }, context) => {
      this.erasures.push({ userId, principal: context.principal?.userId });
      return { erased: this.people.delete(userId) };
    });
    this.rpc.provide(RecordUserRoles, async ({ users }, context) => {
      this.roleCalls.push({ users: users.length, caller: context.callerModule, principal: context.principal?.userId });
      if (this.rolesUnavailable) throw errors.unavailable('pii');
      const fresh = users.filter((user) => !this.roles.has(user.userId));
      fresh.forEach((user) => this.roles.set(user.userId, user.role));
      return { recorded: fresh.length };
    });
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

/**
 * profile on a database of its own, with the platform modules it needs and a fake pii.
 * `sessionCheck`: access tokens are checked against their session, as in the app.
 */
export async function startProfileTestApp(options: Partial<ProfileModuleOptions> = {}, { sessionCheck = false } = {}): Promise<ProfileTestApp> {
  const database = await freshDatabase('profile');
  const modules = [PROFILE_MODULE, PII_MODULE].map(({ name, publishes }) => ({ name, publishes: [...publishes] }));
  const platform = await startPlatformTestApp({
    name: 'profile-int',
    databaseUrl: database.url,
    modules,
    hostedModules: ['profile', 'pii'],
    postgresPoolSize: 5,
    sessionCheck,
    imports: [
      ...(sessionCheck ? [ProfileSessionStatusModule] : []),
      FakePiiModule,
      ProfileModule.forRoot({
        databaseUrl: database.url,
        poolSize: 5,
        registrationOpen: true,
        authRateLimitPerMinute: 10_000,
        authAccountRateLimitPerMinute: 10_000,
        defaultClientVersions: { web: '1.0.0', android: '1.0.0', desktop: '1.0.0' },
        ...options,
      }),
    ],
  });
  const pool = createPgPool(database.url, 3, 'test');
  return {
    app: platform.app,
    pool,
    pii: platform.app.get(FakePii),
    close: async () => {
      await platform.close();
      await pool.end();
      await database.drop();
    },
  };
}
