import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HealthRegistry } from '@tall/platform/observability';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CachingSecretStore } from './caching-secret-store';
import { SECRET_STORE, type SecretStore } from './secret-store.port';
import { SecretsModule } from './secrets.module';

describe('SecretsModule', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'tall-secrets-module-'));
  });

  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('binds SECRET_STORE to the configured driver behind a cache, and adds a readiness check', async () => {
    @Global()
    @Module({ providers: [HealthRegistry], exports: [HealthRegistry] })
    class HealthModule {}

    @Module({ imports: [HealthModule, SecretsModule.forRoot({ driver: 'local', file: join(directory, 'secrets.json') })] })
    class AppModule {}

    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const store = app.get<SecretStore>(SECRET_STORE);
    expect(store).toBeInstanceOf(CachingSecretStore);
    const created = await store.createIfMissing('jwt/signing-key', () => 'generated');
    expect((await store.getSecret('jwt/signing-key')).versionId).toBe(created.versionId);

    const readiness = await app.get(HealthRegistry).readiness();
    expect(readiness.checks['secrets']).toMatchObject({ status: 'up' });
    await app.close();
  });

  it('works without the observability module', async () => {
    @Module({ imports: [SecretsModule.forRoot({ driver: 'local', file: join(directory, 's.json'), currentTtlMs: 0 })] })
    class AppModule {}
    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    expect(app.get(SECRET_STORE)).not.toBeInstanceOf(CachingSecretStore);
    await app.close();
  });
});
