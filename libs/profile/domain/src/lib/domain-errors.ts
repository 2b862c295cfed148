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
  | 'PERSONAL_DATA_UNAVAILABLE';

export class ProfileError extends Error {
  constructor(
    readonly code: ProfileErrorCode,
    message: string,
    readonly details?: { retryAfterSeconds?: number; [key: string]: unknown },
  ) {
    super(message);
    this.name = 'ProfileError';
  }
}
