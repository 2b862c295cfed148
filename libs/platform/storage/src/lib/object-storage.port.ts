import type { Readable } from 'node:stream';

export interface PutObjectOptions {
  contentType: string;
  /** Byte length of a stream body when known; lets drivers upload it in one request. */
  contentLength?: number;
}

export interface ObjectMetadata {
  key: string;
  contentType: string;
  contentLength: number;
  lastModified?: Date;
  etag?: string;
}

export interface StoredObject extends ObjectMetadata {
  /** Must be consumed or destroyed by the caller, or the underlying connection/file stays open. */
  body: Readable;
}

export interface PresignGetOptions {
  expiresInSeconds: number;
}

export interface PresignPutOptions {
  contentType: string;
  expiresInSeconds: number;
}

export interface PresignedRequest {
  method: 'GET' | 'PUT';
  url: string;
  /** Headers the client must send exactly as given, or the signature does not match. */
  headers: Record<string, string>;
  expiresAt: Date;
}

/**
 * Object storage as the bounded contexts see it. Keys are relative, '/'-separated paths
 * (see `assertValidObjectKey`); every driver rejects the same keys.
 */
export interface ObjectStorage {
  put(key: string, body: Buffer | Readable, options: PutObjectOptions): Promise<void>;
  /** @throws ObjectNotFoundError */
  get(key: string): Promise<StoredObject>;
  /** Idempotent: deleting a missing object is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** The object's type and size without its bytes (S3's HeadObject). @throws ObjectNotFoundError */
  head(key: string): Promise<ObjectMetadata>;
  presignGet(key: string, options: PresignGetOptions): Promise<PresignedRequest>;
  presignPut(key: string, options: PresignPutOptions): Promise<PresignedRequest>;
  /** For readiness probes. @throws StorageUnavailableError */
  checkReachable(): Promise<void>;
}

/** Nest injection token for the configured `ObjectStorage`. */
export const OBJECT_STORAGE = Symbol.for('tall.platform.storage.ObjectStorage');

/** The longest validity S3 accepts for a pre-signed URL; the local driver keeps the same limit. */
export const MAX_PRESIGN_EXPIRY_SECONDS = 7 * 24 * 60 * 60;
