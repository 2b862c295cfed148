import { Module, type Type } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { createLogger, ObservabilityModule } from '@tall/platform/observability';
import type { ClientPlatform } from '../lib/client-version';
import { configureHttp } from '../lib/configure-http';
import { HttpPlatformModule } from '../lib/http.module';
import type { SecurityHeadersOptions } from '../lib/security-headers';

export interface HttpTestAppOptions {
  minimumClientVersions?: Record<ClientPlatform, string>;
  security?: SecurityHeadersOptions;
}

/** A Nest app on Fastify with only the given controllers and the platform's HTTP conventions, initialised and ready for `inject`. */
export async function httpTestApp(controllers: Type[], options: HttpTestAppOptions = {}): Promise<NestFastifyApplication> {
  const logger = createLogger({ level: 'silent' });
  @Module({ controllers })
  class ControllersModule {}
  const moduleRef = await Test.createTestingModule({
    imports: [
      ObservabilityModule.forRoot({ logger }),
      HttpPlatformModule.forRoot({ minimumClientVersions: options.minimumClientVersions ?? { web: '1.0.0', android: '1.0.0', desktop: '1.0.0' } }),
      ControllersModule,
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  configureHttp(app, logger, options.security);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
