import { DomainError } from '@tall/platform/errors';

export type SystemErrorCode = 'CRON_JOB_RUNNING' | 'JOB_NOT_FOUND' | 'PARKED_EVENT_NOT_FOUND' | 'CONSUMER_NOT_HOSTED';

/** Why the system context refuses a request; infrastructure's SystemErrorMapper gives each code its status. */
export class SystemError extends DomainError<SystemErrorCode> {}
