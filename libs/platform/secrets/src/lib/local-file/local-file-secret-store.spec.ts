import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretNotFoundError, SecretStoreCorruptError } from '../secret-errors';
import { LocalFileSecretStore } from './local-file-secret-store';

describe('LocalFileSecretStore', () => {
  let directory: string;
  let file: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'tall-secrets-'));
    file = join(directory, 'nested', 'secrets.json');
  });

  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('keeps every version readable and makes the newest current', async () => {
    const store = new LocalFileSecretStore({ file });
    const v1 = await store.putSecret('pii/master-key', 'key-1');
    const v2 = await store.putSecret('pii/master-key', 'key-2');
    expect(await store.getSecret('pii/master-key')).toMatchObject({ versionId: v2, value: 'key-2' });
    expect(await store.getSecretVersion('pii/master-key', v1)).toMatchObject({ versionId: v1, value: 'key-1' });
    expect(await store.listVersionIds('pii/master-key')).toEqual([v1, v2]);

    // A second process sees the same file.
    expect((await new LocalFileSecretStore({ file }).getSecret('pii/master-key')).value).toBe('key-2');
  });

  it('writes the file readable by its owner only', async () => {
    await new LocalFileSecretStore({ file }).putSecret('a', 'b');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(directory, 'nested'))).mode & 0o077).toBe(0);
  });

  it('reports missing secrets and versions as SecretNotFoundError', async () => {
    const store = new LocalFileSecretStore({ file });
    await expect(store.getSecret('missing')).rejects.toBeInstanceOf(SecretNotFoundError);
    await expect(store.listVersionIds('missing')).rejects.toBeInstanceOf(SecretNotFoundError);
    await store.putSecret('present', 'x');
    await expect(store.getSecretVersion('present', 'no-such-version')).rejects.toBeInstanceOf(SecretNotFoundError);
  });

  it('createIfMissing gives concurrent instances the same value and generates once', async () => {
    const instances = Array.from({ length: 4 }, () => new LocalFileSecretStore({ file }));
    let generated = 0;
    const results = await Promise.all(
      instances.flatMap((store) => [1, 2].map(() => store.createIfMissing('jwt/signing-key', () => `value-${++generated}`))),
    );
    expect(new Set(results.map((result) => result.value)).size).toBe(1);
    expect(generated).toBe(1);
    expect(await instances[0].listVersionIds('jwt/signing-key')).toHaveLength(1);
  });

  it('serialises concurrent puts so no version is lost', async () => {
    const a = new LocalFileSecretStore({ file });
    const b = new LocalFileSecretStore({ file });
    const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).putSecret('s', `v${i}`)));
    expect(new Set(await a.listVersionIds('s'))).toEqual(new Set(ids));
  });

  it('breaks a lock left behind by a crashed process', async () => {
    const store = new LocalFileSecretStore({ file, staleLockMs: 0 });
    await store.putSecret('s', 'first');
    await writeFile(`${file}.lock`, '99999');
    await expect(store.putSecret('s', 'second')).resolves.toEqual(expect.any(String));
  });

  it('refuses a corrupt file instead of overwriting it', async () => {
    const store = new LocalFileSecretStore({ file });
    await store.putSecret('s', 'x');
    await writeFile(file, '{ not json');
    await expect(store.getSecret('s')).rejects.toBeInstanceOf(SecretStoreCorruptError);
    await expect(store.putSecret('s', 'y')).rejects.toBeInstanceOf(SecretStoreCorruptError);
    expect(await readFile(file, 'utf8')).toBe('{ not json');
  });
});
