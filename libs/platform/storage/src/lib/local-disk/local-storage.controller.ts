import {
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  PayloadTooLargeException,
  Put,
  Req,
  Res,
  UnsupportedMediaTypeException,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import { ObjectNotFoundError } from '../storage-errors';
import { LOCAL_UPLOAD_MEDIA_TYPE, LocalDiskObjectStorage } from './local-disk-object-storage';
import type { SignedMethod } from './url-signer';

export const LOCAL_STORAGE_UPLOAD_LIMIT = Symbol.for('tall.platform.storage.localUploadLimit');

type SignedRequest = FastifyRequest<{
  Params: Record<string, string>;
  Querystring: Record<string, string | string[] | undefined>;
}>;

/**
 * Serves the local-disk driver's pre-signed URLs, so that clients use local storage exactly as
 * they use S3: with a URL and the headers the API handed out, and no session.
 */
// Outside API versioning and OpenAPI: clients never build these URLs, they receive them signed.
@ApiExcludeController()
@Controller({ path: 'storage/local', version: VERSION_NEUTRAL })
export class LocalStorageController {
  constructor(
    @Inject(LocalDiskObjectStorage) private readonly storage: LocalDiskObjectStorage,
    @Inject(LOCAL_STORAGE_UPLOAD_LIMIT) private readonly maxUploadBytes: number,
  ) {}

  @Get('*')
  async download(@Req() request: SignedRequest, @Res() reply: FastifyReply): Promise<void> {
    const key = this.verify(request, 'GET');
    let object;
    try {
      object = await this.storage.get(key);
    } catch (error) {
      if (error instanceof ObjectNotFoundError) {
        throw new NotFoundException({ statusCode: 404, code: error.code, message: 'The object does not exist' });
      }
      throw error;
    }
    await reply
      .status(200)
      .header('content-type', object.contentType)
      .header('content-length', object.contentLength)
      // Uploaded content must never be sniffed into something executable by the browser.
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(object.body);
  }

  @Put('*')
  @HttpCode(200)
  async upload(@Req() request: SignedRequest): Promise<void> {
    const contentType = single(request.query['contentType']);
    const key = this.verify(request, 'PUT', contentType ?? '');
    if (request.headers['content-type'] !== LOCAL_UPLOAD_MEDIA_TYPE || !(request.body instanceof Readable)) {
      throw new UnsupportedMediaTypeException({
        statusCode: 415,
        code: 'STORAGE_UPLOAD_MEDIA_TYPE',
        message: `Send the headers returned with the pre-signed URL (content-type: ${LOCAL_UPLOAD_MEDIA_TYPE})`,
      });
    }
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxUploadBytes) throw tooLarge(this.maxUploadBytes);
    const limited = new ByteLimit(this.maxUploadBytes);
    // pipeline, not pipe: a client that disconnects mid-upload must fail the put, not stall it.
    pipeline(request.body, limited, () => undefined);
    await this.storage.put(key, limited, { contentType: contentType as string });
  }

  private verify(request: SignedRequest, method: SignedMethod, contentType?: string): string {
    const key = request.params['*'] ?? '';
    const check = this.storage.verifySignedRequest({
      method,
      key,
      expires: single(request.query['expires']),
      signature: single(request.query['signature']),
      contentType,
    });
    if (!check.valid) {
      throw new ForbiddenException({
        statusCode: 403,
        code: check.failure,
        message:
          check.failure === 'STORAGE_URL_EXPIRED'
            ? 'The pre-signed URL has expired'
            : 'The pre-signed URL signature does not match',
      });
    }
    return key;
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

function tooLarge(limit: number): PayloadTooLargeException {
  return new PayloadTooLargeException({
    statusCode: 413,
    code: 'STORAGE_UPLOAD_TOO_LARGE',
    message: `Uploads are limited to ${limit} bytes`,
  });
}

/** Fails the upload stream once it passes the limit, so the partial file is discarded. */
class ByteLimit extends Transform {
  private seen = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) callback(tooLarge(this.limit));
    else callback(null, chunk);
  }
}
