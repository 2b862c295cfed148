import { domainErrorMapper } from '@tall/platform/http';
import { SystemError } from '@tall/system/application';

export const SystemErrorMapper = domainErrorMapper(SystemError, {
  statuses: {
    CRON_JOB_RUNNING: 409,
    JOB_NOT_FOUND: 404,
    PARKED_EVENT_NOT_FOUND: 404,
    CONSUMER_NOT_HOSTED: 409,
  },
});
