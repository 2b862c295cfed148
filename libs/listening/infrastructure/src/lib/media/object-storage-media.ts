import type { MediaStorage, ShortLivedUrl } from '@tall/listening/application';
import { checkPlaybackUrlTtl } from '@tall/listening/domain';
import { ObjectNotFoundError, type ObjectStorage } from '@tall/platform/storage';

/**
 * The media port on the platform's object storage (S3): pre-signed URLs, and HeadObject for a
 * completed upload. S3 enforces a URL's lifetime and signature; object-storage-media.int.spec.ts
 * proves it on a strict S3 server.
 */
export class ObjectStorageMedia implements MediaStorage {
  constructor(private readonly storage: ObjectStorage) {}

  /** @throws RangeError when `ttlSeconds` is not 1 to 900: no playback URL lives longer than 15 minutes. */
  async presignGet(key: string, ttlSeconds: number): Promise<ShortLivedUrl> {
    const signed = await this.storage.presignGet(key, { expiresInSeconds: checkPlaybackUrlTtl(ttlSeconds) });
    return { url: signed.url, headers: signed.headers, expiresAt: signed.expiresAt };
  }

  async presignPut(key: string, contentType: string, ttlSeconds: number): Promise<ShortLivedUrl> {
    const signed = await this.storage.presignPut(key, { contentType, expiresInSeconds: ttlSeconds });
    return { url: signed.url, headers: signed.headers, expiresAt: signed.expiresAt };
  }

  async head(key: string): Promise<{ contentType: string; sizeBytes: number } | null> {
    try {
      const object = await this.storage.head(key);
      return { contentType: object.contentType, sizeBytes: object.contentLength };
    } catch (error) {
      if (error instanceof ObjectNotFoundError) return null;
      throw error;
    }
  }
}
