import { CachingSecretStore } from './caching-secret-store';
import { SecretNotFoundError } from './secret-errors';
import type { SecretStore, SecretVersion } from './secret-store.port';

function fakeStore(): jest.Mocked<SecretStore> & { values: Map<string, SecretVersion[]> } {
  const values = new Map<string, SecretVersion[]>();
  const currentOf = (name: string) => {
    const versions = values.get(name);
    if (!versions) throw new SecretNotFoundError(name);
    return versions[versions.length - 1];
  };
  return {
    values,
    getSecret: jest.fn(async (name: string) => currentOf(name)),
    getSecretVersion: jest.fn(async (name: string, id: string) => {
      const version = values.get(name)?.find((candidate) => candidate.versionId === id);
      if (!version) throw new SecretNotFoundError(name, id);
      return version;
    }),
    putSecret: jest.fn(async (name: string, value: string) => {
      const versions = values.get(name) ?? [];
      const version = { name, value, versionId: `v${versions.length + 1}` };
      values.set(name, [...versions, version]);
      return version.versionId;
    }),
    createIfMissing: jest.fn(async (name: string, generate: () => string) => {
      if (!values.has(name)) values.set(name, [{ name, value: generate(), versionId: 'v1' }]);
      return currentOf(name);
    }),
    listVersionIds: jest.fn(async (name: string) => (values.get(name) ?? []).map((version) => version.versionId)),
    checkReachable: jest.fn(async () => undefined),
  };
}

describe('CachingSecretStore', () => {
  it('caches versions for good and the current version for the TTL', async () => {
    const inner = fakeStore();
    let now = 0;
    const store = new CachingSecretStore(inner, { currentTtlMs: 1_000, now: () => now });
    await inner.putSecret('k', 'one');

    expect((await store.getSecret('k')).value).toBe('one');
    expect((await store.getSecret('k')).value).toBe('one');
    expect(inner.getSecret).toHaveBeenCalledTimes(1);
    // The current version was remembered as a version too.
    expect((await store.getSecretVersion('k', 'v1')).value).toBe('one');
    expect(inner.getSecretVersion).not.toHaveBeenCalled();

    await inner.putSecret('k', 'two'); // rotated by another instance
    expect((await store.getSecret('k')).value).toBe('one');
    now = 1_001;
    expect((await store.getSecret('k')).value).toBe('two');
    expect((await store.getSecretVersion('k', 'v1')).value).toBe('one');
  });

  it('sees its own rotation at once', async () => {
    const inner = fakeStore();
    const store = new CachingSecretStore(inner, { currentTtlMs: 60_000 });
    await store.putSecret('k', 'one');
    await store.getSecret('k');
    await store.putSecret('k', 'two');
    expect((await store.getSecret('k')).value).toBe('two');
  });

  it('does not cache failures', async () => {
    const inner = fakeStore();
    const store = new CachingSecretStore(inner, { currentTtlMs: 60_000 });
    await expect(store.getSecret('k')).rejects.toBeInstanceOf(SecretNotFoundError);
    await expect(store.getSecretVersion('k', 'v1')).rejects.toBeInstanceOf(SecretNotFoundError);
    await inner.putSecret('k', 'one');
    expect((await store.getSecret('k')).value).toBe('one');
    expect((await store.getSecretVersion('k', 'v1')).value).toBe('one');
  });
});
