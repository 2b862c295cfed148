import { Module } from '@nestjs/common';
import { OpsTokenGuard } from './ops-token.guard';
import { SystemController } from './system.controller';
import { SystemEventsService } from './system-events.service';
import { SystemLifecycle } from './system-lifecycle';

/** The system context: instance announcements and the weekly job. Platform modules are global. */
@Module({
  controllers: [SystemController],
  providers: [SystemEventsService, SystemLifecycle, OpsTokenGuard],
})
export class SystemModule {}
