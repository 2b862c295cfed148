/** A URL that works for a short while only. */
export interface ShortLivedUrl {
  url: string;
  /** Headers the client must send exactly as given (a PUT's content type). */
  headers: Record<string, string>;
  expiresAt: Date;
}

/**
 * Where the media live (S3): clients get pre-signed URLs and fetch or upload the bytes
 * themselves, so no video passes through the API.
 */
export interface MediaStorage {
  presignGet(key: string, ttlSeconds: number): Promise<ShortLivedUrl>;
  /** The upload must declare `contentType`: it is part of the signature. */
  presignPut(key: string, contentType: string, ttlSeconds: number): Promise<ShortLivedUrl>;
  /** What storage holds under the key (HeadObject); null when nothing. */
  head(key: string): Promise<{ contentType: string; sizeBytes: number } | null>;
}

export const MEDIA_STORAGE = Symbol('MEDIA_STORAGE');
