import { AnnounceWeekHandler } from './lib/cron/announce-week/announce-week.handler';
import { ListJobRunsHandler } from './lib/cron/list-job-runs/list-job-runs.handler';
import { RunWeeklyJobHandler } from './lib/cron/run-weekly-job/run-weekly-job.handler';
import { GetSystemInfoHandler } from './lib/info/get-system-info/get-system-info.handler';
import { RecordInstanceStartHandler } from './lib/instances/record-instance-start/record-instance-start.handler';
import { DiscardParkedEventHandler } from './lib/events/discard-parked-event/discard-parked-event.handler';
import { ListParkedEventsHandler } from './lib/events/list-parked-events/list-parked-events.handler';
import { ReplayParkedEventHandler } from './lib/events/replay-parked-event/replay-parked-event.handler';
import { ExportSystemDataHandler } from './lib/user-data/export-system-data/export-system-data.handler';

export * from './lib/ports/system-records.port';
export * from './lib/ports/scheduled-job-runs.port';
export * from './lib/ports/parked-events.port';
export * from './lib/system-error';
export * from './lib/cron/weekly-cohorts-job';

export * from './lib/instances/record-instance-start/record-instance-start.command';
export * from './lib/cron/announce-week/announce-week.command';
export * from './lib/cron/run-weekly-job/run-weekly-job.command';
export * from './lib/cron/list-job-runs/list-job-runs.query';
export * from './lib/info/get-system-info/get-system-info.query';
export * from './lib/user-data/export-system-data/export-system-data.query';
export * from './lib/events/list-parked-events/list-parked-events.query';
export * from './lib/events/replay-parked-event/replay-parked-event.command';
export * from './lib/events/discard-parked-event/discard-parked-event.command';

export const systemCommandHandlers = [RecordInstanceStartHandler, AnnounceWeekHandler, RunWeeklyJobHandler, ReplayParkedEventHandler, DiscardParkedEventHandler];
export const systemQueryHandlers = [ListJobRunsHandler, GetSystemInfoHandler, ExportSystemDataHandler, ListParkedEventsHandler];
