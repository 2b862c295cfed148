import { domainErrorMapper } from '@tall/platform/http';
import { ProfileError } from '@tall/profile/domain';

/** A lockout always says when to try again; this stands in should a refusal ever come without it. */
const DEFAULT_LOCKOUT_RETRY_SECONDS = 60;

const retryAfter = (error: ProfileError): number => error.details?.retryAfterSeconds ?? DEFAULT_LOCKOUT_RETRY_SECONDS;

/** Maps profile's refusals to the error envelope, on every profile controller and for profile's calls. */
export const ProfileErrorMapper = domainErrorMapper(ProfileError, {
  statuses: {
    EMAIL_TAKEN: 409,
    REGISTRATION_CLOSED: 403,
    PASSWORD_TOO_SHORT: 400,
    PASSWORD_TOO_LONG: 400,
    // The body is well-formed; the password is refused by a rule no schema states.
    PASSWORD_TOO_COMMON: 422,
    INVALID_CREDENTIALS: 401,
    // Not 401: the access token is fine, and a client would take 401 as "refresh and retry".
    CURRENT_PASSWORD_INCORRECT: 403,
    ACCOUNT_LOCKED: 429,
    ACCOUNT_DISABLED: 403,
    REFRESH_TOKEN_INVALID: 401,
    REFRESH_TOKEN_REUSED: 401,
    SESSION_NOT_FOUND: 404,
    USER_NOT_FOUND: 404,
    USER_DELETED: 410,
    TEACHER_NOT_FOUND: 404,
    STUDENT_NOT_FOUND: 404,
    FORBIDDEN: 403,
    OWN_ACCOUNT: 403,
    LAST_TECH_ADMIN: 409,
    PERSONAL_DATA_UNAVAILABLE: 503,
    REAUTHENTICATION_FAILED: 403,
    PII_ERASED: 410,
  },
  headers: (error): Record<string, string> | undefined => {
    if (error.code === 'ACCOUNT_LOCKED') return { 'retry-after': String(retryAfter(error)) };
    if (error.code.startsWith('REFRESH_TOKEN')) return { 'www-authenticate': 'Bearer error="invalid_token"' };
    return undefined;
  },
  // The envelope's details are the 429's `{ retryAfterSeconds }` (as errors.tooManyRequests builds it), and nothing else.
  details: (error) => (error.code === 'ACCOUNT_LOCKED' ? { retryAfterSeconds: retryAfter(error) } : undefined),
});
