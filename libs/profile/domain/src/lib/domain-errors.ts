import { DomainError } from '@tall/platform/errors';

/**
 * What a profile use case can refuse, by stable code. The HTTP edge maps each to a status;
 * the domain and application layers know nothing of HTTP.
 */
export type ProfileErrorCode =
  | 'EMAIL_TAKEN'
  | 'REGISTRATION_CLOSED'
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_LONG'
  | 'PASSWORD_TOO_COMMON'
  | 'INVALID_CREDENTIALS'
  | 'CURRENT_PASSWORD_INCORRECT'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_DISABLED'
  | 'REFRESH_TOKEN_INVALID'
  | 'REFRESH_TOKEN_REUSED'
  | 'SESSION_NOT_FOUND'
  | 'USER_NOT_FOUND'
  | 'USER_DELETED'
  | 'TEACHER_NOT_FOUND'
  | 'STUDENT_NOT_FOUND'
  | 'FORBIDDEN'
  | 'OWN_ACCOUNT'
  | 'LAST_TECH_ADMIN'
  | 'PERSONAL_DATA_UNAVAILABLE'
  // Erasing one's own account (`DELETE /pii/me`): the codes that route has always answered with.
  | 'REAUTHENTICATION_FAILED'
  | 'PII_ERASED';

/** A profile refusal; `profile-error.mapper.ts` in infrastructure gives each code its status. */
export class ProfileError extends DomainError<ProfileErrorCode> {}
