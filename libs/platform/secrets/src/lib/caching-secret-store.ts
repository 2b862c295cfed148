import type { SecretStore, SecretVersion } from './secret-store.port';

export interface CachingSecretStoreOptions {
  /** How long the current version of a secret is reused before asking the store again. */
  currentTtlMs: number;
  now?: () => number;
}

/**
 * Keeps versions in memory. A version never changes, so it is cached for the life of the
 * process (unwrapping a data key reads its master key version on every request); the current
 * version is cached for a short time only, so a rotation made by another instance is seen.
 */
export class CachingSecretStore implements SecretStore {
  private readonly versions = new Map<string, Promise<SecretVersion>>();
  private readonly current = new Map<string, { version: Promise<SecretVersion>; expiresAt: number }>();
  private readonly now: () => number;

  constructor(private readonly inner: SecretStore, private readonly options: CachingSecretStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  getSecret(name: string): Promise<SecretVersion> {
    const cached = this.current.get(name);
    if (cached && cached.expiresAt > this.now()) return cached.version;
    const version = this.inner.getSecret(name);
    this.rememberCurrent(name, version);
    return version;
  }

  getSecretVersion(name: string, versionId: string): Promise<SecretVersion> {
    const key = `${name}\n${versionId}`;
    let version = this.versions.get(key);
    if (!version) {
      version = this.inner.getSecretVersion(name, versionId);
      this.versions.set(key, version);
      // Failures are not cached: the next call asks again.
      version.catch(() => this.versions.delete(key));
    }
    return version;
  }

  async putSecret(name: string, value: string): Promise<string> {
    this.current.delete(name);
    const versionId = await this.inner.putSecret(name, value);
    this.current.delete(name);
    return versionId;
  }

  createIfMissing(name: string, generate: () => string): Promise<SecretVersion> {
    const cached = this.current.get(name);
    if (cached && cached.expiresAt > this.now()) return cached.version;
    const version = this.inner.createIfMissing(name, generate);
    this.rememberCurrent(name, version);
    return version;
  }

  listVersionIds(name: string): Promise<string[]> {
    return this.inner.listVersionIds(name);
  }

  checkReachable(): Promise<void> {
    return this.inner.checkReachable();
  }

  private rememberCurrent(name: string, version: Promise<SecretVersion>): void {
    const entry = { version, expiresAt: this.now() + this.options.currentTtlMs };
    this.current.set(name, entry);
    version.then(
      (resolved) => this.versions.set(`${name}\n${resolved.versionId}`, Promise.resolve(resolved)),
      () => {
        if (this.current.get(name) === entry) this.current.delete(name);
      },
    );
  }
}
