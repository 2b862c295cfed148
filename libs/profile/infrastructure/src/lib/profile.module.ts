import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { guardPoolClients, PG_POOL } from '@tall/platform/database';
import { RpcClient } from '@tall/platform/rpc';
import { SECRET_STORE, type SecretStore } from '@tall/platform/secrets';
import {
  ACCESS_TOKENS,
  CLIENT_VERSION_ENFORCEMENT,
  CLOCK,
  COMMON_PASSWORDS,
  DEFAULT_CLIENT_VERSIONS,
  EMAIL_INDEXER,
  PASSWORD_HASHER,
  PERSONAL_DATA_GATEWAY,
  PROFILE_STORE,
  profileCommandHandlers,
  profileQueryHandlers,
  profileServices,
  REGISTRATION_SETTINGS,
} from '@tall/profile/application';
import { ClientVersionPolicySync } from './client-versions/client-version-policy-sync';
import { Argon2PasswordHasher } from './credentials/argon2-password-hasher';
import { BlindIndexEmails } from './credentials/blind-index-emails';
import { loadCommonPasswords } from './credentials/common-passwords';
import { PlatformAccessTokens } from './credentials/platform-access-tokens';
import { AUTH_RATE_LIMIT, AuthRateLimitGuard, SignInAccountRateLimitGuard, type AuthRateLimitOptions } from './http/auth-rate-limit';
import { AuthController } from './http/auth.controller';
import { ClientVersionsController } from './http/client-versions.controller';
import { OwnAccountErasureController } from './http/own-account-erasure.controller';
import { UsersController } from './http/users.controller';
import { createProfileDataSource, migrateProfile } from './persistence/profile-data-source';
import { TypeOrmProfileStore } from './persistence/typeorm-profile-store';
import { PiiPersonalDataGateway } from './pii/pii-personal-data-gateway';
import { PiiRoleBackfill } from './pii/pii-role-backfill';
import { ProfileLifecycle } from './profile-lifecycle';
import { SessionCacheSync } from './session-check/session-cache-sync';
import { PROFILE_DATA_SOURCE, PROFILE_MODULE_OPTIONS, type ProfileModuleOptions } from './profile-tokens';

function adapters(options: ProfileModuleOptions): Provider[] {
  return [
    {
      provide: PROFILE_DATA_SOURCE,
      inject: [PG_POOL],
      useFactory: async (pool: Pool): Promise<DataSource> => {
        const dataSource = createProfileDataSource({ url: options.databaseUrl, poolSize: options.poolSize });
        await dataSource.initialize();
        // TypeORM's own pg pool needs the same guard as the platform's (see guardPoolClients).
        guardPoolClients((dataSource.driver as unknown as { master: Pool }).master);
        await migrateProfile(dataSource, pool);
        return dataSource;
      },
    },
    { provide: PROFILE_STORE, inject: [PROFILE_DATA_SOURCE], useFactory: (dataSource: DataSource) => new TypeOrmProfileStore(dataSource) },
    { provide: PASSWORD_HASHER, useValue: new Argon2PasswordHasher() },
    { provide: EMAIL_INDEXER, inject: [SECRET_STORE], useFactory: (secrets: SecretStore) => new BlindIndexEmails(secrets) },
    { provide: ACCESS_TOKENS, useClass: PlatformAccessTokens },
    { provide: PERSONAL_DATA_GATEWAY, inject: [RpcClient], useFactory: (rpc: RpcClient) => new PiiPersonalDataGateway(rpc) },
    { provide: CLOCK, useValue: { now: () => new Date() } },
    { provide: COMMON_PASSWORDS, useFactory: () => loadCommonPasswords() },
    { provide: REGISTRATION_SETTINGS, useValue: { open: options.registrationOpen } },
    { provide: DEFAULT_CLIENT_VERSIONS, useValue: { ...options.defaultClientVersions } },
    { provide: CLIENT_VERSION_ENFORCEMENT, useExisting: ClientVersionPolicySync },
    {
      provide: AUTH_RATE_LIMIT,
      useValue: { perMinute: options.authRateLimitPerMinute, accountPerMinute: options.authAccountRateLimitPerMinute } satisfies AuthRateLimitOptions,
    },
  ];
}

/**
 * The profile context: accounts, roles, credentials, sessions, teacher↔student links and
 * client versions, in PostgreSQL schema `profile` (TypeORM, migrations only). Personal data
 * goes to pii; profile keeps the email's blind index for sign-in.
 */
@Module({})
export class ProfileModule {
  static forRoot(options: ProfileModuleOptions): DynamicModule {
    return {
      module: ProfileModule,
      controllers: [AuthController, UsersController, ClientVersionsController, OwnAccountErasureController],
      providers: [
        { provide: PROFILE_MODULE_OPTIONS, useValue: options },
        ...adapters(options),
        ...profileServices,
        ...profileCommandHandlers,
        ...profileQueryHandlers,
        ClientVersionPolicySync,
        AuthRateLimitGuard,
        SignInAccountRateLimitGuard,
        ProfileLifecycle,
        PiiRoleBackfill,
        SessionCacheSync,
      ],
      exports: [PROFILE_DATA_SOURCE],
    };
  }
}
