import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import type { AppConfig } from '@tall/platform/config';
import { configureHttp, frameworkErrorHandler } from '@tall/platform/http';
import { PinoNestLogger } from '@tall/platform/observability';
import { AppModule } from './app.module';
import { setupOpenApi } from './openapi';
import { eventRegistry } from './event-contracts';
import { registerEventSchemas } from './schema-registry';
import { serveWebClient } from './web-client';

/** Builds the app without listening, so tests and the benchmark can host it on any port. */
export async function bootstrap(
  config: AppConfig,
  logger: Logger,
  extraModules: Array<Type | DynamicModule> = [],
): Promise<NestFastifyApplication> {
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
  configureHttp(app, logger, { publicUrl: config.PUBLIC_URL });
  setupOpenApi(app);
  await serveWebClient(app, config.WEB_DIST_DIR, logger.child({ component: 'web' }));
  await app.init();
  if (config.SCHEMA_REGISTRY_URL) {
    void registerEventSchemas(config.SCHEMA_REGISTRY_URL, eventRegistry, logger.child({ component: 'schema-registry' }));
  }
  return app;
}
