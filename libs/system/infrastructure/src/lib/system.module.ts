import { Module } from '@nestjs/common';
import { SystemController } from './system.controller';
import { SystemEventsService } from './system-events.service';
import { SystemLifecycle } from './system-lifecycle';
import { SystemUserDataExport } from './system-user-data-export';

/** The system context: instance announcements and the weekly job. Platform modules are global. */
@Module({
  controllers: [SystemController],
  providers: [SystemEventsService, SystemLifecycle, SystemUserDataExport],
})
export class SystemModule {}
