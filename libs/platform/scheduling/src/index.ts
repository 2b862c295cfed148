export { previousOccurrence, nextOccurrence } from './lib/cron-schedule';
export type { Lease, LeaseStore } from './lib/leases/lease-store';
export { PgLeaseStore } from './lib/leases/pg-lease-store';
export { InMemoryLeaseStore } from './lib/leases/in-memory-lease-store';
export type { JobRun, JobRunStatus, JobRunStore, ClaimResult, RunOutcome } from './lib/job-runs/job-run-store';
export { PgJobRunStore } from './lib/job-runs/pg-job-run-store';
export { InMemoryJobRunStore } from './lib/job-runs/in-memory-job-run-store';
export type { SqlQueryable } from './lib/sql-queryable';
export { schedulingMigrations, schedulingMigrationSql } from './lib/scheduling-migration';
export {
  ScheduledJobs,
  type ScheduledJob,
  type ScheduledJobsOptions,
  type JobContext,
  type JobTrigger,
  type JobStatus,
  type CronRegistry,
  type SchedulerLogger,
} from './lib/scheduled-jobs';
export { JobConflictError, UnknownJobError, InvalidJobDefinitionError } from './lib/scheduling-errors';
export { SchedulingModule, type SchedulingModuleOptions } from './lib/scheduling.module';
