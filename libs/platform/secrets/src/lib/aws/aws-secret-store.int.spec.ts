import { DeleteSecretCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import { randomBytes } from 'node:crypto';
import { SecretNotFoundError, SecretStoreUnavailableError } from '../secret-errors';
import { AwsSecretStore, createSecretsManagerClient } from './aws-secret-store';

describe('AwsSecretStore against the local Secrets Manager', () => {
  const env = stackEnv();
  const created: string[] = [];
  let clients: SecretsManagerClient[];
  let store: AwsSecretStore;
  let otherInstance: AwsSecretStore;

  const secretName = () => {
    const name = `tall/test/${uniqueName('secret')}`;
    created.push(name);
    return name;
  };

  beforeAll(() => {
    const connect = () =>
      createSecretsManagerClient({
        region: env.AWS_REGION,
        endpoint: env.AWS_ENDPOINT_URL_SECRETS_MANAGER,
        credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
      });
    clients = [connect(), connect()];
    store = new AwsSecretStore({ client: clients[0] });
    otherInstance = new AwsSecretStore({ client: clients[1] });
  });

  afterAll(async () => {
    for (const name of created) {
      await clients[0].send(new DeleteSecretCommand({ SecretId: name, ForceDeleteWithoutRecovery: true })).catch(() => undefined);
    }
    clients.forEach((client) => client.destroy());
  });

  it('creates a secret on first put and keeps earlier versions readable after rotation', async () => {
    const name = secretName();
    const v1 = await store.putSecret(name, 'master-key-1');
    expect(await store.getSecret(name)).toMatchObject({ name, versionId: v1, value: 'master-key-1' });

    const v2 = await store.putSecret(name, 'master-key-2');
    const v3 = await store.putSecret(name, 'master-key-3');
    expect(new Set([v1, v2, v3]).size).toBe(3);
    expect(await store.getSecret(name)).toMatchObject({ versionId: v3, value: 'master-key-3' });

    // A data key wrapped under v1 is still unwrappable two rotations later.
    expect((await store.getSecretVersion(name, v1)).value).toBe('master-key-1');
    expect((await store.getSecretVersion(name, v2)).value).toBe('master-key-2');
    expect(await store.listVersionIds(name)).toEqual([v1, v2, v3]);
  });

  it('maps missing secrets and versions to SecretNotFoundError', async () => {
    const name = secretName();
    await expect(store.getSecret(name)).rejects.toBeInstanceOf(SecretNotFoundError);
    await expect(store.listVersionIds(name)).rejects.toBeInstanceOf(SecretNotFoundError);
    await store.putSecret(name, 'x');
    await expect(store.getSecretVersion(name, '00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(SecretNotFoundError);
  });

  it('createIfMissing: concurrent instances end with one value', async () => {
    const name = secretName();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 === 0 ? store : otherInstance).createIfMissing(name, () => randomBytes(32).toString('base64')),
      ),
    );
    const values = new Set(results.map((result) => result.value));
    expect(values.size).toBe(1);
    expect((await store.getSecret(name)).value).toBe(results[0].value);
    expect(await store.listVersionIds(name)).toHaveLength(1);

    // Later calls read the existing value and never call the generator.
    const generate = jest.fn(() => 'unused');
    expect((await otherInstance.createIfMissing(name, generate)).value).toBe(results[0].value);
    expect(generate).not.toHaveBeenCalled();
  });

  it('reports an unreachable endpoint as SecretStoreUnavailableError', async () => {
    const offline = new AwsSecretStore({
      client: createSecretsManagerClient({
        region: 'us-east-1',
        endpoint: 'http://127.0.0.1:9', // discard port: nothing listens
        credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
      }),
    });
    await expect(offline.getSecret('any')).rejects.toBeInstanceOf(SecretStoreUnavailableError);
    await expect(offline.checkReachable()).rejects.toBeInstanceOf(SecretStoreUnavailableError);
    await expect(store.checkReachable()).resolves.toBeUndefined();
  });
});
