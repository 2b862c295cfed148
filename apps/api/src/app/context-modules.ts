import type { DynamicModule, Type } from '@nestjs/common';
import type { AppConfig } from '@tall/platform/config';
import { SYSTEM_MODULE } from '@tall/system/contracts';
import { SystemModule } from '@tall/system/infrastructure';

export interface ContextModule {
  name: string;
  /** Topics this context publishes: decides whether its events reach others in memory or via Kafka. */
  publishes: readonly string[];
  module: (config: AppConfig) => DynamicModule | Type;
}

/** Every bounded context this build can host; `MODULES` picks among them. */
export const CONTEXT_MODULES: ContextModule[] = [{ ...SYSTEM_MODULE, module: () => SystemModule }];
