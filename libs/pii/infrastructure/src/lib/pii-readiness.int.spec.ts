import { randomUUID } from 'node:crypto';
import { ApiError } from '@tall/platform/http';
import { RpcClient } from '@tall/platform/rpc';
import { StorePersonalData } from '@tall/pii/contracts';
import { SecretStoreUnavailableError, type SecretStore, type SecretVersion } from '@tall/platform/secrets';
import { stackSecretStore } from '@tall/platform/test-app';
import { freshDatabase, uniqueName, waitFor } from '@tall/platform/testing';
import { startPiiApp, type PiiTestApp } from '../test-support/pii-test-app';

/** Secrets Manager on the local stack, except that the pii master key cannot be reached while `down`. */
class FlakySecretStore implements SecretStore {
  down = true;
  constructor(private readonly inner: SecretStore, private readonly unreachable: string) {}
  private guard(name: string): void {
    if (this.down && name === this.unreachable) throw new SecretStoreUnavailableError(`Secrets Manager is not reachable (${name})`);
  }
  async getSecret(name: string): Promise<SecretVersion> {
    this.guard(name);
    return this.inner.getSecret(name);
  }
  async getSecretVersion(name: string, versionId: string): Promise<SecretVersion> {
    this.guard(name);
    return this.inner.getSecretVersion(name, versionId);
  }
  async putSecret(name: string, value: string): Promise<string> {
    this.guard(name);
    return this.inner.putSecret(name, value);
  }
  async createIfMissing(name: string, generate: () => string): Promise<SecretVersion> {
    this.guard(name);
    return this.inner.createIfMissing(name, generate);
  }
  async listVersionIds(name: string): Promise<string[]> {
    this.guard(name);
    return this.inner.listVersionIds(name);
  }
  async checkReachable(): Promise<void> {
    if (this.down) throw new SecretStoreUnavailableError('Secrets Manager is not reachable');
  }
}

describe('pii readiness when Secrets Manager is unreachable at start', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let pii: PiiTestApp;
  const masterKeySecret = uniqueName('tall/test/pii-master-down');
  const store = new FlakySecretStore(stackSecretStore(), masterKeySecret);

  beforeAll(async () => {
    database = await freshDatabase('pii_ready');
    pii = await startPiiApp({ databaseUrl: database.url, secretStore: store, masterKeySecret });
  });

  afterAll(async () => {
    await pii?.close();
    await database?.drop();
  });

  it('starts and is live but not ready; storing personal data answers 503 instead of using no key', async () => {
    expect((await pii.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    const ready = await pii.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().down).toEqual(['pii-keys']);
    const stored = await pii.app
      .get(RpcClient)
      .call(StorePersonalData, { userId: randomUUID(), firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org' }, { principal: null })
      .catch((error) => error);
    expect(stored).toBeInstanceOf(ApiError);
    expect(stored).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { dependency: 'secrets' } });
  });

  it('becomes ready by itself once Secrets Manager answers', async () => {
    store.down = false;
    await waitFor(async () => (await pii.app.inject({ method: 'GET', url: '/health/ready' })).statusCode === 200, {
      timeoutMs: 30_000,
      what: 'readiness after Secrets Manager came back',
    });
  });
});
