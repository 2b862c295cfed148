import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertValidContentType, assertValidExpiry, assertValidObjectKey } from '../object-key';
import type {
  ObjectMetadata,
  ObjectStorage,
  PresignedRequest,
  PresignGetOptions,
  PresignPutOptions,
  PutObjectOptions,
  StoredObject,
} from '../object-storage.port';
import { InvalidObjectKeyError, InvalidStorageOptionsError, ObjectNotFoundError, StorageUnavailableError } from '../storage-errors';
import { LocalUrlSigner, type SignatureCheck, type SignedUrlQuery } from './url-signer';

/**
 * What a client sends as Content-Type on a pre-signed local PUT. The object's real content type
 * travels signed in the URL. A media type of our own means the app needs a body parser for this
 * one type only, instead of a catch-all that would change how every other route treats bodies.
 */
export const LOCAL_UPLOAD_MEDIA_TYPE = 'application/vnd.tall.local-upload';

const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

export interface LocalDiskObjectStorageOptions {
  /** Root directory; created on first write. */
  directory: string;
  /** At least 32 bytes; every instance serving the same directory needs the same secret. */
  signingSecret: string | Buffer;
  /** Absolute URL at which `LocalStorageController` is reachable, e.g. `http://localhost:3000/storage/local`. */
  baseUrl: string;
  now?: () => number;
}

interface MetadataFile {
  contentType: string;
}

/**
 * A development driver that keeps objects as plain files (`objects/<key>`) with their content
 * type beside them (`metadata/<key>.json`), and signs its own expiring URLs.
 * Like a file system and unlike S3, a key cannot be both an object and a "folder" of others.
 */
export class LocalDiskObjectStorage implements ObjectStorage {
  private readonly root: string;
  private readonly objectsDir: string;
  private readonly metadataDir: string;
  private readonly tmpDir: string;
  private readonly signer: LocalUrlSigner;
  private readonly baseUrl: string;
  private readonly now: () => number;

  constructor(options: LocalDiskObjectStorageOptions) {
    this.root = resolve(options.directory);
    this.objectsDir = join(this.root, 'objects');
    this.metadataDir = join(this.root, 'metadata');
    this.tmpDir = join(this.root, 'tmp');
    this.now = options.now ?? Date.now;
    this.signer = new LocalUrlSigner(options.signingSecret, this.now);
    if (!/^https?:\/\//.test(options.baseUrl)) {
      throw new InvalidStorageOptionsError('baseUrl must be an absolute http(s) URL');
    }
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async put(key: string, body: Buffer | Readable, options: PutObjectOptions): Promise<void> {
    assertValidObjectKey(key);
    assertValidContentType(options.contentType);
    await mkdir(this.tmpDir, { recursive: true });
    const tmpObject = join(this.tmpDir, randomUUID());
    const tmpMetadata = `${tmpObject}.json`;
    try {
      await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(tmpObject, { mode: 0o600 }));
      const metadata: MetadataFile = { contentType: options.contentType };
      await writeFile(tmpMetadata, JSON.stringify(metadata), { mode: 0o600 });
      // Rename is atomic: a reader sees the old object or the new one, never a partial file.
      await this.moveIntoPlace(key, tmpObject, this.objectPath(key));
      await this.moveIntoPlace(key, tmpMetadata, this.metadataPath(key));
    } finally {
      await rm(tmpObject, { force: true });
      await rm(tmpMetadata, { force: true });
    }
  }

  async get(key: string): Promise<StoredObject> {
    assertValidObjectKey(key);
    let handle;
    try {
      handle = await open(this.objectPath(key), 'r');
    } catch (error) {
      if (isMissing(error)) throw new ObjectNotFoundError(key, { cause: error });
      throw error;
    }
    try {
      // fstat on the open handle: the size matches the bytes we stream even if a put replaces the file.
      const info = await handle.stat();
      if (!info.isFile()) throw new ObjectNotFoundError(key);
      const metadata = await this.readMetadata(key);
      return {
        key,
        contentType: metadata?.contentType ?? DEFAULT_CONTENT_TYPE,
        contentLength: info.size,
        lastModified: info.mtime,
        body: handle.createReadStream(),
      };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidObjectKey(key);
    await rm(this.objectPath(key), { force: true });
    await rm(this.metadataPath(key), { force: true });
    // Empty folders left behind would stop a later put of an object named like the folder.
    await this.removeEmptyParents(this.objectPath(key), this.objectsDir);
    await this.removeEmptyParents(this.metadataPath(key), this.metadataDir);
  }

  async exists(key: string): Promise<boolean> {
    assertValidObjectKey(key);
    try {
      return (await stat(this.objectPath(key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async head(key: string): Promise<ObjectMetadata> {
    assertValidObjectKey(key);
    let info;
    try {
      info = await stat(this.objectPath(key));
    } catch (error) {
      if (isMissing(error)) throw new ObjectNotFoundError(key, { cause: error });
      throw error;
    }
    if (!info.isFile()) throw new ObjectNotFoundError(key);
    const metadata = await this.readMetadata(key);
    return { key, contentType: metadata?.contentType ?? DEFAULT_CONTENT_TYPE, contentLength: info.size, lastModified: info.mtime };
  }

  async presignGet(key: string, options: PresignGetOptions): Promise<PresignedRequest> {
    assertValidObjectKey(key);
    assertValidExpiry(options.expiresInSeconds);
    const expires = this.expiry(options.expiresInSeconds);
    const signature = this.signer.sign({ method: 'GET', key, expires });
    return {
      method: 'GET',
      url: `${this.urlFor(key)}?${new URLSearchParams({ expires: String(expires), signature })}`,
      headers: {},
      expiresAt: new Date(expires * 1000),
    };
  }

  async presignPut(key: string, options: PresignPutOptions): Promise<PresignedRequest> {
    assertValidObjectKey(key);
    assertValidExpiry(options.expiresInSeconds);
    assertValidContentType(options.contentType);
    const expires = this.expiry(options.expiresInSeconds);
    const signature = this.signer.sign({ method: 'PUT', key, expires, contentType: options.contentType });
    const query = new URLSearchParams({ contentType: options.contentType, expires: String(expires), signature });
    return {
      method: 'PUT',
      url: `${this.urlFor(key)}?${query}`,
      headers: { 'content-type': LOCAL_UPLOAD_MEDIA_TYPE },
      expiresAt: new Date(expires * 1000),
    };
  }

  async checkReachable(): Promise<void> {
    try {
      await mkdir(this.objectsDir, { recursive: true });
    } catch (error) {
      throw new StorageUnavailableError(`Local storage directory is not usable: ${this.root}`, { cause: error });
    }
  }

  /** For `LocalStorageController`: checks a request against the signature in its URL. */
  verifySignedRequest(query: SignedUrlQuery): SignatureCheck {
    return this.signer.verify(query);
  }

  private expiry(expiresInSeconds: number): number {
    return Math.floor(this.now() / 1000) + expiresInSeconds;
  }

  private urlFor(key: string): string {
    return `${this.baseUrl}/${key.split('/').map(encodeURIComponent).join('/')}`;
  }

  private objectPath(key: string): string {
    return this.inside(this.objectsDir, join(this.objectsDir, ...key.split('/')));
  }

  private metadataPath(key: string): string {
    return this.inside(this.metadataDir, `${join(this.metadataDir, ...key.split('/'))}.json`);
  }

  // Defence in depth behind assertValidObjectKey: no resolved path may leave its folder.
  private inside(folder: string, path: string): string {
    const resolved = resolve(path);
    if (!resolved.startsWith(folder + sep)) throw new InvalidObjectKeyError(path, 'resolves outside the storage directory');
    return resolved;
  }

  private async moveIntoPlace(key: string, from: string, to: string): Promise<void> {
    // Two attempts: a concurrent delete may remove the freshly created parent folder in between.
    for (let attempt = 1; ; attempt++) {
      try {
        await mkdir(dirname(to), { recursive: true });
        await rename(from, to);
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' && attempt < 2) continue;
        if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'EISDIR' || code === 'ENOTEMPTY') {
          throw new InvalidObjectKeyError(key, 'conflicts with an existing object or folder of objects on local disk');
        }
        throw error;
      }
    }
  }

  private async readMetadata(key: string): Promise<MetadataFile | undefined> {
    try {
      return JSON.parse(await readFile(this.metadataPath(key), 'utf8')) as MetadataFile;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  private async removeEmptyParents(path: string, stopAt: string): Promise<void> {
    for (let folder = dirname(path); folder.startsWith(stopAt + sep); folder = dirname(folder)) {
      try {
        await rmdir(folder);
      } catch {
        return; // not empty, already gone, or in use by a concurrent put
      }
    }
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
