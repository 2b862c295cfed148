import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { LOCAL_UPLOAD_MEDIA_TYPE } from './local-disk-object-storage';

/**
 * Lets `LocalStorageController` read uploads as a stream. Fastify answers 415 to media types it
 * has no parser for; this registers a pass-through parser for the one type the local driver's
 * pre-signed PUTs use, leaving every other route's body handling as it was.
 */
@Injectable()
export class LocalUploadBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    // No HTTP adapter: a standalone application context (a worker, a test) serves no routes.
    if (!adapter) return;
    if (adapter.getType() !== 'fastify') {
      throw new Error('The local storage driver serves its URLs through the Fastify adapter only');
    }
    const fastify = adapter.getInstance<FastifyInstance>();
    if (!fastify.hasContentTypeParser(LOCAL_UPLOAD_MEDIA_TYPE)) {
      fastify.addContentTypeParser(LOCAL_UPLOAD_MEDIA_TYPE, (_request, payload, done) => done(null, payload));
    }
  }
}
