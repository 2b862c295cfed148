import { Controller, Get, Global, Header, Inject, Module, Res, VERSION_NEUTRAL, type DynamicModule, type Type } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { HealthRegistry } from './health';
import { collectProcessMetrics, metricsRegistry } from './metrics';

export const LOGGER = Symbol('LOGGER');

@ApiExcludeController()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly health: HealthRegistry) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const report = await this.health.readiness();
    await reply.status(report.status === 'ok' ? 200 : 503).send(report);
  }
}

/** `/metrics` for Prometheus, guarded by `access` when given (a class decorator such as the app's @MetricsAccess()). */
function metricsController(access: ClassDecorator | undefined): Type {
  @ApiExcludeController()
  @Controller({ path: 'metrics', version: VERSION_NEUTRAL })
  class MetricsController {
    @Get()
    @Header('Content-Type', metricsRegistry.contentType)
    async metrics(): Promise<string> {
      return metricsRegistry.metrics();
    }
  }
  access?.(MetricsController);
  return MetricsController;
}

export interface ObservabilityModuleOptions {
  logger: Logger;
  /**
   * Who may read `/metrics`. This library knows nothing of authentication, so the app passes its
   * access decorator; the app always does. Left out, `/metrics` is open: for tests that host a few
   * modules and read their metrics.
   */
  metricsAccess?: ClassDecorator;
}

@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityModuleOptions): DynamicModule {
    collectProcessMetrics();
    return {
      module: ObservabilityModule,
      controllers: [HealthController, metricsController(options.metricsAccess)],
      providers: [{ provide: LOGGER, useValue: options.logger }, HealthRegistry],
      exports: [LOGGER, HealthRegistry],
    };
  }
}

/** Injects the application's pino logger. */
export const InjectLogger = (): ParameterDecorator => Inject(LOGGER);
