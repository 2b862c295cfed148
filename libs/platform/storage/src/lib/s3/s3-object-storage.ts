import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type BucketLocationConstraint,
  type CompletedPart,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Readable } from 'node:stream';
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
import { InvalidStorageOptionsError, ObjectNotFoundError, StorageUnavailableError } from '../storage-errors';
import { isNotFoundError, isUnreachableError } from '@tall/platform/aws';

export interface S3ConnectionOptions {
  region: string;
  /** Set for S3-compatible servers (moto, MinIO); leave unset for AWS. */
  endpoint?: string;
  /** Path-style URLs (`endpoint/bucket/key`), needed by most S3-compatible servers. */
  forcePathStyle?: boolean;
  /** Omit to use the SDK's default provider chain (environment, instance role, ...). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/**
 * An S3 client configured the way both AWS and the local moto server accept. Checksums only
 * when an operation requires them: otherwise the SDK adds checksum parameters to pre-signed
 * PUT URLs that a browser upload cannot satisfy.
 */
export function createS3Client(options: S3ConnectionOptions): S3Client {
  return new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    // Without timeouts an unreachable endpoint hangs a request (and a readiness probe) for minutes.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });
}

export interface S3ObjectStorageOptions {
  client: S3Client;
  bucket: string;
  /** Signs URLs for clients that reach S3 under another host than the app does (e.g. a public endpoint). */
  presignClient?: S3Client;
  /** Part size for streams of unknown length; S3 requires at least 5 MiB. */
  partSizeBytes?: number;
}

const MIN_PART_BYTES = 5 * 1024 * 1024;

export class S3ObjectStorage implements ObjectStorage {
  private readonly client: S3Client;
  private readonly presignClient: S3Client;
  private readonly bucket: string;
  private readonly partSizeBytes: number;

  constructor(options: S3ObjectStorageOptions) {
    this.client = options.client;
    this.presignClient = options.presignClient ?? options.client;
    this.bucket = options.bucket;
    this.partSizeBytes = options.partSizeBytes ?? 8 * 1024 * 1024;
    if (this.partSizeBytes < MIN_PART_BYTES) {
      throw new InvalidStorageOptionsError(`partSizeBytes must be at least ${MIN_PART_BYTES}`);
    }
  }

  /** Creates the bucket when it does not exist; safe when several instances start together. */
  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return;
    } catch (error) {
      if (!isNotFoundError(error, 'NotFound', 'NoSuchBucket')) throw this.translate(error, `bucket ${this.bucket}`);
    }
    const region = await this.client.config.region();
    try {
      await this.client.send(
        new CreateBucketCommand({
          Bucket: this.bucket,
          // us-east-1 is the one region that rejects an explicit location constraint.
          ...(region === 'us-east-1'
            ? {}
            : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
        }),
      );
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'BucketAlreadyOwnedByYou' || name === 'BucketAlreadyExists') return;
      throw this.translate(error, `bucket ${this.bucket}`);
    }
  }

  async put(key: string, body: Buffer | Readable, options: PutObjectOptions): Promise<void> {
    assertValidObjectKey(key);
    assertValidContentType(options.contentType);
    try {
      if (Buffer.isBuffer(body)) {
        await this.putOnce(key, body, body.length, options.contentType);
      } else if (options.contentLength !== undefined) {
        await this.putOnce(key, body, options.contentLength, options.contentType);
      } else {
        await this.putStreamOfUnknownLength(key, body, options.contentType);
      }
    } catch (error) {
      if (!Buffer.isBuffer(body)) body.destroy();
      throw this.translate(error, key);
    }
  }

  async get(key: string): Promise<StoredObject> {
    assertValidObjectKey(key);
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        key,
        contentType: response.ContentType ?? 'application/octet-stream',
        contentLength: response.ContentLength ?? 0,
        lastModified: response.LastModified,
        etag: response.ETag,
        // In Node the SDK's body is an http.IncomingMessage, i.e. a Readable.
        body: response.Body as Readable,
      };
    } catch (error) {
      throw this.translate(error, key);
    }
  }

  async delete(key: string): Promise<void> {
    assertValidObjectKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      throw this.translate(error, key);
    }
  }

  async exists(key: string): Promise<boolean> {
    assertValidObjectKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      const translated = this.translate(error, key);
      if (translated instanceof ObjectNotFoundError) return false;
      throw translated;
    }
  }

  async head(key: string): Promise<ObjectMetadata> {
    assertValidObjectKey(key);
    try {
      const response = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        key,
        contentType: response.ContentType ?? 'application/octet-stream',
        contentLength: response.ContentLength ?? 0,
        lastModified: response.LastModified,
        etag: response.ETag,
      };
    } catch (error) {
      throw this.translate(error, key);
    }
  }

  async presignGet(key: string, options: PresignGetOptions): Promise<PresignedRequest> {
    assertValidObjectKey(key);
    assertValidExpiry(options.expiresInSeconds);
    const expiresAt = this.expiresAt(options.expiresInSeconds);
    const url = await getSignedUrl(this.presignClient, new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn: options.expiresInSeconds,
    });
    return { method: 'GET', url, headers: {}, expiresAt };
  }

  async presignPut(key: string, options: PresignPutOptions): Promise<PresignedRequest> {
    assertValidObjectKey(key);
    assertValidExpiry(options.expiresInSeconds);
    assertValidContentType(options.contentType);
    const expiresAt = this.expiresAt(options.expiresInSeconds);
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: options.contentType });
    // Content-Type becomes a signed header: the upload must declare the type the API agreed to.
    const url = await getSignedUrl(this.presignClient, command, { expiresIn: options.expiresInSeconds, signableHeaders: new Set(['content-type']) });
    return { method: 'PUT', url, headers: { 'content-type': options.contentType }, expiresAt };
  }

  async checkReachable(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      throw new StorageUnavailableError(`S3 bucket ${this.bucket} is not reachable`, { cause: error });
    }
  }

  /** Closes the clients' sockets; for the owner of the clients (StorageModule) at shutdown. */
  destroy(): void {
    this.client.destroy();
    if (this.presignClient !== this.client) this.presignClient.destroy();
  }

  private expiresAt(expiresInSeconds: number): Date {
    return new Date(Date.now() + expiresInSeconds * 1000);
  }

  private async putOnce(key: string, body: Buffer | Readable, length: number, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentLength: length, ContentType: contentType }),
    );
  }

  /** One PutObject when the stream fits in a part, a multipart upload otherwise. */
  private async putStreamOfUnknownLength(key: string, stream: Readable, contentType: string): Promise<void> {
    const parts = fixedSizeParts(stream, this.partSizeBytes)[Symbol.asyncIterator]();
    const first = await parts.next();
    const second = first.done ? first : await parts.next();
    if (second.done) {
      const body = first.done ? Buffer.alloc(0) : first.value;
      await this.putOnce(key, body, body.length, contentType);
      return;
    }
    const { UploadId } = await this.client.send(
      new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key, ContentType: contentType }),
    );
    const completed: CompletedPart[] = [];
    try {
      const upload = async (body: Buffer) => {
        const PartNumber = completed.length + 1;
        const { ETag } = await this.client.send(
          new UploadPartCommand({ Bucket: this.bucket, Key: key, UploadId, PartNumber, Body: body, ContentLength: body.length }),
        );
        completed.push({ PartNumber, ETag });
      };
      await upload(first.value as Buffer);
      await upload(second.value);
      for (let next = await parts.next(); !next.done; next = await parts.next()) await upload(next.value);
      await this.client.send(
        new CompleteMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId, MultipartUpload: { Parts: completed } }),
      );
    } catch (error) {
      // Unfinished uploads keep their parts (and cost) until aborted.
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId }))
        .catch(() => undefined);
      throw error;
    }
  }

  private translate(error: unknown, key: string): Error {
    const missingBucket = (error as { name?: string }).name === 'NoSuchBucket';
    if (!missingBucket && isNotFoundError(error, 'NoSuchKey', 'NotFound')) return new ObjectNotFoundError(key, { cause: error });
    if (isUnreachableError(error)) return new StorageUnavailableError(`S3 is not reachable (${key})`, { cause: error });
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Re-chunks a stream into buffers of exactly `size` bytes (the last may be shorter). */
async function* fixedSizeParts(stream: Readable, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    pending.push(buffer);
    pendingBytes += buffer.length;
    while (pendingBytes >= size) {
      const joined = Buffer.concat(pending);
      yield joined.subarray(0, size);
      pending = [joined.subarray(size)];
      pendingBytes = joined.length - size;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending);
}
