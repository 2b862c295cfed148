import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { ConfigModule, type AppConfig } from '@tall/platform/config';
import { DatabaseModule } from '@tall/platform/database';
import { HttpPlatformModule } from '@tall/platform/http';
import { ObservabilityModule } from '@tall/platform/observability';
import { hostedModules } from './hosted-modules';
import { CONTEXT_MODULES } from './context-modules';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    const hosted = hostedModules(config.MODULES, CONTEXT_MODULES.map((context) => context.name));
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ObservabilityModule.forRoot({ logger }),
        HttpPlatformModule.forRoot({
          minimumClientVersions: {
            web: config.MIN_CLIENT_VERSION_WEB,
            android: config.MIN_CLIENT_VERSION_ANDROID,
            desktop: config.MIN_CLIENT_VERSION_DESKTOP,
          },
        }),
        DatabaseModule.forRoot({
          postgresUrl: config.DATABASE_URL,
          postgresPoolSize: config.DATABASE_POOL_SIZE,
          mongoUri: config.MONGODB_URI,
        }),
        ...CONTEXT_MODULES.filter((context) => hosted.includes(context.name)).map((context) => context.module(config)),
      ],
    };
  }
}
