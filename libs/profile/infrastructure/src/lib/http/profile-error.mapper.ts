import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { catchError, type Observable } from 'rxjs';
import { ApiError, errors } from '@tall/platform/http';
import { ProfileError, type ProfileErrorCode } from '@tall/profile/domain';

const STATUS: Record<ProfileErrorCode, number> = {
  EMAIL_TAKEN: 409,
  REGISTRATION_CLOSED: 403,
  PASSWORD_TOO_SHORT: 400,
  PASSWORD_TOO_LONG: 400,
  PASSWORD_TOO_COMMON: 400,
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
};

/** The HTTP face of a profile refusal; anything else passes through unchanged. */
export function toApiError(error: unknown): unknown {
  if (!(error instanceof ProfileError)) return error;
  if (error.code === 'ACCOUNT_LOCKED') {
    return errors.tooManyRequests(error.details?.retryAfterSeconds ?? 60, 'ACCOUNT_LOCKED', error.message);
  }
  const headers: Record<string, string> = error.code.startsWith('REFRESH_TOKEN') ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {};
  return new ApiError(STATUS[error.code], error.code, error.message, undefined, headers);
}

/** Maps the application's typed refusals to the error envelope, for every profile controller. */
@Injectable()
export class ProfileErrorInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        throw toApiError(error);
      }),
    );
  }
}
