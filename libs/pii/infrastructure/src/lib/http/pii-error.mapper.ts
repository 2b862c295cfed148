import { domainErrorMapper } from '@tall/platform/http';
import { PiiError } from '@tall/pii/domain';

/** How a pii refusal reaches clients, over HTTP and to other contexts' calls alike. */
export const PiiErrorMapper = domainErrorMapper(PiiError, {
  statuses: {
    PII_NOT_FOUND: 404,
    PII_ERASED: 410,
    EMAIL_TAKEN: 409,
    BIRTH_DATE_OUT_OF_RANGE: 422,
    // A teacher asking for someone who is not their student, or another user's export.
    FORBIDDEN: 403,
    KEY_ROTATION_IN_PROGRESS: 409,
    // A manual rotation within an hour of the last one, without force.
    ROTATION_TOO_SOON: 409,
    EXPORT_INCOMPLETE: 500,
    PII_INTEGRITY_FAILURE: 500,
    SERVICE_UNAVAILABLE: 503,
  },
  headers: (error) => {
    const retryAfter = error.code === 'ROTATION_TOO_SOON' ? error.details?.retryAfterSeconds : undefined;
    return retryAfter === undefined ? undefined : { 'retry-after': String(retryAfter) };
  },
});
