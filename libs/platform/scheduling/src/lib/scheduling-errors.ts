export class JobConflictError extends Error {
  readonly code = 'CRON_JOB_RUNNING';
  constructor(readonly job: string, where: 'here' | 'elsewhere') {
    super(
      where === 'here'
        ? `Job ${job} is already running on this instance`
        : `Job ${job} is running (or being checked) on another instance`,
    );
    this.name = 'JobConflictError';
  }
}

export class UnknownJobError extends Error {
  readonly code = 'CRON_JOB_UNKNOWN';
  constructor(readonly job: string) {
    super(`No scheduled job is registered as ${job}`);
    this.name = 'UnknownJobError';
  }
}

export class InvalidJobDefinitionError extends Error {
  readonly code = 'CRON_JOB_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidJobDefinitionError';
  }
}
