import type { DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@tall/platform/config';

export interface ContextModule {
  name: string;
  /** Topics this context publishes: decides whether its events reach others in memory or via Kafka. */
  publishes: readonly string[];
  module: (config: AppConfig) => DynamicModule;
}

/** Every bounded context this build can host; `MODULES` picks among them. */
export const CONTEXT_MODULES: ContextModule[] = [];
