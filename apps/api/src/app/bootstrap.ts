import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import type { AppConfig } from '@tall/platform/config';
import { parseHostedModules } from '@tall/platform/events';
import { configureHttp, frameworkErrorHandler, pageContentSecurityPolicy, serviceWorkerContentSecurityPolicy } from '@tall/platform/http';
import { PinoNestLogger } from '@tall/platform/observability';
import { connectInternalRpc } from '@tall/platform/rpc';
import { OBJECT_STORAGE, type ObjectStorage } from '@tall/platform/storage';
import { AppModule } from './app.module';
import { CONTEXT_MODULES } from './context-modules';
import { setupOpenApi } from './openapi';
import { eventRegistry } from './event-contracts';
import { registerEventSchemas } from './schema-registry';
import { serveWebClient } from './web-client';

/**
 * Builds the app without listening, so tests and the benchmark can host it on any port. With
 * `INTERNAL_PORT`, the internal listener for calls from other Tall processes is attached too:
 * `app.startAllMicroservices()` starts it.
 */
export async function bootstrap(
  config: AppConfig,
  logger: Logger,
  extraModules: Array<Type | DynamicModule> = [],
): Promise<NestFastifyApplication> {
  // Another process hosts the rest, and calls this one's modules (the GDPR export asks every one).
  if (config.INTERNAL_PORT === undefined && parseHostedModules(config.MODULES, CONTEXT_MODULES).length < CONTEXT_MODULES.length) {
    throw new Error('MODULES hosts only some modules, so INTERNAL_PORT must be set for the other processes to call them');
  }
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Only the proxies TRUST_PROXY names may tell the client's address (request.ip, rate limits).
    trustProxy: config.TRUST_PROXY,
    requestIdHeader: false,
    connectionTimeout: 0,
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    frameworkErrors: frameworkErrorHandler(logger),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, logger, extraModules), adapter, {
    logger: new PinoNestLogger(logger.child({ component: 'nest' })),
    bufferLogs: false,
    abortOnError: false,
  });
  app.enableShutdownHooks();
  if (config.INTERNAL_PORT !== undefined) {
    connectInternalRpc(app, { host: config.INTERNAL_HOST ?? config.HOST, port: config.INTERNAL_PORT });
  }
  configureHttp(app, logger, { publicUrl: config.PUBLIC_URL });
  setupOpenApi(app);
  const media = { mediaOrigins: await storageOrigins(app) };
  await serveWebClient(app, config.WEB_DIST_DIR, logger.child({ component: 'web' }), { page: pageContentSecurityPolicy(media), serviceWorker: serviceWorkerContentSecurityPolicy(media) });
  await app.init();
  if (config.SCHEMA_REGISTRY_URL) {
    void registerEventSchemas(config.SCHEMA_REGISTRY_URL, eventRegistry, logger.child({ component: 'schema-registry' }));
  }
  return app;
}

/**
 * Where browsers fetch media from: the host of the object storage's pre-signed URLs (videos,
 * subtitles, posters), which the page policies must allow. Signing is local, so this asks S3 nothing.
 */
async function storageOrigins(app: NestFastifyApplication): Promise<string[]> {
  let storage: ObjectStorage;
  try {
    storage = app.get<ObjectStorage>(OBJECT_STORAGE, { strict: false });
  } catch {
    return [];
  }
  const { url } = await storage.presignGet('web/page-policy-probe', { expiresInSeconds: 60 });
  return [new URL(url).origin];
}
