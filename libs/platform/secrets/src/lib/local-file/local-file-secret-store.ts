import { randomUUID } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { SecretNotFoundError, SecretStoreCorruptError, SecretStoreUnavailableError } from '../secret-errors';
import type { SecretStore, SecretVersion } from '../secret-store.port';

export interface LocalFileSecretStoreOptions {
  /** JSON file, created with mode 0600 (its folder 0700) on first write. */
  file: string;
  /** How long a writer waits for another process's lock before giving up. */
  lockTimeoutMs?: number;
  /** A lock file older than this is left over from a crashed process and is broken. */
  staleLockMs?: number;
}

interface StoredVersion {
  id: string;
  value: string;
  createdAt: string;
}

interface SecretsFile {
  format: 1;
  secrets: Record<string, { current: string; versions: StoredVersion[] }>;
}

const EMPTY: SecretsFile = { format: 1, secrets: {} };

/**
 * Development secrets in one JSON file, every version kept. Writes go to a temporary file that
 * is renamed over the old one, under a lock file, so several app processes on one machine can
 * share the file (and `createIfMissing` stays race-safe between them).
 */
export class LocalFileSecretStore implements SecretStore {
  private readonly file: string;
  private readonly lockFile: string;
  private readonly lockTimeoutMs: number;
  private readonly staleLockMs: number;
  // Serialises this process's writers before they compete for the lock file with other processes.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: LocalFileSecretStoreOptions) {
    this.file = resolve(options.file);
    this.lockFile = `${this.file}.lock`;
    this.lockTimeoutMs = options.lockTimeoutMs ?? 5_000;
    this.staleLockMs = options.staleLockMs ?? 30_000;
  }

  async getSecret(name: string): Promise<SecretVersion> {
    const secret = (await this.load()).secrets[name];
    if (!secret) throw new SecretNotFoundError(name);
    return toVersion(name, findVersion(secret.versions, secret.current, name));
  }

  async getSecretVersion(name: string, versionId: string): Promise<SecretVersion> {
    const secret = (await this.load()).secrets[name];
    if (!secret) throw new SecretNotFoundError(name, versionId);
    return toVersion(name, findVersion(secret.versions, versionId, name));
  }

  async putSecret(name: string, value: string): Promise<string> {
    return this.update((data) => {
      const version: StoredVersion = { id: randomUUID(), value, createdAt: new Date().toISOString() };
      const secret = (data.secrets[name] ??= { current: version.id, versions: [] });
      secret.versions.push(version);
      secret.current = version.id;
      return version.id;
    });
  }

  async createIfMissing(name: string, generate: () => string): Promise<SecretVersion> {
    const existing = (await this.load()).secrets[name];
    if (existing) return toVersion(name, findVersion(existing.versions, existing.current, name));
    // Checked again under the lock: another process may have created it since.
    return this.update((data) => {
      const secret = data.secrets[name];
      if (secret) return toVersion(name, findVersion(secret.versions, secret.current, name));
      const version: StoredVersion = { id: randomUUID(), value: generate(), createdAt: new Date().toISOString() };
      data.secrets[name] = { current: version.id, versions: [version] };
      return toVersion(name, version);
    });
  }

  async listVersionIds(name: string): Promise<string[]> {
    const secret = (await this.load()).secrets[name];
    if (!secret) throw new SecretNotFoundError(name);
    return secret.versions.map((version) => version.id);
  }

  async checkReachable(): Promise<void> {
    try {
      await this.load();
    } catch (error) {
      throw new SecretStoreUnavailableError(`The local secrets file cannot be read: ${this.file}`, { cause: error });
    }
  }

  private async load(): Promise<SecretsFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(EMPTY);
      throw error;
    }
    let data: SecretsFile;
    try {
      data = JSON.parse(text) as SecretsFile;
    } catch (error) {
      throw new SecretStoreCorruptError(`The local secrets file is not valid JSON: ${this.file}`, { cause: error });
    }
    if (data?.format !== 1 || typeof data.secrets !== 'object' || data.secrets === null) {
      throw new SecretStoreCorruptError(`The local secrets file has an unknown format: ${this.file}`);
    }
    return data;
  }

  private update<T>(change: (data: SecretsFile) => T): Promise<T> {
    const run = this.queue.then(() => this.underFileLock(async () => {
      const data = await this.load();
      const result = change(data);
      await this.save(data);
      return result;
    }));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async save(data: SecretsFile): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    const temporary = `${this.file}.${randomUUID()}.tmp`;
    try {
      const handle = await open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(data, null, 2));
        await handle.sync();
      } finally {
        await handle.close();
      }
      // The mode given to open() is reduced by the umask; make sure it is exactly owner-only.
      await chmod(temporary, 0o600);
      await rename(temporary, this.file);
    } finally {
      await rm(temporary, { force: true });
    }
  }

  private async underFileLock<T>(work: () => Promise<T>): Promise<T> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    const deadline = Date.now() + this.lockTimeoutMs;
    for (;;) {
      try {
        const handle = await open(this.lockFile, 'wx', 0o600);
        await handle.writeFile(String(process.pid));
        await handle.close();
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (await this.lockIsStale()) {
          await rm(this.lockFile, { force: true });
          continue;
        }
        if (Date.now() > deadline) {
          throw new SecretStoreUnavailableError(`Timed out waiting for the lock on ${this.file} (${this.lockFile})`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));
      }
    }
    try {
      return await work();
    } finally {
      await rm(this.lockFile, { force: true });
    }
  }

  private async lockIsStale(): Promise<boolean> {
    try {
      return Date.now() - (await stat(this.lockFile)).mtimeMs > this.staleLockMs;
    } catch {
      return false; // gone already: the next attempt takes it
    }
  }
}

function findVersion(versions: StoredVersion[], id: string, name: string): StoredVersion {
  const version = versions.find((candidate) => candidate.id === id);
  if (!version) throw new SecretNotFoundError(name, id);
  return version;
}

function toVersion(name: string, version: StoredVersion): SecretVersion {
  return { name, versionId: version.id, value: version.value, createdAt: new Date(version.createdAt) };
}
