import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './app-config.schema';
import { APP_CONFIG } from './load-config';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

/** Who this process is: set once by the app at start. */
export interface AppInfo {
  name: string;
  version: string;
  instanceId: string;
  hostedModules: string[];
  startedAt: string;
}

export const APP_INFO = Symbol('APP_INFO');
