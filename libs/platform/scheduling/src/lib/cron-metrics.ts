import { counter, gauge } from '@tall/platform/observability';

// Through observability's helpers: they reuse a metric already in the default registry, so
// several ScheduledJobs instances (tests, re-created modules) never register one twice.
export const cronRunsTotal = () =>
  counter('tall_cron_runs_total', 'Scheduled job runs by job and outcome (succeeded, failed)', ['job', 'status'] as const);

export const cronLastSuccess = () =>
  gauge('tall_cron_last_success_timestamp_seconds', 'Unix time of the last successful run of each scheduled job', ['job'] as const);
