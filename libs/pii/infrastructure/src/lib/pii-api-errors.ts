import {
  EmailTakenError,
  IncompleteExportError,
  PersonalDataErasedError,
  PersonalDataNotFoundError,
  ReadForbiddenError,
  ReauthenticationFailedError,
  ReauthenticationLockedError,
  RotationInProgressError,
} from '@tall/pii/application';
import { PiiIntegrityError } from '@tall/pii/domain';
import { ApiError, errors } from '@tall/platform/http';
import { isSecretStoreUnavailable } from '@tall/platform/secrets';

/** The pii use cases' failures as HTTP (and call) errors; anything else passes unchanged. */
export function toApiError(error: unknown): unknown {
  if (error instanceof PersonalDataNotFoundError) return new ApiError(404, error.code, error.message);
  if (error instanceof PersonalDataErasedError) return errors.gone(error.code, error.message);
  if (error instanceof EmailTakenError) return errors.conflict(error.code, error.message);
  if (error instanceof ReadForbiddenError) return errors.forbidden(error.message);
  if (error instanceof ReauthenticationFailedError) return errors.forbidden(error.message, error.code);
  if (error instanceof ReauthenticationLockedError) return errors.tooManyRequests(error.retryAfterSeconds, error.code, error.message);
  if (error instanceof RotationInProgressError) return errors.conflict(error.code, error.message);
  if (error instanceof IncompleteExportError) return new ApiError(500, error.code, 'The export could not be completed; nothing was left out silently');
  if (error instanceof PiiIntegrityError) {
    return new ApiError(500, 'PII_INTEGRITY_FAILURE', 'Stored personal data failed its integrity check and was not returned');
  }
  if (isSecretStoreUnavailable(error)) return errors.unavailable('secrets');
  return error;
}

/** Runs a use case and rethrows its failure as an ApiError. */
export async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toApiError(error);
  }
}
