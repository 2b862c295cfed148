import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { APP_INFO, type AppInfo } from '@tall/platform/config';
import type { SystemInfo } from '@tall/system/contracts';
import { GetSystemInfoQuery } from './get-system-info.query';

@QueryHandler(GetSystemInfoQuery)
export class GetSystemInfoHandler implements IQueryHandler<GetSystemInfoQuery> {
  private readonly info: SystemInfo;

  constructor(@Inject(APP_INFO) app: AppInfo) {
    // Computed once: this is the cached GET of the platform benchmark.
    this.info = { name: app.name, version: app.version, instanceId: app.instanceId, modules: app.hostedModules, startedAt: app.startedAt };
  }

  async execute(): Promise<SystemInfo> {
    return this.info;
  }
}
